using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Tests.Networks;
using KanPde.Core.Training;

namespace KanPde.Core.Tests.Training;

public sealed class PinnLossTests
{
    public static TheoryData<string> Models => new() { "kan", "mlp" };

    internal static INetwork Model(string kind, Box box) => kind switch
    {
        "kan" => KanNetwork.Create(box, [2, 5, 1], 5, 3, 3),
        "mlp" => MlpNetwork.Create(box, [2, 12, 9, 1], Activation.Tanh, 3),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    internal static PinnLoss Loss(INetwork network, int threads = -1, Parallelism.WorkerTeam? team = null)
    {
        Box box = network.Domain;
        PointSet interior = NetworkChecks.RandomPoints(box, 150, 1);
        var edge = NetworkChecks.RandomPoints(box, 40, 2).Coordinates.ToArray();
        edge.AsSpan(0, 40).Fill(box.High[0]); // face x = high
        var terms = new[]
        {
            new LossTerm("equation", new NonlinearPoissonResidual(), interior, 0.01),
            new LossTerm("robin", new RobinResidual(), new PointSet(2, edge), 1.0),
        };
        return new PinnLoss(network, terms, threads, team);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Evaluate_NonlinearResidual_GradientMatchesCentralDifferences(string kind)
    {
        // Step 1e-6 relative; loss is smooth in θ away from knots. Tolerance 1e-6 relative to 1 + |g|.
        INetwork network = Model(kind, new Box([-1.0, 0.0], [1.0, 3.0]));
        PinnLoss loss = Loss(network);
        double[] theta = (double[])network.Parameters.Clone();
        var gradient = new double[theta.Length];
        loss.Evaluate(theta, gradient);
        double scale = gradient.Max(Math.Abs);
        int stride = Math.Max(1, theta.Length / 150);
        for (int q = 0; q < theta.Length; q += stride)
        {
            double saved = theta[q];
            double h = 1e-6;
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
    [MemberData(nameof(Models))]
    public void EvaluateResiduals_RowsAndResiduals_ReproduceLossAndGradient(string kind)
    {
        // L = Σ r² and ∇L = 2·Jᵀr, to rounding (1e-12 relative).
        INetwork network = Model(kind, new Box([-1.0, 0.0], [1.0, 3.0]));
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
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Evaluate_OneOrTwoThreads_BitIdentical(string kind)
    {
        // The two-thread run uses a team that gives each thread every other chunk, so the worker surely computes
        // half of them even on one core (a shared team could let the caller claim every chunk first).
        using var twoThreads = new Parallelism.WorkerTeam(1, interleaved: true);
        INetwork network = Model(kind, new Box([-1.0, 0.0], [1.0, 3.0]));
        var g1 = new double[network.ParameterCount];
        var g2 = new double[network.ParameterCount];
        var means1 = new double[2];
        var means2 = new double[2];
        double l1 = Loss(network, 1).Evaluate(network.Parameters, g1, means1);
        double l2 = Loss(network, 2, twoThreads).Evaluate(network.Parameters, g2, means2);
        Assert.Equal(l1, l2);
        Assert.Equal(g1, g2);
        Assert.Equal(means1, means2);
        Assert.Equal(l1, 0.01 * means1[0] + means1[1], 1e-15 * l1);
    }
}
