using KanPde.Core.Derivatives;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;

namespace KanPde.Core.Tests.Networks;

/// <summary>The fast blocked sweep (interval polynomials) and the per-point sweep (B-spline basis rows) compute one function.</summary>
public sealed class KanSweepAgreementTests
{
    [Theory]
    [InlineData(2, 3, 5, 127)]  // cubic, a block with a tail of three points
    [InlineData(3, 3, 7, 130)]  // three inputs, two blocks (the second of two points)
    [InlineData(2, 2, 6, 61)]   // quadratic: the general-order Horner path
    public void Forward_FastAndPerPointSweeps_AgreeChannelByChannel(int inputs, int order, int grid, int count)
    {
        // Grids updated to a few points and then evaluated on others: hidden values fall on and off their grids.
        // Tolerance 1e-12 relative to 1 + |value|: two algorithms, rounding differs in the last bits.
        var box = new Box(Enumerable.Repeat(-1.0, inputs).ToArray(), Enumerable.Repeat(2.0, inputs).ToArray());
        KanNetwork network = KanNetwork.Create(box, [inputs, 4, 3, 1], grid, order, seed: 8).UpdateGrids(NetworkChecks.RandomPoints(box, 20, 3));
        PointSet points = NetworkChecks.RandomPoints(box, count, 4);
        DerivativeSet all = DerivativeSet.All(inputs);
        var fast = new KanWorkspace(network, all, 128);
        var slow = new KanPointwiseWorkspace(network, all, 128);
        int c = all.ChannelCount;

        for (int start = 0; start < count; start += 128)
        {
            int n = Math.Min(128, count - start);
            var block = new double[inputs * n];
            for (int k = 0; k < inputs; k++)
            {
                points.Coordinate(k).Slice(start, n).CopyTo(block.AsSpan(k * n, n));
            }

            var a = new double[c * n];
            var b = new double[c * n];
            fast.Forward(network.Parameters, block, n, a);
            slow.Forward(network.Parameters, block, n, b);
            for (int i = 0; i < a.Length; i++)
            {
                Assert.True(Math.Abs(a[i] - b[i]) <= 1e-12 * (1 + Math.Abs(b[i])), $"channel {i / n} point {start + i % n}: {a[i]:R} vs {b[i]:R}");
            }
        }
    }
}
