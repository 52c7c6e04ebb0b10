using Casework.Web.Infrastructure.Export;

namespace Casework.Web.Features.WorkQueue;

/// <summary>The case lists as downloads: the columns of the page, with labels (soort, status, indiener) instead of codes.</summary>
internal static class CaseListExport
{
    public static ExportTable WorkQueue(IEnumerable<CaseListRow> rows, DateOnly today) =>
        ExportTable.Of($"Werkvoorraad {today:dd-MM-yyyy}", rows, columns => columns
            .Text("Zaaknummer", r => r.Reference)
            .Text("Onderwerp", r => r.Title)
            .Text("Soort", r => r.TypeLabel)
            .Text("Indiener", r => r.OrganisationName)
            .Text("Status", r => r.StateLabel)
            .Date("Volgende termijn", r => r.NextDueDate)
            .Text("Soort termijn", r => r.NextDeadlineName)
            .Text("Termijnbewaking", DeadlineStatus)
            .Text("Wie is aan zet", r => r.Expectation));

    public static ExportTable MyCases(IEnumerable<CaseListRow> rows, DateOnly today) =>
        ExportTable.Of($"Mijn zaken {today:dd-MM-yyyy}", rows, columns => columns
            .Text("Zaaknummer", r => r.Reference)
            .Text("Onderwerp", r => r.Title)
            .Text("Soort", r => r.TypeLabel)
            .Text("Status", r => r.StateLabel)
            .Date("Volgende termijn", r => r.NextDueDate)
            .Text("Soort termijn", r => r.NextDeadlineName)
            .Text("Termijnbewaking", DeadlineStatus)
            .YesNo("U bent aan zet", r => r.YourTurn)
            .Text("Wat wordt van u verwacht", r => r.Expectation));

    /// <summary>As the list's deadline column says it.</summary>
    private static string? DeadlineStatus(CaseListRow r) =>
        r.Overdue ? "Termijn verstreken"
        : r.DueSoon ? $"Binnen {CaseLists.DueSoonDays} dagen"
        : r.NextDueDate is not null ? "Op tijd"
        : null;
}
