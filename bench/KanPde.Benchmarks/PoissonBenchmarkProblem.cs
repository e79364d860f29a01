using KanPde.Core.Derivatives;
using KanPde.Core.Sampling;
using KanPde.Core.Training;

namespace KanPde.Benchmarks;

/// <summary>
/// The KAN paper's §3.4 Poisson problem (design.md) written directly in code: u_xx + u_yy = f on
/// [−1,1]² with f = −π²(1+4y²)·sin(πx)·sin(πy²) + 2π·sin(πx)·cos(πy²), u = 0 on the boundary;
/// by default 2,601 interior points (51×51 grid) and 204 boundary points (51 per face), α = 0.01.
/// </summary>
internal static class PoissonBenchmarkProblem
{
    /// <summary>The loss terms on an n×n interior grid and <paramref name="perFace"/> points on each face (bounds included).</summary>
    public static IReadOnlyList<LossTerm> Terms(int n = 51, int perFace = 51)
    {
        var interior = new double[2 * n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                interior[i * n + j] = -1 + 2.0 * i / (n - 1);
                interior[n * n + i * n + j] = -1 + 2.0 * j / (n - 1);
            }
        }

        int m = perFace, b = 4 * m;
        var boundary = new double[2 * b];
        for (int q = 0; q < m; q++)
        {
            double s = -1 + 2.0 * q / (m - 1);
            (boundary[q], boundary[b + q]) = (-1, s);
            (boundary[m + q], boundary[b + m + q]) = (1, s);
            (boundary[2 * m + q], boundary[b + 2 * m + q]) = (s, -1);
            (boundary[3 * m + q], boundary[b + 3 * m + q]) = (s, 1);
        }

        return
        [
            new LossTerm("equation", new Equation(), new PointSet(2, interior), 0.01),
            new LossTerm("boundary", new Dirichlet(), new PointSet(2, boundary), 1.0),
        ];
    }

    private sealed class Equation : IResidual
    {
        public IReadOnlyList<DerivativeTerm> Terms { get; } = [DerivativeTerm.D(0, 0), DerivativeTerm.D(1, 1)];

        public IResidualEvaluator Prepare(PointSet points)
        {
            var f = new double[points.Count];
            for (int p = 0; p < f.Length; p++)
            {
                double x = points.Coordinate(0)[p], y = points.Coordinate(1)[p];
                f[p] = -Math.PI * Math.PI * (1 + 4 * y * y) * Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y * y)
                    + 2 * Math.PI * Math.Sin(Math.PI * x) * Math.Cos(Math.PI * y * y);
            }

            return new Evaluator(f);
        }

        private sealed class Evaluator(double[] f) : IResidualEvaluator
        {
            public int Count => f.Length;

            public void Evaluate(int start, int count, ReadOnlySpan<double> fields, Span<double> residual, Span<double> partials)
            {
                for (int p = 0; p < count; p++)
                {
                    residual[p] = fields[p] + fields[count + p] - f[start + p];
                }

                partials[..(2 * count)].Fill(1.0);
            }
        }
    }

    private sealed class Dirichlet : IResidual
    {
        public IReadOnlyList<DerivativeTerm> Terms { get; } = [DerivativeTerm.Value];

        public IResidualEvaluator Prepare(PointSet points) => new Evaluator(points.Count);

        private sealed class Evaluator(int count) : IResidualEvaluator
        {
            public int Count => count;

            public void Evaluate(int start, int count, ReadOnlySpan<double> fields, Span<double> residual, Span<double> partials)
            {
                fields[..count].CopyTo(residual);
                partials[..count].Fill(1.0);
            }
        }
    }
}
