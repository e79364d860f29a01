using KanPde.Core.Networks;
using KanPde.Core.Optimization;
using KanPde.Core.Parallelism;
using KanPde.Core.Sampling;
using KanPde.Core.Tests.Networks;
using KanPde.Core.Tests.Training;
using KanPde.Core.Training;

namespace KanPde.Core.Tests.Optimization;

public sealed class NormalEquationsFastPathTests
{
    // A KAN [2,5,1] (cubic, G = 5) physics-informed loss on 700 interior and 60 boundary points: Jacobian rows
    // of cubic edges, more rows than one chunk, windows repeating across rows (so runs form).
    private static PinnLoss Loss(int threads = -1)
    {
        Box box = new([-1.0, 0.0], [1.0, 3.0]);
        KanNetwork network = KanNetwork.Create(box, [2, 5, 1], 5, 3, 3);
        var edge = NetworkChecks.RandomPoints(box, 60, 2).Coordinates.ToArray();
        edge.AsSpan(0, 60).Fill(box.High[0]);
        LossTerm[] terms =
        [
            new("equation", new NonlinearPoissonResidual(), NetworkChecks.RandomPoints(box, 700, 1), 0.01),
            new("robin", new RobinResidual(), new PointSet(2, edge), 1.0),
        ];
        return new PinnLoss(network, terms, threads);
    }

    [Fact]
    public void Accumulate_KanLossRows_MatchesDenseProduct()
    {
        // The sorted, run-summed JᵀJ and Jᵀr against the plain sums over rows of the dense Jacobian;
        // tolerance 1e-12 relative to the largest entry (only the order of additions differs).
        PinnLoss loss = Loss();
        SparseRows rows = loss.CreateJacobianRows();
        var residuals = new double[loss.ResidualCount];
        loss.EvaluateResiduals(loss.Network.Parameters, residuals, rows);
        Assert.True(rows.RowCount > 3 * NormalEquations.ChunkRows);
        int n = rows.ColumnCount;
        var normal = new double[n * n];
        var gradient = new double[n];
        var equations = new NormalEquations();
        equations.Accumulate(rows, residuals, normal, gradient);
        Assert.True(equations.UsedEdgePath);

        var dense = new double[n];
        var reference = new double[n * n];
        var referenceGradient = new double[n];
        for (int r = 0; r < rows.RowCount; r++)
        {
            Array.Clear(dense);
            for (int e = 0; e < rows.RowLength; e++)
            {
                dense[rows.Indices[r * rows.RowLength + e]] += rows.Values[r * rows.RowLength + e];
            }

            for (int i = 0; i < n; i++)
            {
                referenceGradient[i] += dense[i] * residuals[r];
                for (int j = 0; j <= i; j++)
                {
                    reference[i * n + j] += dense[i] * dense[j];
                }
            }
        }

        double scale = reference.Max(Math.Abs), gradientScale = referenceGradient.Max(Math.Abs);
        for (int i = 0; i < n; i++)
        {
            Assert.True(Math.Abs(gradient[i] - referenceGradient[i]) <= 1e-12 * gradientScale, $"gradient {i}");
            for (int j = 0; j < n; j++)
            {
                double expected = j <= i ? reference[i * n + j] : 0; // strict upper triangle left zero
                Assert.True(Math.Abs(normal[i * n + j] - expected) <= 1e-12 * scale, $"entry ({i}, {j}): {normal[i * n + j]} vs {expected}");
            }
        }
    }

    [Fact]
    public void Accumulate_OneOrTwoThreads_BitIdentical()
    {
        // A dedicated team with one worker forces two threads even where the shared team has none.
        PinnLoss loss = Loss();
        SparseRows rows = loss.CreateJacobianRows();
        var residuals = new double[loss.ResidualCount];
        loss.EvaluateResiduals(loss.Network.Parameters, residuals, rows);
        int n = rows.ColumnCount;
        using var solo = new WorkerTeam(0);
        using var pair = new WorkerTeam(1);
        var (normal1, gradient1) = (new double[n * n], new double[n]);
        var (normal2, gradient2) = (new double[n * n], new double[n]);
        new NormalEquations(solo).Accumulate(rows, residuals, normal1, gradient1);
        var twoThreads = new NormalEquations(pair);
        twoThreads.Accumulate(rows, residuals, normal2, gradient2);
        twoThreads.Accumulate(rows, residuals, normal2, gradient2); // again, from the previous order
        Assert.Equal(normal1, normal2);
        Assert.Equal(gradient1, gradient2);
        Assert.Contains(normal1, v => v != 0);
    }

    [Fact]
    public void LevenbergMarquardt_OneOrTwoThreads_BitIdenticalSteps()
    {
        // Ten LM iterations from the same start: the same parameters and losses, bit for bit.
        using var solo = new WorkerTeam(0);
        using var pair = new WorkerTeam(1);
        double[] Run(WorkerTeam team, List<double> losses)
        {
            PinnLoss loss = Loss(threads: 1);
            double[] theta = (double[])loss.Network.Parameters.Clone();
            var optimizer = new LevenbergMarquardt(loss, team: team);
            for (int i = 0; i < 10; i++)
            {
                losses.Add(optimizer.Step(theta).Loss);
            }

            return theta;
        }

        var losses1 = new List<double>();
        var losses2 = new List<double>();
        double[] theta1 = Run(solo, losses1), theta2 = Run(pair, losses2);
        Assert.Equal(theta1, theta2);
        Assert.Equal(losses1, losses2);
        Assert.True(losses1[^1] < losses1[0]);
    }
}
