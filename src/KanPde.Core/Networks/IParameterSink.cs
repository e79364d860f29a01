namespace KanPde.Core.Networks;

/// <summary>Receives ∂(weighted output)/∂θ_index contributions during a reverse sweep.</summary>
internal interface IParameterSink
{
    void Add(int index, double value);

    /// <summary>Where the next entry goes (rows keep a fixed place for each layer); ignored by sums.</summary>
    void Seek(int position);
}

/// <summary>Accumulates into a dense gradient.</summary>
internal ref struct DenseSink(Span<double> gradient) : IParameterSink
{
    private readonly Span<double> _gradient = gradient;

    public readonly void Add(int index, double value) => _gradient[index] += value;

    public readonly void Seek(int position)
    {
    }
}

/// <summary>Writes entries of one sparse Jacobian row, in order.</summary>
internal ref struct RowSink(Span<int> indices, Span<double> values) : IParameterSink
{
    private readonly Span<int> _indices = indices;
    private readonly Span<double> _values = values;
    private int _cursor;

    public readonly int Written => _cursor;

    public void Seek(int position) => _cursor = position;

    public void Add(int index, double value)
    {
        _indices[_cursor] = index;
        _values[_cursor++] = value;
    }
}
