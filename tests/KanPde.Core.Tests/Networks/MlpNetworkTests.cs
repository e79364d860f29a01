using KanPde.Core.Derivatives;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;

namespace KanPde.Core.Tests.Networks;

public sealed class MlpNetworkTests
{
    private static MlpNetwork Network(int inputs, Activation activation, int seed = 1, params int[] hidden)
    {
        var low = Enumerable.Range(0, inputs).Select(k => -1.0 - 0.5 * k).ToArray();
        var high = Enumerable.Range(0, inputs).Select(k => 1.0 + k).ToArray();
        int[] widths = [inputs, .. hidden, 1];
        var net = MlpNetwork.Create(new Box(low, high), widths, activation, seed);
        var random = new Random(seed);
        for (int q = 0; q < net.ParameterCount; q++)
        {
            net.Parameters[q] += 0.1 * (random.NextDouble() - 0.5); // non-zero biases too
        }

        return net;
    }

    [Fact]
    public void ParameterCount_PaperBaseline_Is20601()
    {
        // The KAN paper's [2,100,100,100,1] baseline: 2·100+100 + 2·(100·100+100) + 100+1.
        Assert.Equal(20601, MlpNetwork.CountParameters([2, 100, 100, 100, 1]));
        Assert.Equal(20601, MlpNetwork.Create(Box.Symmetric(2), [2, 100, 100, 100, 1], Activation.Tanh, 0).ParameterCount);
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sin)]
    [InlineData(Activation.Silu)]
    [InlineData(Activation.Softplus)]
    public void Evaluate_Activation_DerivativesMatchCentralDifferences(Activation activation)
    {
        // Step 1e-4: central differences of the closed forms; tolerance 1e-7 (truncation ~h²/6·f⁗).
        var d = new double[4];
        var up = new double[4];
        var down = new double[4];
        const double h = 1e-4;
        for (double z = -4; z <= 4; z += 0.37)
        {
            Activations.Evaluate(activation, z, d);
            Activations.Evaluate(activation, z + h, up);
            Activations.Evaluate(activation, z - h, down);
            for (int r = 0; r < 3; r++)
            {
                Assert.Equal(d[r + 1], (up[r] - down[r]) / (2 * h), 1e-7);
            }

            var block = new double[4];
            ActivationBlockProbe(activation, z, block);
            for (int r = 0; r < 4; r++)
            {
                Assert.Equal(d[r], block[r], 1e-14);
            }
        }
    }

    private static void ActivationBlockProbe(Activation activation, double z, double[] result)
    {
        var zs = Enumerable.Repeat(z, 5).ToArray(); // 5: one vector of four plus a scalar tail
        var all = new double[20];
        ActivationBlock.Evaluate(activation, zs, all);
        for (int r = 0; r < 4; r++)
        {
            Assert.Equal(all[r * 5], all[r * 5 + 4]);
            result[r] = all[r * 5];
        }
    }

    [Theory]
    [InlineData(1, Activation.Tanh)]
    [InlineData(2, Activation.Tanh)]
    [InlineData(3, Activation.Tanh)]
    [InlineData(2, Activation.Sin)]
    [InlineData(2, Activation.Silu)]
    [InlineData(2, Activation.Softplus)]
    public void Forward_InputDerivatives_MatchCentralDifferences(int inputs, Activation activation)
    {
        NetworkChecks.InputDerivativesMatchFiniteDifferences(Network(inputs, activation, 1, 9, 7), 20, 2e-6);
    }

    [Theory]
    [InlineData(1, Activation.Tanh)]
    [InlineData(2, Activation.Tanh)]
    [InlineData(3, Activation.Sin)]
    [InlineData(2, Activation.Silu)]
    [InlineData(2, Activation.Softplus)]
    public void Backward_AllChannels_MatchesCentralDifferences(int inputs, Activation activation)
    {
        NetworkChecks.ParameterGradientMatchesFiniteDifferences(Network(inputs, activation, 2, 6, 5), DerivativeSet.All(inputs), 11, 1e-6);
    }

    [Fact]
    public void Backward_WideNetworkAndSubset_MatchesCentralDifferences()
    {
        // Block of 37 points exercises the matrix kernels' edge handling (columns not a multiple of 8).
        MlpNetwork net = Network(2, Activation.Tanh, 3, 20, 13, 9);
        var set = DerivativeSet.Create(2, [DerivativeTerm.D(0, 0), DerivativeTerm.D(1, 1)]);
        NetworkChecks.ParameterGradientMatchesFiniteDifferences(net, set, 37, 1e-6, maxParameters: 300);
    }

    [Fact]
    public void JacobianRows_WeightedSum_EqualsGradient()
    {
        NetworkChecks.JacobianRowsSumToGradient(Network(2, Activation.Tanh, 4, 5, 4), DerivativeSet.All(2), 6);
    }

    [Theory]
    [InlineData(Activation.Sin)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Silu)]
    [InlineData(Activation.Softplus)]
    public void Forward_PointAnywhereInBlock_SameBits(Activation activation)
    {
        // A point's channels must not depend on where it falls in a block (vector body or tail of every kernel).
        MlpNetwork net = Network(2, activation, 6, 23, 17);
        var set = DerivativeSet.Create(2, [DerivativeTerm.D(0, 0), DerivativeTerm.D(1, 1), DerivativeTerm.D(0, 1)]);
        PointSet points = NetworkChecks.RandomPoints(net.Domain, 37, 9);
        double[] Channels(int start, int count)
        {
            var inputs = new double[2 * count];
            for (int k = 0; k < 2; k++)
            {
                points.Coordinate(k).Slice(start, count).CopyTo(inputs.AsSpan(k * count));
            }

            var channels = new double[set.ChannelCount * count];
            net.CreateWorkspace(set, 40).Forward(net.Parameters, inputs, count, channels);
            return channels;
        }

        double[] whole = Channels(0, 37);
        foreach ((int start, int count) in new[] { (1, 36), (3, 29), (30, 7), (5, 1) })
        {
            double[] part = Channels(start, count);
            for (int c = 0; c < set.ChannelCount; c++)
            {
                for (int p = 0; p < count; p++)
                {
                    Assert.Equal(whole[c * 37 + start + p], part[c * count + p]);
                }
            }
        }
    }
}
