namespace KanPde.Core.Training;

/// <summary>
/// The rows of a Jacobian in sparse form, each with the same number of entries:
/// entry e of row r is (<c>Indices[r * RowLength + e]</c>, <c>Values[r * RowLength + e]</c>), with
/// strictly increasing indices within a row.
/// </summary>
public sealed class SparseRows
{
    /// <summary>Allocates storage for <paramref name="rowCount"/> rows of <paramref name="rowLength"/> entries.</summary>
    /// <param name="rowCount">Number of rows.</param>
    /// <param name="rowLength">Entries per row.</param>
    /// <param name="columnCount">Number of columns.</param>
    /// <param name="groupLength">
    /// Entries come in consecutive groups of this many (a divisor of <paramref name="rowLength"/>; default the
    /// whole row), and group g of every row lies in one column block, the blocks increasing with g (a KAN
    /// edge's entries: its coefficients, w_b and w_s).
    /// </param>
    public SparseRows(int rowCount, int rowLength, int columnCount, int? groupLength = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(rowLength);
        GroupLength = groupLength ?? Math.Max(1, rowLength);
        if (GroupLength < 1 || (rowLength > 0 && rowLength % GroupLength != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(groupLength), "The group length must divide the row length.");
        }

        RowCount = rowCount;
        RowLength = rowLength;
        ColumnCount = columnCount;
        Indices = new int[(long)rowCount * rowLength];
        Values = new double[(long)rowCount * rowLength];
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Entries per row.</summary>
    public int RowLength { get; }

    /// <summary>Entries per group (see the constructor).</summary>
    public int GroupLength { get; }

    /// <summary>Number of columns (parameters).</summary>
    public int ColumnCount { get; }

    /// <summary>Column indices, row-major.</summary>
    public int[] Indices { get; }

    /// <summary>Values, row-major.</summary>
    public double[] Values { get; }

    /// <summary>Effectively <c>destination = Jᵀ·v</c>.</summary>
    public void MultiplyTransposed(ReadOnlySpan<double> v, Span<double> destination)
    {
        destination.Clear();
        for (int r = 0; r < RowCount; r++)
        {
            double vr = v[r];
            int baseIndex = r * RowLength;
            for (int e = 0; e < RowLength; e++)
            {
                destination[Indices[baseIndex + e]] += Values[baseIndex + e] * vr;
            }
        }
    }
}
