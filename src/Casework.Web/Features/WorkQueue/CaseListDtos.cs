namespace Casework.Web.Features.WorkQueue;

/// <summary>One case in a page's list: what it is, where it stands, its next deadline and, for the gemeente, what it must do.</summary>
public sealed record CaseListRow(
    Guid Id,
    string Reference,
    string Type,
    string TypeLabel,
    string Title,
    string State,
    string StateLabel,
    bool Closed,
    string Organisation,
    string OrganisationName,
    DateOnly? NextDueDate,
    string? NextDeadlineName,
    bool Overdue,
    bool DueSoon,
    bool YourTurn,
    string Expectation,
    string? Behandelaar = null,
    string? BehandelaarName = null);

/// <summary>A numbered page of cases with the counts of the whole selection (not only this page).</summary>
public sealed record CaseListPage(IReadOnlyList<CaseListRow> Items, int PageNumber, int PageSize, int Total, int OverdueCount, int DueSoonCount)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record CaseTypeOption(string Type, string Label);

/// <summary>An open state of one case type (its id, as the filter sends it, and its label).</summary>
public sealed record CaseStateOption(string State, string Label, string CaseType);
