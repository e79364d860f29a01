using KanPde.Core.Derivatives;
using KanPde.Core.Parallelism;
using KanPde.Core.Sampling;

namespace KanPde.Core.Networks;

/// <summary>Evaluating a network (and optionally its derivatives) at many points.</summary>
public static class NetworkEvaluation
{
    /// <summary>u at every point; for a <see cref="SystemNetwork"/>, every unknown's values, unknown after unknown.</summary>
    public static double[] Values(INetwork network, PointSet points) => network is SystemNetwork system
        ? [.. Enumerable.Range(0, system.UnknownCount).SelectMany(k => Values(system.Unknown(k), points))]
        : Channels(network, DerivativeSet.ValueOnly(network.InputCount), points);

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

        int n = points.Count, c = derivatives.ChannelCount;
        var result = new double[c * n];
        ForEachBlock(network, points, () => network.CreateWorkspace(derivatives, network.PreferredBlockSize), (ws, start, count, channels) =>
        {
            for (int ch = 0; ch < c; ch++)
            {
                channels.Slice(ch * count, count).CopyTo(result.AsSpan(ch * n + start, count));
            }
        });
        return result;
    }

    /// <summary>
    /// Runs the forward sweep over the points in blocks of <see cref="INetwork.PreferredBlockSize"/>, in parallel,
    /// and hands each block's workspace (still holding that block), its first point, its size and its channels to
    /// <paramref name="read"/>. Workspaces come from <paramref name="create"/> and are reused between blocks.
    /// </summary>
    internal static void ForEachBlock<TWorkspace>(INetwork network, PointSet points, Func<TWorkspace> create, BlockReader<TWorkspace> read)
        where TWorkspace : INetworkWorkspace
    {
        int n = points.Count, block = network.PreferredBlockSize, d = points.Dimension;
        var workspaces = new System.Collections.Concurrent.ConcurrentBag<TWorkspace>();
        WorkerTeam.Shared.Run((n + block - 1) / block, b =>
        {
            TWorkspace ws = workspaces.TryTake(out TWorkspace? w) ? w : create();
            int start = b * block, count = Math.Min(block, n - start);
            var inputs = new double[d * count];
            for (int k = 0; k < d; k++)
            {
                points.Coordinate(k).Slice(start, count).CopyTo(inputs.AsSpan(k * count, count));
            }

            var channels = new double[ws.Derivatives.ChannelCount * count];
            ws.Forward(network.Parameters, inputs, count, channels);
            read(ws, start, count, channels);
            workspaces.Add(ws);
        });
    }

    /// <summary>Reads one evaluated block: its workspace, first point, size and channels [c * count + p].</summary>
    internal delegate void BlockReader<in TWorkspace>(TWorkspace workspace, int start, int count, ReadOnlySpan<double> channels);

    /// <summary>MSE, relative L2 (NaN when the exact values are all zero) and max abs error of <paramref name="values"/> against <paramref name="exact"/>.</summary>
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

        return new Training.ErrorMetrics(sum / values.Length, norm > 0 ? Math.Sqrt(sum / norm) : double.NaN, max);
    }
}
