using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Symbolic;
using KanPde.Core.Training;

namespace KanPde.Core.Tests.Symbolic;

public sealed class KanPruningTests
{
    private static readonly Box Square = Box.Symmetric(2);

    private static PointSet Points() => Collocation.Interior(Square, 400, SamplingMethod.Sobol, 1);

    // A [2, 3, 1] KAN whose hidden node 2 is silenced: every edge out of it is scaled by 1e-6.
    private static KanNetwork WithWeakNode()
    {
        KanNetwork network = KanNetwork.Create(Square, [2, 3, 1], 5, 3, seed: 3);
        KanLayer output = network.Layers[1];
        network.Parameters[output.BaseWeightIndex(2, 0)] *= 1e-6;
        network.Parameters[output.SplineScaleIndex(2, 0)] *= 1e-6;
        return network;
    }

    [Fact]
    public void Scores_AnyNetwork_EachLayersEdgeScoresSumToOne()
    {
        KanNetwork network = KanNetwork.Create(Square, [2, 4, 1], 5, 3, seed: 1);

        (double[][][] edges, double[][] nodes) = KanPruning.Scores(network, EdgeSamples.Measure(network, Points()));

        Assert.All(edges, layer => Assert.Equal(1, layer.Sum(i => i.Sum()), 1e-12));
        Assert.Equal(1, nodes[0].Sum(), 1e-12);
    }

    [Fact]
    public void Prune_SilencedHiddenNode_DropsItAndKeepsTheFunction()
    {
        KanNetwork network = WithWeakNode();
        PointSet points = Points();

        PrunedKan pruned = KanPruning.Prune(network, points, new PruningOptions());

        Assert.Equal([2, 2, 1], pruned.Network.Widths);
        double[] before = NetworkEvaluation.Values(network, points), after = NetworkEvaluation.Values(pruned.Network, points);
        double scale = before.Max(Math.Abs);
        Assert.All(before.Zip(after), p => Assert.Equal(p.First, p.Second, 1e-4 * scale));
    }

    [Fact]
    public void Prune_WeakEdge_BecomesExactlyZeroAndStaysZeroWhenRetrained()
    {
        KanNetwork network = KanNetwork.Create(Square, [2, 2, 1], 5, 3, seed: 5);
        KanLayer first = network.Layers[0];
        network.Parameters[first.BaseWeightIndex(1, 0)] *= 1e-7;
        network.Parameters[first.SplineScaleIndex(1, 0)] *= 1e-7;
        PointSet points = Points();

        PrunedKan pruned = KanPruning.Prune(network, points, new PruningOptions());
        var residual = new ValueResidual();
        (PrunedKan retrained, double loss) = PrunedRetraining.Retrain(pruned, [new LossTerm("fit", residual, points, 1)], 5);

        Assert.False(pruned.IsKept(0, 1, 0));
        bool[] frozen = retrained.FrozenParameters();
        Assert.Contains(true, frozen);
        Assert.All(Enumerable.Range(0, frozen.Length).Where(i => frozen[i]), i => Assert.Equal(0, retrained.Network.Parameters[i]));
        double start = new PinnLoss(pruned.Network, [new LossTerm("fit", residual, points, 1)]).Evaluate(pruned.Network.Parameters, default);
        Assert.True(loss < start, $"retrained loss {loss} vs {start}");
    }

    // ρ = u − x·y: a regression target the network can learn.
    private sealed class ValueResidual : IResidual
    {
        public IReadOnlyList<KanPde.Core.Derivatives.DerivativeTerm> Terms { get; } = [KanPde.Core.Derivatives.DerivativeTerm.Value];

        public IResidualEvaluator Prepare(PointSet points) => new Evaluator(points);

        private sealed class Evaluator(PointSet points) : IResidualEvaluator
        {
            public int Count => points.Count;

            public void Evaluate(int start, int count, ReadOnlySpan<double> fields, Span<double> residual, Span<double> partials)
            {
                for (int p = 0; p < count; p++)
                {
                    residual[p] = fields[p] - points.Coordinate(0)[start + p] * points.Coordinate(1)[start + p];
                    partials[p] = 1;
                }
            }
        }
    }
}
