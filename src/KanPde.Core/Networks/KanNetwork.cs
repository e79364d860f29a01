using KanPde.Core.Derivatives;
using KanPde.Core.Splines;

namespace KanPde.Core.Networks;

/// <summary>
/// A Kolmogorov–Arnold network of widths [n₀, n₁, …, 1]: layers of learnable B-spline edge functions
/// (<see cref="KanLayer"/>), all trainable numbers in one flat vector. Its inputs are the problem's
/// variables mapped from <see cref="Domain"/> onto [−1, 1]^d.
/// </summary>
public sealed partial class KanNetwork : INetwork
{
    private readonly KanLayer[] _layers;
    private readonly int[] _widths;

    /// <summary>Assembles a network from its layers and a parameter vector of matching length.</summary>
    public KanNetwork(Box domain, IReadOnlyList<KanLayer> layers, double[] parameters)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(parameters);
        if (layers.Count == 0 || layers[^1].OutputCount != 1)
        {
            throw new ArgumentException("A KAN needs at least one layer and a single output.", nameof(layers));
        }

        if (layers[0].InputCount != domain.Dimension)
        {
            throw new ArgumentException("The first layer's inputs must match the domain's dimension.", nameof(layers));
        }

        int offset = 0;
        for (int l = 0; l < layers.Count; l++)
        {
            if (layers[l].Offset != offset || (l > 0 && layers[l].InputCount != layers[l - 1].OutputCount))
            {
                throw new ArgumentException($"Layer {l} does not fit its neighbours.", nameof(layers));
            }

            offset += layers[l].ParameterCount;
        }

        if (parameters.Length != offset)
        {
            throw new ArgumentException($"Expected {offset} parameters, got {parameters.Length}.", nameof(parameters));
        }

        Domain = domain;
        _layers = layers.ToArray();
        _widths = [.. layers.Select(l => l.InputCount), 1];
        Parameters = parameters;
    }

    /// <inheritdoc />
    public Box Domain { get; }

    /// <inheritdoc />
    public int InputCount => _widths[0];

    /// <summary>Neurons per layer, inputs first.</summary>
    public IReadOnlyList<int> Widths => _widths;

    /// <summary>The layers, first to last.</summary>
    public IReadOnlyList<KanLayer> Layers => _layers;

    /// <summary>Grid intervals G of every spline.</summary>
    public int Intervals => _layers[0].Intervals;

    /// <summary>Spline order k.</summary>
    public int Order => _layers[0].Order;

    /// <inheritdoc />
    public int ParameterCount => Parameters.Length;

    /// <inheritdoc />
    public double[] Parameters { get; }

    /// <summary>Parameters of widths [n₀, …, 1] at grid G and order k: Σ in·out·(G + k + 2).</summary>
    public static int CountParameters(IReadOnlyList<int> widths, int intervals, int order)
    {
        ArgumentNullException.ThrowIfNull(widths);
        int count = 0;
        for (int l = 0; l + 1 < widths.Count; l++)
        {
            count += widths[l] * widths[l + 1] * (intervals + order + 2);
        }

        return count;
    }

    /// <summary>
    /// A new network with pykan's initialisation: every grid uniform on [−1, 1]; spline scales
    /// w_s = 1/√in; base weights w_b ~ U(−1, 1)/√in; spline coefficients ~ N(0, 0.1²/(G+k))-sized noise.
    /// Hidden values then stay O(1), inside the next layer's grid, and the silu part carries the
    /// signal until training shapes the splines.
    /// </summary>
    public static KanNetwork Create(Box domain, IReadOnlyList<int> widths, int intervals, int order, int seed)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count < 2 || widths[^1] != 1 || widths[0] != domain.Dimension || widths.Any(w => w < 1))
        {
            throw new ArgumentException("Widths must start with the number of inputs and end with 1.", nameof(widths));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(intervals, 1);
        var layers = new KanLayer[widths.Count - 1];
        int offset = 0;
        for (int l = 0; l < layers.Length; l++)
        {
            var grids = Enumerable.Range(0, widths[l]).Select(_ => KnotVector.Uniform(-1, 1, intervals, order)).ToArray();
            layers[l] = new KanLayer(widths[l + 1], grids, offset);
            offset += layers[l].ParameterCount;
        }

        var parameters = new double[offset];
        var random = new Random(seed);
        foreach (KanLayer layer in layers)
        {
            double scale = 1 / Math.Sqrt(layer.InputCount);
            double noise = 0.1 / Math.Sqrt(layer.BasisCount);
            for (int i = 0; i < layer.InputCount; i++)
            {
                for (int o = 0; o < layer.OutputCount; o++)
                {
                    parameters[layer.BaseWeightIndex(i, o)] = scale * (2 * random.NextDouble() - 1);
                    parameters[layer.SplineScaleIndex(i, o)] = scale;
                    for (int m = 0; m < layer.BasisCount; m++)
                    {
                        parameters[layer.CoefficientIndex(i, m, o)] = noise * Gaussian(random);
                    }
                }
            }
        }

        return new KanNetwork(domain, layers, parameters);
    }

    /// <inheritdoc />
    public int PreferredBlockSize => 128;

    /// <inheritdoc />
    public INetworkWorkspace CreateWorkspace(DerivativeSet derivatives, int blockSize) =>
        new KanWorkspace(this, SystemNetwork.RequireSingle(derivatives), blockSize);

    /// <summary>A copy with its own parameter vector.</summary>
    public KanNetwork Clone() => new(Domain, _layers, (double[])Parameters.Clone());

    internal static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
