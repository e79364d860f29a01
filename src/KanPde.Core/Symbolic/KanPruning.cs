using KanPde.Core.Networks;
using KanPde.Core.Sampling;

namespace KanPde.Core.Symbolic;

/// <summary>Thresholds of pruning, on the attribution scores of <see cref="KanPruning.Scores"/>.</summary>
/// <param name="EdgeThreshold">An edge whose score is below this becomes the zero function.</param>
/// <param name="NodeThreshold">A hidden node whose score is below this is removed with all its edges.</param>
public sealed record PruningOptions(double EdgeThreshold = 1e-2, double NodeThreshold = 1e-2);

/// <summary>
/// A pruned KAN: hidden nodes that dropped out are gone from its widths; pruned edges of the nodes that stay are
/// exactly zero (coefficients, w_b and w_s all 0) and listed in <see cref="Kept"/> as false.
/// </summary>
public sealed record PrunedKan(KanNetwork Network, bool[][][] Kept)
{
    /// <summary>Whether edge (input → output) of a layer is kept.</summary>
    public bool IsKept(int layer, int input, int output) => Kept[layer][input][output];

    /// <summary>The parameters of the pruned edges (held at zero when retraining).</summary>
    public bool[] FrozenParameters()
    {
        var frozen = new bool[Network.ParameterCount];
        for (int l = 0; l < Network.Layers.Count; l++)
        {
            KanLayer layer = Network.Layers[l];
            for (int i = 0; i < layer.InputCount; i++)
            {
                for (int o = 0; o < layer.OutputCount; o++)
                {
                    if (!Kept[l][i][o])
                    {
                        for (int m = 0; m < layer.BasisCount; m++)
                        {
                            frozen[layer.CoefficientIndex(i, m, o)] = true;
                        }

                        frozen[layer.BaseWeightIndex(i, o)] = true;
                        frozen[layer.SplineScaleIndex(i, o)] = true;
                    }
                }
            }
        }

        return frozen;
    }
}

/// <summary>
/// Pruning by attribution (as pykan's <c>attribute</c>): the output node scores 1; going backwards, an edge (i → o)
/// scores its node o's score times its share of o's incoming magnitude, mean|φ_io| / Σ_i′ mean|φ_i′o| over the
/// training points; a node scores the sum of its outgoing edges' scores. Scores of one layer's edges sum to 1.
/// </summary>
public static class KanPruning
{
    /// <summary>Edge scores [layer][input][output] and node scores [layer][node] (layer 0 = the inputs).</summary>
    public static (double[][][] Edges, double[][] Nodes) Scores(KanNetwork network, EdgeSamples samples)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(samples);
        int layers = network.Layers.Count;
        var edges = new double[layers][][];
        var nodes = new double[layers + 1][];
        nodes[layers] = [1.0];
        for (int l = layers - 1; l >= 0; l--)
        {
            KanLayer layer = network.Layers[l];
            edges[l] = new double[layer.InputCount][];
            nodes[l] = new double[layer.InputCount];
            for (int i = 0; i < layer.InputCount; i++)
            {
                edges[l][i] = new double[layer.OutputCount];
            }

            for (int o = 0; o < layer.OutputCount; o++)
            {
                double total = 0;
                for (int i = 0; i < layer.InputCount; i++)
                {
                    total += samples.MeanAbs(l, i, o);
                }

                for (int i = 0; i < layer.InputCount; i++)
                {
                    double share = total > 0 ? samples.MeanAbs(l, i, o) / total : 0;
                    edges[l][i][o] = nodes[l + 1][o] * share;
                    nodes[l][i] += edges[l][i][o];
                }
            }
        }

        return (edges, nodes);
    }

    /// <summary>Prunes <paramref name="network"/> by its scores at <paramref name="points"/> (its training points).</summary>
    public static PrunedKan Prune(KanNetwork network, PointSet points, PruningOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        (double[][][] edgeScores, double[][] nodeScores) = Scores(network, EdgeSamples.Measure(network, points));
        int layers = network.Layers.Count;
        // keptNodes[l]: the nodes of level l that stay (inputs and the output always stay)
        var keptNodes = new int[layers + 1][];
        for (int l = 0; l <= layers; l++)
        {
            keptNodes[l] = l == 0 || l == layers
                ? [.. Enumerable.Range(0, network.Widths[l])]
                : [.. Enumerable.Range(0, network.Widths[l]).Where(n => nodeScores[l][n] >= options.NodeThreshold)];
        }

        var newLayers = new KanLayer[layers];
        var kept = new bool[layers][][];
        int offset = 0;
        for (int l = 0; l < layers; l++)
        {
            int[] ins = keptNodes[l], outs = keptNodes[l + 1];
            if (outs.Length == 0)
            {
                outs = [Enumerable.Range(0, network.Widths[l + 1]).MaxBy(n => nodeScores[l + 1][n])];
                keptNodes[l + 1] = outs; // never remove a whole layer
            }

            newLayers[l] = new KanLayer(outs.Length, [.. ins.Select(i => network.Layers[l].Grids[i])], offset);
            offset += newLayers[l].ParameterCount;
        }

        var parameters = new double[offset];
        for (int l = 0; l < layers; l++)
        {
            KanLayer old = network.Layers[l], layer = newLayers[l];
            int[] ins = keptNodes[l], outs = keptNodes[l + 1];
            kept[l] = new bool[ins.Length][];
            for (int a = 0; a < ins.Length; a++)
            {
                kept[l][a] = new bool[outs.Length];
                for (int b = 0; b < outs.Length; b++)
                {
                    bool keep = edgeScores[l][ins[a]][outs[b]] >= options.EdgeThreshold;
                    kept[l][a][b] = keep;
                    if (!keep)
                    {
                        continue;
                    }

                    for (int m = 0; m < old.BasisCount; m++)
                    {
                        parameters[layer.CoefficientIndex(a, m, b)] = network.Parameters[old.CoefficientIndex(ins[a], m, outs[b])];
                    }

                    parameters[layer.BaseWeightIndex(a, b)] = network.Parameters[old.BaseWeightIndex(ins[a], outs[b])];
                    parameters[layer.SplineScaleIndex(a, b)] = network.Parameters[old.SplineScaleIndex(ins[a], outs[b])];
                }
            }
        }

        return new PrunedKan(new KanNetwork(network.Domain, newLayers, parameters), kept);
    }
}
