using KanPde.Core.Networks;
using KanPde.Core.Sampling;

namespace KanPde.Core.Symbolic;

/// <summary>What every edge of a KAN sees and computes at a set of points.</summary>
public sealed class EdgeSamples
{
    private readonly double[][][] _inputs;
    private readonly double[][][][] _values;

    private EdgeSamples(double[][][] inputs, double[][][][] values)
    {
        _inputs = inputs;
        _values = values;
    }

    /// <summary>The inputs of each layer (the forward sweep of grid updates) and every edge's value φ_io at them.</summary>
    public static EdgeSamples Measure(KanNetwork network, PointSet points)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(points);
        double[][][] inputs = network.LayerInputs(points);
        Span<double> phi = stackalloc double[1];
        var values = new double[network.Layers.Count][][][];
        for (int l = 0; l < network.Layers.Count; l++)
        {
            KanLayer layer = network.Layers[l];
            values[l] = new double[layer.InputCount][][];
            for (int i = 0; i < layer.InputCount; i++)
            {
                values[l][i] = new double[layer.OutputCount][];
                for (int o = 0; o < layer.OutputCount; o++)
                {
                    var v = new double[points.Count];
                    for (int p = 0; p < v.Length; p++)
                    {
                        layer.EvaluateEdge(network.Parameters, i, o, inputs[l][i][p], 0, phi);
                        v[p] = phi[0];
                    }

                    values[l][i][o] = v;
                }
            }
        }

        return new EdgeSamples(inputs, values);
    }

    /// <summary>Input <paramref name="input"/> of layer <paramref name="layer"/> at every point.</summary>
    public ReadOnlySpan<double> Inputs(int layer, int input) => _inputs[layer][input];

    /// <summary>φ of edge (input → output) of a layer at every point.</summary>
    public ReadOnlySpan<double> Values(int layer, int input, int output) => _values[layer][input][output];

    /// <summary>mean |φ| of an edge over the points.</summary>
    public double MeanAbs(int layer, int input, int output)
    {
        double[] v = _values[layer][input][output];
        return v.Length == 0 ? 0 : v.Sum(Math.Abs) / v.Length;
    }
}
