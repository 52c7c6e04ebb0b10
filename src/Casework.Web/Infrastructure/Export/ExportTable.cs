namespace Casework.Web.Infrastructure.Export;

/// <summary>What a column holds, so that each writer can give it its own cell: text, a count, a number, an amount, a date or a moment.</summary>
public enum ExportCellKind
{
    Text,
    WholeNumber,
    Number,
    Money,
    Date,
    DateTime,
}

/// <summary>A column of an export: its Dutch header as a reader knows it, and what its cells hold.</summary>
public sealed record ExportColumn(string Header, ExportCellKind Kind);

/// <summary>
/// A list as it is downloaded: a title (the sheet's name, and the file's), Dutch column headers and rows of values
/// whose type matches their column (<see cref="string"/>, <see cref="int"/>, <see cref="decimal"/>,
/// <see cref="DateOnly"/>, <see cref="DateTimeOffset"/>; null is an empty cell). Written by <see cref="TableExport"/>
/// as CSV for a Dutch Excel or as an Excel workbook; build one with <see cref="ExportTable.Of{T}"/>.
/// </summary>
public sealed class ExportTable
{
    public ExportTable(string title, IReadOnlyList<ExportColumn> columns, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (columns.Count == 0)
        {
            throw new ArgumentException("An export has at least one column.", nameof(columns));
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != columns.Count)
            {
                throw new ArgumentException($"Row {r} has {rows[r].Count} cells for {columns.Count} columns.", nameof(rows));
            }

            for (var c = 0; c < columns.Count; c++)
            {
                if (rows[r][c] is { } value && !Fits(columns[c].Kind, value))
                {
                    throw new ArgumentException($"Row {r}, column '{columns[c].Header}' ({columns[c].Kind}) holds a {value.GetType().Name}.", nameof(rows));
                }
            }
        }

        Title = title;
        Columns = columns;
        Rows = rows;
    }

    public string Title { get; }

    public IReadOnlyList<ExportColumn> Columns { get; }

    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    /// <summary>A table of <paramref name="items"/>, one row each, with the columns <paramref name="columns"/> names.</summary>
    public static ExportTable Of<T>(string title, IEnumerable<T> items, Action<ExportColumns<T>> columns)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(columns);
        var builder = new ExportColumns<T>();
        columns(builder);
        return new ExportTable(title, builder.Columns, items.Select(builder.Row).ToList());
    }

    private static bool Fits(ExportCellKind kind, object value) => kind switch
    {
        ExportCellKind.Text => value is string,
        ExportCellKind.WholeNumber => value is int,
        ExportCellKind.Number or ExportCellKind.Money => value is decimal,
        ExportCellKind.Date => value is DateOnly,
        ExportCellKind.DateTime => value is DateTimeOffset,
        _ => false,
    };
}

/// <summary>The columns of an export of <typeparamref name="T"/>, each with its header and how to read its cell from an item.</summary>
public sealed class ExportColumns<T>
{
    private readonly List<ExportColumn> _columns = [];
    private readonly List<Func<T, object?>> _cells = [];

    internal IReadOnlyList<ExportColumn> Columns => _columns;

    public ExportColumns<T> Text(string header, Func<T, string?> cell) => Add(header, ExportCellKind.Text, x => cell(x));

    /// <summary>Yes or no, as a reader says it ("Ja", "Nee"), not TRUE/FALSE (which a Dutch Excel shows as WAAR/ONWAAR).</summary>
    public ExportColumns<T> YesNo(string header, Func<T, bool> cell) => Add(header, ExportCellKind.Text, x => cell(x) ? "Ja" : "Nee");

    public ExportColumns<T> WholeNumber(string header, Func<T, int?> cell) => Add(header, ExportCellKind.WholeNumber, x => cell(x));

    public ExportColumns<T> Number(string header, Func<T, decimal?> cell) => Add(header, ExportCellKind.Number, x => cell(x));

    /// <summary>An amount in euros.</summary>
    public ExportColumns<T> Money(string header, Func<T, decimal?> cell) => Add(header, ExportCellKind.Money, x => cell(x));

    public ExportColumns<T> Date(string header, Func<T, DateOnly?> cell) => Add(header, ExportCellKind.Date, x => cell(x));

    /// <summary>A moment, written in Amsterdam time.</summary>
    public ExportColumns<T> DateTime(string header, Func<T, DateTimeOffset?> cell) => Add(header, ExportCellKind.DateTime, x => cell(x));

    internal IReadOnlyList<object?> Row(T item) => _cells.Select(cell => cell(item)).ToList();

    private ExportColumns<T> Add(string header, ExportCellKind kind, Func<T, object?> cell)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        _columns.Add(new ExportColumn(header, kind));
        _cells.Add(cell);
        return this;
    }
}
