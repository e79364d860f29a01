using KanPde.Core.Derivatives;
using KanPde.Core.Sampling;
using KanPde.Core.Training;

namespace KanPde.Core.Tests.Training;

/// <summary>ρ = u_xx + u_yy + u³ − f(x, y) with f = sin(x)·cos(y): nonlinear in u, written by hand.</summary>
internal sealed class NonlinearPoissonResidual : IResidual
{
    public IReadOnlyList<DerivativeTerm> Terms { get; } = [DerivativeTerm.Value, DerivativeTerm.D(0, 0), DerivativeTerm.D(1, 1)];

    public IResidualEvaluator Prepare(PointSet points) => new Evaluator(points);

    private sealed class Evaluator(PointSet points) : IResidualEvaluator
    {
        private readonly double[] _f = Enumerable.Range(0, points.Count)
            .Select(p => Math.Sin(points.Coordinate(0)[p]) * Math.Cos(points.Coordinate(1)[p])).ToArray();

        public int Count => points.Count;

        public void Evaluate(int start, int count, ReadOnlySpan<double> fields, Span<double> residual, Span<double> partials)
        {
            for (int p = 0; p < count; p++)
            {
                double u = fields[p];
                residual[p] = fields[count + p] + fields[2 * count + p] + u * u * u - _f[start + p];
                partials[p] = 3 * u * u;
                partials[count + p] = 1;
                partials[2 * count + p] = 1;
            }
        }
    }
}

/// <summary>ρ = u_x + 2·u − g(y) (a Robin-type condition).</summary>
internal sealed class RobinResidual : IResidual
{
    public IReadOnlyList<DerivativeTerm> Terms { get; } = [DerivativeTerm.D(0), DerivativeTerm.Value];

    public IResidualEvaluator Prepare(PointSet points) => new Evaluator(points);

    private sealed class Evaluator(PointSet points) : IResidualEvaluator
    {
        public int Count => points.Count;

        public void Evaluate(int start, int count, ReadOnlySpan<double> fields, Span<double> residual, Span<double> partials)
        {
            for (int p = 0; p < count; p++)
            {
                residual[p] = fields[p] + 2 * fields[count + p] - Math.Cos(points.Coordinate(1)[start + p]);
                partials[p] = 1;
                partials[count + p] = 2;
            }
        }
    }
}
