using KanPde.Core.Derivatives;
using KanPde.Core.Sampling;
using KanPde.Core.Training;

namespace KanPde.Problems.Compilation;

/// <summary>
/// The residual of observations of one unknown: ρ = u_k(xᵢ) − dᵢ at the observation points, in the order of
/// <see cref="Values"/> (the points the residual is prepared for must be those observations' points, in order).
/// </summary>
public sealed class ObservationResidual : IResidual
{
    private readonly double[] _values;

    /// <summary>Observations <paramref name="values"/> of unknown <paramref name="unknown"/>.</summary>
    public ObservationResidual(int unknown, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Observed values must be finite.", nameof(values));
        }

        _values = values;
        Terms = [DerivativeTerm.Value.Of(unknown)];
    }

    /// <summary>The observed values.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <inheritdoc/>
    public IReadOnlyList<DerivativeTerm> Terms { get; }

    /// <inheritdoc/>
    public IResidualEvaluator Prepare(PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return points.Count == _values.Length
            ? new Evaluator(_values)
            : throw new ArgumentException($"{_values.Length} observations need as many points, not {points.Count}.", nameof(points));
    }

    private sealed class Evaluator(double[] values) : IResidualEvaluator
    {
        public int Count => values.Length;

        public void Evaluate(int start, int count, ReadOnlySpan<double> fields, Span<double> residual, Span<double> partials)
        {
            for (int p = 0; p < count; p++)
            {
                residual[p] = fields[p] - values[start + p];
                partials[p] = 1;
            }
        }
    }
}
