using KanPde.Core.Derivatives;
using KanPde.Core.Parallelism;
using KanPde.Core.Sampling;

namespace KanPde.Core.Networks;

/// <summary>Evaluating a network (and optionally its derivatives) at many points.</summary>
public static class NetworkEvaluation
{
    /// <summary>u at every point.</summary>
    public static double[] Values(INetwork network, PointSet points) =>
        Channels(network, DerivativeSet.ValueOnly(network.InputCount), points);

    /// <summary>
    /// Every channel of <paramref name="derivatives"/> at every point: <c>result[c * Count + p]</c>.
    /// </summary>
    public static double[] Channels(INetwork network, DerivativeSet derivatives, PointSet points)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(derivatives);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Dimension != network.InputCount)
        {
            throw new ArgumentException("Points of the wrong dimension.", nameof(points));
        }

        int n = points.Count, block = network.PreferredBlockSize, c = derivatives.ChannelCount, d = points.Dimension;
        var result = new double[c * n];
        int blocks = (n + block - 1) / block;
        var workspaces = new System.Collections.Concurrent.ConcurrentBag<INetworkWorkspace>();
        WorkerTeam.Shared.Run(blocks, b =>
        {
            INetworkWorkspace ws = workspaces.TryTake(out INetworkWorkspace? w) ? w : network.CreateWorkspace(derivatives, block);
            int start = b * block, count = Math.Min(block, n - start);
            var inputs = new double[d * count];
            for (int k = 0; k < d; k++)
            {
                points.Coordinate(k).Slice(start, count).CopyTo(inputs.AsSpan(k * count, count));
            }

            var channels = new double[c * count];
            ws.Forward(network.Parameters, inputs, count, channels);
            for (int ch = 0; ch < c; ch++)
            {
                channels.AsSpan(ch * count, count).CopyTo(result.AsSpan(ch * n + start, count));
            }

            workspaces.Add(ws);
        });
        return result;
    }

    /// <summary>MSE, relative L2 and max abs error of <paramref name="values"/> against <paramref name="exact"/>.</summary>
    public static Training.ErrorMetrics Errors(ReadOnlySpan<double> values, ReadOnlySpan<double> exact)
    {
        if (values.Length != exact.Length || values.Length == 0)
        {
            throw new ArgumentException("Need two non-empty vectors of one length.");
        }

        double sum = 0, norm = 0, max = 0;
        for (int p = 0; p < values.Length; p++)
        {
            double e = values[p] - exact[p];
            sum += e * e;
            norm += exact[p] * exact[p];
            max = Math.Max(max, Math.Abs(e));
        }

        if (!double.IsFinite(sum))
        {
            max = double.NaN;
        }

        return new Training.ErrorMetrics(sum / values.Length, norm > 0 ? Math.Sqrt(sum / norm) : Math.Sqrt(sum), max);
    }
}
