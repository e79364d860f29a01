using KanPde.Core.Derivatives;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;

namespace KanPde.Core.Tests.Networks;

/// <summary>The periodic input map: exact periodicity, and every derivative through the chain rule against finite differences.</summary>
public sealed class PeriodicNetworkTests
{
    private static readonly Box Plane = new([0.0, -1.0], [2.0, 3.0]);
    private static readonly Box Space = new([0.0, -1.0, 1.0], [1.0, 1.0, 4.0]);

    public static TheoryData<string, int[]> Cases => new()
    {
        { "kan", [0] },
        { "kan", [1] },
        { "kan", [0, 1] },
        { "mlp", [0] },
        { "kan3", [0, 2] },
    };

    private static PeriodicNetwork Network(string kind, int[] periodic)
    {
        Box domain = kind == "kan3" ? Space : Plane;
        Box inner = PeriodicNetwork.InnerDomain(domain, periodic);
        int inputs = domain.Dimension + periodic.Length;
        INetwork network = kind == "mlp"
            ? MlpNetwork.Create(inner, [inputs, 8, 1], Activation.Tanh, seed: 2)
            : KanNetwork.Create(inner, [inputs, 4, 1], 6, 3, seed: 5);
        return new PeriodicNetwork(domain, periodic, network);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_Periodic_InputDerivativesMatchCentralDifferences(string kind, int[] periodic)
    {
        NetworkChecks.InputDerivativesMatchFiniteDifferences(Network(kind, periodic), 20, 2e-6);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backward_Periodic_ParameterGradientMatchesCentralDifferences(string kind, int[] periodic)
    {
        PeriodicNetwork network = Network(kind, periodic);
        NetworkChecks.ParameterGradientMatchesFiniteDifferences(network, DerivativeSet.All(network.InputCount), 6, 1e-6, maxParameters: 120);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void JacobianRows_Periodic_SumToTheGradient(string kind, int[] periodic)
    {
        PeriodicNetwork network = Network(kind, periodic);
        NetworkChecks.JacobianRowsSumToGradient(network, DerivativeSet.All(network.InputCount), 9);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_AtBothEndsOfAPeriodicVariable_EveryDerivativeAgrees(string kind, int[] periodic)
    {
        PeriodicNetwork network = Network(kind, periodic);
        DerivativeSet all = DerivativeSet.All(network.InputCount);
        PointSet points = NetworkChecks.RandomPoints(network.Domain, 10, 3);
        foreach (int k in periodic)
        {
            for (int p = 0; p < points.Count; p++)
            {
                double[] low = NetworkChecks.Point(points, p), high = (double[])low.Clone();
                (low[k], high[k]) = (network.Domain.Low[k], network.Domain.High[k]);
                double[] a = NetworkChecks.Evaluate(network, all, low), b = NetworkChecks.Evaluate(network, all, high);
                for (int c = 0; c < a.Length; c++)
                {
                    NetworkChecks.AssertClose(a[c], b[c], 1e-12, $"channel {all.Channels[c]} across variable {k}");
                }
            }
        }
    }

    [Fact]
    public void UpdateAndExtendGrid_KeepTheMapAndTheFunction()
    {
        PeriodicNetwork network = Network("kan", [0]);
        PointSet points = NetworkChecks.RandomPoints(network.Domain, 300, 9);
        PeriodicNetwork changed = network.UpdateGrids(points).ExtendGrid(12);
        double[] before = NetworkEvaluation.Values(network, points), after = NetworkEvaluation.Values(changed, points);
        Assert.Equal([0], changed.Periodic);
        Assert.Equal(12, changed.Intervals);
        for (int p = 0; p < before.Length; p++)
        {
            Assert.True(Math.Abs(before[p] - after[p]) <= 1e-2 * (1 + Math.Abs(before[p])), $"point {p}: {before[p]} vs {after[p]}");
        }
    }

    [Fact]
    public void Constructor_InnerOnTheWrongBox_Throws()
    {
        INetwork inner = KanNetwork.Create(new Box([0.0, -1.0, -1.0], [2.0, 3.0, 1.0]), [3, 2, 1], 5, 3, seed: 1);
        Assert.Throws<ArgumentException>(() => new PeriodicNetwork(Plane, [0], inner));
        Assert.Throws<ArgumentException>(() => new PeriodicNetwork(Plane, [2], inner));
    }
}
