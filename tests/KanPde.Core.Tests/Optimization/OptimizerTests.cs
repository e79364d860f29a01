using KanPde.Core.Optimization;
using KanPde.Core.Training;

namespace KanPde.Core.Tests.Optimization;

public sealed class OptimizerTests
{
    /// <summary>Rosenbrock's function in n dimensions, minimum 0 at (1, …, 1).</summary>
    private sealed class Rosenbrock(int n) : IObjective
    {
        public int Dimension => n;

        public int Calls { get; private set; }

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            Calls++;
            double f = 0;
            if (!gradient.IsEmpty)
            {
                gradient.Clear();
            }

            for (int i = 0; i + 1 < n; i++)
            {
                double a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
                f += 100 * a * a + b * b;
                if (!gradient.IsEmpty)
                {
                    gradient[i] += -400 * a * x[i] - 2 * b;
                    gradient[i + 1] += 200 * a;
                }
            }

            return f;
        }
    }

    /// <summary>Fit y = p0·exp(p1·t) + p2 to exact data: residuals with a sparse (here dense) Jacobian.</summary>
    private sealed class ExponentialFit : ILeastSquaresObjective
    {
        private readonly double[] _t = Enumerable.Range(0, 40).Select(i => i / 20.0).ToArray();
        private readonly double[] _y;

        public ExponentialFit() => _y = _t.Select(t => 2.5 * Math.Exp(-1.3 * t) + 0.4).ToArray();

        public int Dimension => 3;

        public int ResidualCount => _t.Length;

        public SparseRows CreateRows() => new(_t.Length, 3, 3);

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            var r = new double[ResidualCount];
            SparseRows rows = CreateRows();
            Residuals(x, r, rows);
            if (!gradient.IsEmpty)
            {
                rows.MultiplyTransposed(r, gradient);
                for (int i = 0; i < gradient.Length; i++)
                {
                    gradient[i] *= 2;
                }
            }

            return r.Sum(v => v * v);
        }

        public void Residuals(ReadOnlySpan<double> x, Span<double> residuals, SparseRows? rows)
        {
            for (int i = 0; i < _t.Length; i++)
            {
                double e = Math.Exp(x[1] * _t[i]);
                residuals[i] = x[0] * e + x[2] - _y[i];
                if (rows is not null)
                {
                    rows.Indices[3 * i] = 0;
                    rows.Indices[3 * i + 1] = 1;
                    rows.Indices[3 * i + 2] = 2;
                    rows.Values[3 * i] = e;
                    rows.Values[3 * i + 1] = x[0] * _t[i] * e;
                    rows.Values[3 * i + 2] = 1;
                }
            }
        }
    }

    [Fact]
    public void Lbfgs_Rosenbrock_ReachesMinimumToMachinePrecision()
    {
        // Reference: minimum 0 at (1,…,1) (closed form). Bound 1e-20 on f and 1e-9 on x within 200 iterations.
        var objective = new Rosenbrock(10);
        var x = new double[10];
        var optimizer = new Lbfgs(objective);
        OptimizerStep last = default;
        for (int i = 0; i < 200 && !last.Stalled; i++)
        {
            last = optimizer.Step(x);
        }

        Assert.True(last.Loss <= 1e-20, $"f = {last.Loss}");
        Assert.All(x, v => Assert.Equal(1.0, v, 1e-9));
    }

    [Fact]
    public void Lbfgs_AtMinimum_ReportsStalledWithoutMoving()
    {
        var objective = new Rosenbrock(4);
        double[] x = [1, 1, 1, 1];
        OptimizerStep step = new Lbfgs(objective).Step(x);
        Assert.True(step.Stalled);
        Assert.Equal(0.0, step.Loss);
        Assert.All(x, v => Assert.Equal(1.0, v));
    }

    [Fact]
    public void Adam_Rosenbrock_DecreasesLoss()
    {
        var objective = new Rosenbrock(2);
        double[] x = [-1.2, 1];
        double start = objective.Evaluate(x, default);
        var optimizer = new Adam(objective, 1e-2);
        OptimizerStep last = default;
        for (int i = 0; i < 2000; i++)
        {
            last = optimizer.Step(x);
        }

        Assert.True(last.Loss < 1e-2 * start, $"{last.Loss} vs {start}");
    }

    [Fact]
    public void LevenbergMarquardt_ExponentialFit_RecoversParameters()
    {
        // Data generated from (2.5, −1.3, 0.4): zero-residual problem, quadratic convergence; bound 1e-10.
        var objective = new ExponentialFit();
        double[] x = [1, -0.5, 0];
        var optimizer = new LevenbergMarquardt(objective);
        OptimizerStep last = default;
        for (int i = 0; i < 100 && !last.Stalled; i++)
        {
            last = optimizer.Step(x);
        }

        Assert.Equal(2.5, x[0], 1e-10);
        Assert.Equal(-1.3, x[1], 1e-10);
        Assert.Equal(0.4, x[2], 1e-10);
    }
}
