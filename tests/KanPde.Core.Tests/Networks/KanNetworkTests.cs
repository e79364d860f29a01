using KanPde.Core.Derivatives;
using KanPde.Core.Networks;
using KanPde.Core.Splines;

namespace KanPde.Core.Tests.Networks;

public sealed class KanNetworkTests
{
    private static KanNetwork Network(int inputs, int hidden, int grid, int order, int seed = 1)
    {
        var low = Enumerable.Range(0, inputs).Select(k => -1.0 - 0.5 * k).ToArray();
        var high = Enumerable.Range(0, inputs).Select(k => 1.0 + k).ToArray();
        var net = KanNetwork.Create(new Box(low, high), [inputs, hidden, 1], grid, order, seed);
        // Make the splines matter: coefficients of size O(1) instead of the small initial noise.
        var random = new Random(seed + 100);
        for (int q = 0; q < net.ParameterCount; q++)
        {
            net.Parameters[q] += 0.5 * (random.NextDouble() - 0.5);
        }

        return net;
    }

    [Theory]
    [InlineData(2, 10, 5, 3, 750 - 450)]
    [InlineData(2, 10, 20, 3, 750)]
    [InlineData(3, 4, 7, 2, (3 * 4 + 4) * (7 + 2 + 2))]
    public void ParameterCount_MatchesResultsSpec(int inputs, int hidden, int grid, int order, int expected)
    {
        // docs/results-format.md: in·out·(G+k) coefficients + in·out base weights + in·out spline scales.
        Assert.Equal(expected, Network(inputs, hidden, grid, order).ParameterCount);
        Assert.Equal(expected, KanNetwork.CountParameters([inputs, hidden, 1], grid, order));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(2, 2)]
    [InlineData(2, 4)]
    public void Forward_InputDerivatives_MatchCentralDifferences(int inputs, int order)
    {
        // Central differences with step 1e-5 of the box width: truncation ~1e-10·u‴, rounding ~1e-11/h.
        NetworkChecks.InputDerivativesMatchFiniteDifferences(Network(inputs, 5, 6, order), 25, 2e-6);
    }

    [Fact]
    public void Forward_DeepNetwork_InputDerivativesMatchCentralDifferences()
    {
        var net = KanNetwork.Create(new Box([-1.0, 0.0], [1.0, 2.0]), [2, 4, 3, 1], 5, 3, 7);
        NetworkChecks.InputDerivativesMatchFiniteDifferences(net, 25, 2e-6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Backward_AllChannels_MatchesCentralDifferences(int inputs)
    {
        // Step 1e-6 in each parameter; the functional is smooth in θ away from knots: tolerance 1e-6.
        KanNetwork net = Network(inputs, 4, 5, 3);
        NetworkChecks.ParameterGradientMatchesFiniteDifferences(net, DerivativeSet.All(inputs), 7, 1e-6);
    }

    [Fact]
    public void Backward_SubsetOfChannels_MatchesCentralDifferences()
    {
        var net = KanNetwork.Create(new Box([-1.0, 0.0], [1.0, 2.0]), [2, 4, 3, 1], 5, 3, 7);
        var set = DerivativeSet.Create(2, [DerivativeTerm.D(1), DerivativeTerm.D(0, 0)]);
        NetworkChecks.ParameterGradientMatchesFiniteDifferences(net, set, 6, 1e-6);
        NetworkChecks.ParameterGradientMatchesFiniteDifferences(net, DerivativeSet.ValueOnly(2), 6, 1e-6);
    }

    [Fact]
    public void Backward_HiddenValuesOffTheirGrids_MatchesCentralDifferences()
    {
        // Large base weights push hidden values past their grids' outer knots, where every basis function
        // is zero: the blocked sweeps must skip those points consistently (tolerance 1e-6).
        KanNetwork net = Network(2, 6, 5, 3, seed: 4);
        KanLayer first = net.Layers[0];
        for (int i = 0; i < first.InputCount; i++)
        {
            for (int o = 0; o < first.OutputCount; o++)
            {
                net.Parameters[first.BaseWeightIndex(i, o)] *= 6;
            }
        }

        var points = NetworkChecks.RandomPoints(net.Domain, 40, 12);
        double[][][] hidden = net.LayerInputs(points);
        Assert.Contains(hidden[1], values => values.Any(v => Math.Abs(v) > net.Layers[1].Grids[0].Knots[^1]));
        NetworkChecks.ParameterGradientMatchesFiniteDifferences(net, DerivativeSet.All(2), 40, 1e-6);
        NetworkChecks.JacobianRowsSumToGradient(net, DerivativeSet.All(2), 40);
    }

    [Fact]
    public void Sweeps_NonUniformGrids_MatchCentralDifferences()
    {
        // Grids as a quantile-based update would leave them (uneven spacing): the general per-interval
        // tables instead of the cardinal ones. Tolerances as for uniform grids.
        KanNetwork uniform = Network(2, 4, 6, 3, seed: 6);
        double[] points = [-1.0, -0.7, -0.45, -0.1, 0.05, 0.5, 1.0];
        var layers = uniform.Layers.Select(layer => layer.With(
            Enumerable.Range(0, layer.InputCount).Select(i => KnotVector.FromGrid(points.Select(p => p * (1 + 0.2 * i)).ToArray(), 3)).ToArray(),
            layer.Offset)).ToArray();
        var net = new KanNetwork(uniform.Domain, layers, (double[])uniform.Parameters.Clone());
        Assert.False(net.Layers[0].Grids[0].IsUniform);
        NetworkChecks.InputDerivativesMatchFiniteDifferences(net, 20, 2e-6);
        NetworkChecks.ParameterGradientMatchesFiniteDifferences(net, DerivativeSet.All(2), 9, 1e-6);
        NetworkChecks.JacobianRowsSumToGradient(net, DerivativeSet.All(2), 9);
    }

    [Fact]
    public void JacobianRows_WeightedSum_EqualsGradient()
    {
        KanNetwork net = Network(2, 10, 5, 3);
        NetworkChecks.JacobianRowsSumToGradient(net, DerivativeSet.All(2), 13);
        var ws = net.CreateWorkspace(DerivativeSet.All(2), 1);
        Assert.Equal(30 * (3 + 3), ws.RowLength); // edges × (k+1 coefficients + w_b + w_s)
    }

    [Fact]
    public void EvaluateEdge_MatchesNetworkOnSingleLayer()
    {
        // A [1,1] KAN is a single edge: u(x) = φ(x̂) with x̂ the normalised input.
        var net = KanNetwork.Create(new Box([0.0], [4.0]), [1, 1], 6, 3, 2);
        var result = new double[3];
        foreach (double x in new[] { 0.0, 0.7, 2.0, 3.99 })
        {
            double[] channels = NetworkChecks.Evaluate(net, DerivativeSet.ValueOnly(1), [x]);
            net.Layers[0].EvaluateEdge(net.Parameters, 0, 0, (x - 2.0) / 2.0, 2, result);
            Assert.Equal(result[0], channels[0], 1e-14);
        }
    }
}
