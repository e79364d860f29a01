using KanPde.Core.Derivatives;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Tests.Networks;
using KanPde.Core.Training;

namespace KanPde.Core.Tests.Training;

/// <summary>The loss of a system: two unknowns u, v and a trainable constant κ in one parameter vector.</summary>
public sealed class SystemLossTests
{
    private static readonly Box Box = new([-1.0, 0.0], [1.0, 2.0]);

    private static SystemNetwork System(string kind) => new(
        [PinnLossTests.Model(kind, Box), kind == "kan" ? KanNetwork.Create(Box, [2, 4, 1], 6, 3, 9) : MlpNetwork.Create(Box, [2, 7, 1], Activation.Tanh, 9)],
        [new ConstantNetwork(Box, 0.7)]);

    private static PinnLoss Loss(INetwork network)
    {
        PointSet interior = NetworkChecks.RandomPoints(Box, 120, 4);
        PointSet other = NetworkChecks.RandomPoints(Box, 30, 5);
        return new PinnLoss(network,
        [
            new LossTerm("coupled", new CoupledResidual(), interior, 0.3),
            new LossTerm("v only", new VOnlyResidual(), other, 1.0),
        ]);
    }

    [Theory]
    [MemberData(nameof(PinnLossTests.Models), MemberType = typeof(PinnLossTests))]
    public void Evaluate_System_GradientMatchesCentralDifferences(string kind)
    {
        // Every parameter of u's and v's networks and κ; step 1e-6, tolerance 1e-6 relative to 1 + |g| as for one network.
        SystemNetwork network = System(kind);
        PinnLoss loss = Loss(network);
        double[] theta = (double[])network.Parameters.Clone();
        var gradient = new double[theta.Length];
        loss.Evaluate(theta, gradient);
        double scale = gradient.Max(Math.Abs);
        int constant = network.Offset(2);
        Assert.NotEqual(0, gradient[constant]);
        int stride = Math.Max(1, theta.Length / 150);
        foreach (int q in Enumerable.Range(0, theta.Length).Where(q => q % stride == 0 || q == constant || q == network.Offset(1)))
        {
            double saved = theta[q];
            const double h = 1e-6;
            theta[q] = saved + h;
            double up = loss.Evaluate(theta, default);
            theta[q] = saved - h;
            double down = loss.Evaluate(theta, default);
            theta[q] = saved;
            double fd = (up - down) / (2 * h);
            Assert.True(Math.Abs(fd - gradient[q]) <= 1e-6 * (scale + Math.Abs(gradient[q])), $"parameter {q}: {gradient[q]} vs {fd}");
        }
    }

    [Theory]
    [MemberData(nameof(PinnLossTests.Models), MemberType = typeof(PinnLossTests))]
    public void EvaluateResiduals_System_RowsReproduceLossAndGradient(string kind)
    {
        // L = Σ r² and ∇L = 2·Jᵀr to rounding, also for the term that reads v alone (its rows carry zeros for u and κ).
        SystemNetwork network = System(kind);
        PinnLoss loss = Loss(network);
        var gradient = new double[loss.ParameterCount];
        double value = loss.Evaluate(network.Parameters, gradient);
        var residuals = new double[loss.ResidualCount];
        SparseRows rows = loss.CreateJacobianRows();
        loss.EvaluateResiduals(network.Parameters, residuals, rows);
        Assert.Equal(value, residuals.Sum(r => r * r), 1e-12 * value);
        var jtr = new double[loss.ParameterCount];
        rows.MultiplyTransposed(residuals, jtr);
        double scale = gradient.Max(Math.Abs);
        for (int q = 0; q < jtr.Length; q++)
        {
            Assert.True(Math.Abs(2 * jtr[q] - gradient[q]) <= 1e-12 * scale, $"parameter {q}");
        }

        for (int row = 0; row < rows.RowCount; row++)
        {
            ReadOnlySpan<int> idx = rows.Indices.AsSpan(row * rows.RowLength, rows.RowLength);
            ReadOnlySpan<double> values = rows.Values.AsSpan(row * rows.RowLength, rows.RowLength);
            for (int e = 1; e < idx.Length; e++)
            {
                // Increasing, except a constant's entry padded to a whole group: the same column again, with value zero.
                Assert.True(idx[e] > idx[e - 1] || (idx[e] == idx[e - 1] && values[e] == 0), $"row {row}: indices must increase");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PinnLossTests.Models), MemberType = typeof(PinnLossTests))]
    public void JacobianRows_SystemWithConstant_EachGroupOwnsItsColumns(string kind)
    {
        // The normal equations give each row group's columns to one task; two groups reaching one column in different
        // rows would let two threads add into the same entries of JᵀJ (seen as runs that differed in the last digits).
        SystemNetwork network = System(kind);
        PinnLoss loss = Loss(network);
        SparseRows rows = loss.CreateJacobianRows();
        loss.EvaluateResiduals(network.Parameters, new double[loss.ResidualCount], rows);
        int groups = rows.RowLength / rows.GroupLength;
        var owner = new Dictionary<int, int>();
        for (int row = 0; row < rows.RowCount; row++)
        {
            for (int e = 0; e < rows.RowLength; e++)
            {
                int column = rows.Indices[(row * rows.RowLength) + e], group = e / rows.GroupLength;
                Assert.True(owner.TryAdd(column, group) || owner[column] == group, $"column {column}: groups {owner[column]} and {group}");
            }
        }

        Assert.True(groups > 1, "one group would prove nothing");
    }

    [Fact]
    public void Accumulate_SystemWithConstantOnOneOrTwoThreads_BitIdentical()
    {
        SystemNetwork network = System("kan");
        PinnLoss loss = Loss(network);
        SparseRows rows = loss.CreateJacobianRows();
        var residuals = new double[loss.ResidualCount];
        loss.EvaluateResiduals(network.Parameters, residuals, rows);
        int n = rows.ColumnCount;
        using var solo = new KanPde.Core.Parallelism.WorkerTeam(0);
        using var pair = new KanPde.Core.Parallelism.WorkerTeam(1);
        var (normal1, gradient1) = (new double[n * n], new double[n]);
        new KanPde.Core.Optimization.NormalEquations(solo).Accumulate(rows, residuals, normal1, gradient1);
        for (int repeat = 0; repeat < 5; repeat++)
        {
            var (normal2, gradient2) = (new double[n * n], new double[n]);
            new KanPde.Core.Optimization.NormalEquations(pair).Accumulate(rows, residuals, normal2, gradient2);
            Assert.Equal(normal1, normal2);
            Assert.Equal(gradient1, gradient2);
        }
    }

    [Fact]
    public void Values_System_StacksUnknownsAndLeavesConstantsOut()
    {
        SystemNetwork network = System("kan");
        PointSet points = NetworkChecks.RandomPoints(Box, 17, 6);
        double[] stacked = NetworkEvaluation.Values(network, points);
        Assert.Equal(34, stacked.Length);
        Assert.Equal(NetworkEvaluation.Values(network.Unknown(1), points), stacked[17..]);
        Assert.Equal(0.7, network.Constant(0));
    }

    [Fact]
    public void ExtendGrid_System_KeepsEachUnknownsFunctionAndTheConstant()
    {
        // Grid extension is a least-squares refit of each edge: the functions agree to the fit's error (1e-4 here).
        SystemNetwork network = System("kan");
        PointSet points = NetworkChecks.RandomPoints(Box, 50, 7);
        double[] before = NetworkEvaluation.Values(network, points);
        SystemNetwork extended = network.ExtendGrid(12);
        Assert.Equal(12, extended.Intervals);
        double[] after = NetworkEvaluation.Values(extended, points);
        for (int p = 0; p < before.Length; p++)
        {
            Assert.True(Math.Abs(after[p] - before[p]) < 1e-4, $"value {p}: {before[p]} vs {after[p]}");
        }

        Assert.Equal(0.7, extended.Constant(0));
    }

    /// <summary>ρ = κ·(u_xx + u_yy) − v·u_x + v_y² + κ² − sin x: reads u, v and κ (unknown 2).</summary>
    private sealed class CoupledResidual : IResidual
    {
        public IReadOnlyList<DerivativeTerm> Terms { get; } =
            [DerivativeTerm.D(0, 0), DerivativeTerm.D(1, 1), DerivativeTerm.D(0), DerivativeTerm.Value.Of(1), DerivativeTerm.D(1).Of(1), DerivativeTerm.Value.Of(2)];

        public IResidualEvaluator Prepare(PointSet points) => new Evaluator(points);

        private sealed class Evaluator(PointSet points) : IResidualEvaluator
        {
            public int Count => points.Count;

            public void Evaluate(int start, int count, ReadOnlySpan<double> f, Span<double> residual, Span<double> partials)
            {
                for (int p = 0; p < count; p++)
                {
                    double uxx = f[p], uyy = f[count + p], ux = f[2 * count + p], v = f[3 * count + p], vy = f[4 * count + p], k = f[5 * count + p];
                    residual[p] = k * (uxx + uyy) - v * ux + vy * vy + k * k - Math.Sin(points.Coordinate(0)[start + p]);
                    partials[p] = k;
                    partials[count + p] = k;
                    partials[2 * count + p] = -v;
                    partials[3 * count + p] = -ux;
                    partials[4 * count + p] = 2 * vy;
                    partials[5 * count + p] = uxx + uyy + 2 * k;
                }
            }
        }
    }

    /// <summary>ρ = v_x − 1: reads only the second unknown.</summary>
    private sealed class VOnlyResidual : IResidual
    {
        public IReadOnlyList<DerivativeTerm> Terms { get; } = [DerivativeTerm.D(0).Of(1)];

        public IResidualEvaluator Prepare(PointSet points) => new Evaluator(points.Count);

        private sealed class Evaluator(int count) : IResidualEvaluator
        {
            public int Count => count;

            public void Evaluate(int start, int n, ReadOnlySpan<double> f, Span<double> residual, Span<double> partials)
            {
                for (int p = 0; p < n; p++)
                {
                    residual[p] = f[p] - 1;
                    partials[p] = 1;
                }
            }
        }
    }
}
