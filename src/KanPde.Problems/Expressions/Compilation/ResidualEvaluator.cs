using System.Buffers;
using KanPde.Core.Training;

namespace KanPde.Problems.Expressions.Compilation;

/// <summary>A compiled residual bound to precomputed point data. Immutable, so thread-safe.</summary>
internal sealed class ResidualEvaluator : IResidualEvaluator
{
    private readonly BlockProgram _program;
    private readonly int _terms;
    private readonly double[] _precomputed;

    public ResidualEvaluator(BlockProgram program, int terms, double[] precomputed, int count)
    {
        _program = program;
        _terms = terms;
        _precomputed = precomputed;
        Count = count;
    }

    public int Count { get; }

    public void Evaluate(int start, int count, ReadOnlySpan<double> fields, Span<double> residual, Span<double> partials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count, nameof(count));
        ArgumentOutOfRangeException.ThrowIfLessThan(fields.Length, _terms * count, nameof(fields));
        ArgumentOutOfRangeException.ThrowIfLessThan(residual.Length, count, nameof(residual));
        ArgumentOutOfRangeException.ThrowIfLessThan(partials.Length, _terms * count, nameof(partials));

        int block = Math.Min(count, BlockRunner.BlockSize);
        int scratchLength = _program.TempCount * block;
        double[]? rented = null;
        Span<double> scratch = scratchLength <= BlockRunner.StackLimit
            ? stackalloc double[scratchLength]
            : (rented = ArrayPool<double>.Shared.Rent(scratchLength));
        try
        {
            for (int offset = 0; offset < count; offset += block)
            {
                int n = Math.Min(block, count - offset);
                var inputs = new BlockInputs(_precomputed, Count, start + offset, fields, count, offset);
                Span<double> temps = scratch[..(_program.TempCount * n)];
                temps.Clear(); // pooled memory holds whatever its last user left; results must not depend on it
                _program.Run(inputs, n, temps);
                _program.CopyOutput(0, inputs, n, temps, residual.Slice(offset, n));
                for (int t = 0; t < _terms; t++)
                {
                    _program.CopyOutput(t + 1, inputs, n, temps, partials.Slice((t * count) + offset, n));
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }
}
