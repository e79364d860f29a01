using KanPde.Core.Derivatives;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Splines;

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

    [Theory]
    [InlineData(2, 3, 5, 127, 0)]  // cubic, a block with a tail of three points, every derivative
    [InlineData(3, 3, 7, 130, 0)]  // three inputs, two blocks (the second of two points)
    [InlineData(2, 2, 6, 61, 0)]   // quadratic: the general-order path
    [InlineData(2, 4, 4, 33, 0)]   // quartic
    [InlineData(2, 3, 5, 45, 1)]   // values only (a boundary condition's rows)
    [InlineData(2, 3, 5, 45, 2)]   // first derivatives only
    [InlineData(2, 3, 6, 50, 3)]   // non-uniform knots: the per-interval tables
    public void JacobianRows_FastAndPerPointSweeps_AgreeEntryByEntry(int inputs, int order, int grid, int count, int variant)
    {
        // Each row as a dense vector (the two may pick neighbouring intervals for a point on a knot, and so
        // windows that differ by a zero entry). Points inside, on the edge of and outside the grids
        // (the boxes of the points are wider than the ones the grids were fitted to), so windows are clamped.
        // Tolerance 1e-11 relative to 1 + the row's largest entry: two algorithms, rounding differs in the last
        // bits, and these random networks amplify it (measured: a relative change of 2e-16 in the inputs moves
        // the per-point rows of the worst point by 5e-13 relative; most entries agree to 1e-14).
        var box = new Box(Enumerable.Repeat(-1.0, inputs).ToArray(), Enumerable.Repeat(2.0, inputs).ToArray());
        KanNetwork network = KanNetwork.Create(box, [inputs, 4, 3, 1], grid, order, seed: 8).UpdateGrids(NetworkChecks.RandomPoints(box, 20, 3));
        if (variant == 3)
        {
            network = WithUnevenKnots(network);
        }

        var random = new Random(5);
        for (int q = 0; q < network.ParameterCount; q++)
        {
            network.Parameters[q] += 0.5 * (random.NextDouble() - 0.5);
        }

        var wide = new Box(Enumerable.Repeat(-1.5, inputs).ToArray(), Enumerable.Repeat(2.5, inputs).ToArray());
        PointSet points = NetworkChecks.RandomPoints(wide, count, 4);
        DerivativeSet set = variant switch
        {
            1 => DerivativeSet.ValueOnly(inputs),
            2 => DerivativeSet.Create(inputs, Enumerable.Range(0, inputs).Select(i => DerivativeTerm.D(i))),
            _ => DerivativeSet.All(inputs),
        };
        var fast = new KanWorkspace(network, set, 128);
        var slow = new KanPointwiseWorkspace(network, set, 128);
        Assert.Equal(slow.RowLength, fast.RowLength);
        int c = set.ChannelCount, length = fast.RowLength;
        for (int start = 0; start < count; start += 128)
        {
            int n = Math.Min(128, count - start);
            var block = new double[inputs * n];
            for (int k = 0; k < inputs; k++)
            {
                points.Coordinate(k).Slice(start, n).CopyTo(block.AsSpan(k * n, n));
            }

            double[] weights = Enumerable.Range(0, c * n).Select(_ => random.NextDouble() - 0.5).ToArray();
            var channels = new double[c * n];
            (int[] fastIndices, double[] fastValues) = (new int[n * length], new double[n * length]);
            (int[] slowIndices, double[] slowValues) = (new int[n * length], new double[n * length]);
            fast.Forward(network.Parameters, block, n, channels);
            fast.JacobianRows(network.Parameters, weights, fastIndices, fastValues);
            slow.Forward(network.Parameters, block, n, channels);
            slow.JacobianRows(network.Parameters, weights, slowIndices, slowValues);
            for (int p = 0; p < n; p++)
            {
                var expected = new double[network.ParameterCount];
                var actual = new double[network.ParameterCount];
                for (int e = 0; e < length; e++)
                {
                    int at = p * length + e;
                    Assert.True(e == 0 || fastIndices[at] > fastIndices[at - 1], $"point {start + p}: indices not increasing at entry {e}");
                    expected[slowIndices[at]] += slowValues[at];
                    actual[fastIndices[at]] += fastValues[at];
                }

                double scale = 1 + expected.Max(Math.Abs);
                for (int q = 0; q < expected.Length; q++)
                {
                    Assert.True(Math.Abs(expected[q] - actual[q]) <= 1e-11 * scale, $"point {start + p} parameter {q}: {actual[q]:R} vs {expected[q]:R}");
                }
            }
        }
    }

    [Fact]
    public void JacobianRows_PointAnywhereInBlock_SameBits()
    {
        // A point's row must not depend on where it falls in a block (four-point body or tail).
        var box = Box.Symmetric(2);
        KanNetwork network = KanNetwork.Create(box, [2, 5, 1], 6, 3, seed: 2).UpdateGrids(NetworkChecks.RandomPoints(box, 30, 1));
        DerivativeSet set = DerivativeSet.All(2);
        PointSet points = NetworkChecks.RandomPoints(new Box([-1.2, -1.2], [1.2, 1.2]), 23, 6);
        var random = new Random(7);
        double[] weights = Enumerable.Range(0, 23 * set.ChannelCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        var ws = new KanWorkspace(network, set, 32);
        (int[] Indices, double[] Values) Rows(int start, int count)
        {
            var inputs = new double[2 * count];
            var w = new double[set.ChannelCount * count];
            for (int k = 0; k < 2; k++)
            {
                points.Coordinate(k).Slice(start, count).CopyTo(inputs.AsSpan(k * count));
            }

            for (int ch = 0; ch < set.ChannelCount; ch++)
            {
                weights.AsSpan(ch * 23 + start, count).CopyTo(w.AsSpan(ch * count));
            }

            ws.Forward(network.Parameters, inputs, count, new double[set.ChannelCount * count]);
            var rows = (new int[count * ws.RowLength], new double[count * ws.RowLength]);
            ws.JacobianRows(network.Parameters, w, rows.Item1, rows.Item2);
            return rows;
        }

        (int[] wholeIndices, double[] wholeValues) = Rows(0, 23);
        int length = ws.RowLength;
        foreach ((int start, int count) in new[] { (1, 22), (3, 5), (21, 2) })
        {
            (int[] indices, double[] values) = Rows(start, count);
            for (int p = 0; p < count; p++)
            {
                Assert.Equal(wholeIndices.AsSpan((start + p) * length, length).ToArray(), indices.AsSpan(p * length, length).ToArray());
                Assert.Equal(wholeValues.AsSpan((start + p) * length, length).ToArray(), values.AsSpan(p * length, length).ToArray());
            }
        }
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void JacobianRows_EachRow_MatchesCentralDifferences(int order, bool uneven)
    {
        // Row p with weights w is ∂(Σ_c w_c·channel_c(p))/∂θ: against central differences in every
        // parameter, step 1e-6, tolerance 1e-6 relative to 1 + |derivative|.
        var box = Box.Symmetric(2);
        KanNetwork network = KanNetwork.Create(box, [2, 3, 1], 5, order, seed: 4).UpdateGrids(NetworkChecks.RandomPoints(box, 30, 2));
        if (uneven)
        {
            network = WithUnevenKnots(network);
        }

        var random = new Random(9);
        for (int q = 0; q < network.ParameterCount; q++)
        {
            network.Parameters[q] += 0.5 * (random.NextDouble() - 0.5);
        }

        DerivativeSet set = DerivativeSet.All(2);
        int count = 7, c = set.ChannelCount;
        PointSet points = NetworkChecks.RandomPoints(new Box([-1.1, -1.1], [1.1, 1.1]), count, 3);
        double[] weights = Enumerable.Range(0, c * count).Select(_ => random.NextDouble() - 0.5).ToArray();
        var ws = new KanWorkspace(network, set, count);
        var channels = new double[c * count];
        double[] theta = (double[])network.Parameters.Clone();
        ws.Forward(theta, points.Coordinates, count, channels);
        var indices = new int[count * ws.RowLength];
        var values = new double[count * ws.RowLength];
        ws.JacobianRows(theta, weights, indices, values);
        var rows = new double[count, theta.Length];
        for (int e = 0; e < indices.Length; e++)
        {
            rows[e / ws.RowLength, indices[e]] += values[e];
        }

        double[] Functionals(double[] t)
        {
            ws.Forward(t, points.Coordinates, count, channels);
            var sums = new double[count];
            for (int i = 0; i < channels.Length; i++)
            {
                sums[i % count] += weights[i] * channels[i];
            }

            return sums;
        }

        const double h = 1e-6;
        for (int q = 0; q < theta.Length; q++)
        {
            double saved = theta[q];
            theta[q] = saved + h;
            double[] up = Functionals(theta);
            theta[q] = saved - h;
            double[] down = Functionals(theta);
            theta[q] = saved;
            for (int p = 0; p < count; p++)
            {
                NetworkChecks.AssertClose(rows[p, q], (up[p] - down[p]) / (2 * h), 1e-6, $"point {p} parameter {q}");
            }
        }
    }

    // The same network on uneven knots (quadratic spacing, as a data-driven grid update may leave them).
    private static KanNetwork WithUnevenKnots(KanNetwork network)
    {
        var layers = network.Layers.Select(layer => layer.With(
            layer.Grids.Select(g =>
            {
                double low = g.Low, high = g.High;
                double[] grid = Enumerable.Range(0, g.Intervals + 1).Select(j => low + (high - low) * Math.Pow((double)j / g.Intervals, 1.3)).ToArray();
                return KnotVector.FromGrid(grid, g.Order);
            }).ToArray(),
            layer.Offset)).ToArray();
        var uneven = new KanNetwork(network.Domain, layers, (double[])network.Parameters.Clone());
        Assert.False(uneven.Layers[0].Grids[0].IsUniform);
        return uneven;
    }
}
