using KanPde.Core.Derivatives;
using KanPde.Core.Sampling;

namespace KanPde.Core.Networks;

/// <summary>
/// A network periodic in some of its variables by construction: each periodic variable x_k on [low, high] enters the
/// inner network as the two inputs cos θ (in place of x_k) and sin θ (appended after the d variables), with
/// θ = 2π(x_k − low)/(high − low). u and all its derivatives then agree at x_k = low and x_k = high exactly. The
/// derivatives in the problem's variables follow from the inner network's by the chain rule, in closed form: with
/// J[a][k] = ∂(inner a)/∂x_k and H[a][k] = ∂²(inner a)/∂x_k²,
/// u_k = Σ_a J[a][k]·U_a and u_kl = Σ_{a,b} J[a][k]·J[b][l]·U_ab + [k = l]·Σ_a H[a][k]·U_a.
/// The parameters are the inner network's (the same array); gradients and Jacobian rows are the inner's, with the
/// adjoints and weights mapped back through the same linear combinations.
/// </summary>
public sealed class PeriodicNetwork : INetwork
{
    private readonly int[] _periodic;

    /// <summary>
    /// Wraps <paramref name="inner"/>, a network of d + p inputs on <see cref="InnerDomain"/>(<paramref name="domain"/>,
    /// <paramref name="periodic"/>), as a network of the d variables of <paramref name="domain"/> periodic in the
    /// variables <paramref name="periodic"/> (distinct, increasing).
    /// </summary>
    public PeriodicNetwork(Box domain, IReadOnlyList<int> periodic, INetwork inner)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(periodic);
        ArgumentNullException.ThrowIfNull(inner);
        if (periodic.Count == 0 || periodic.Any(k => k < 0 || k >= domain.Dimension) || periodic.Zip(periodic.Skip(1)).Any(p => p.First >= p.Second))
        {
            throw new ArgumentException("Periodic variables must be distinct variables of the domain, in increasing order.", nameof(periodic));
        }

        if (inner is SystemNetwork or PeriodicNetwork || inner.Domain != InnerDomain(domain, periodic))
        {
            throw new ArgumentException("The inner network must be a single network on InnerDomain(domain, periodic).", nameof(inner));
        }

        Domain = domain;
        _periodic = [.. periodic];
        Inner = inner;
    }

    /// <summary>The network of d + p inputs that is evaluated.</summary>
    public INetwork Inner { get; }

    /// <summary>The periodic variables, increasing.</summary>
    public IReadOnlyList<int> Periodic => _periodic;

    /// <inheritdoc/>
    public int InputCount => Domain.Dimension;

    /// <inheritdoc/>
    public int ParameterCount => Inner.ParameterCount;

    /// <inheritdoc/>
    public Box Domain { get; }

    /// <inheritdoc/>
    public int PreferredBlockSize => Inner.PreferredBlockSize;

    /// <inheritdoc/>
    public double[] Parameters => Inner.Parameters;

    /// <summary>
    /// The inner network's box: <paramref name="domain"/> with each periodic variable's range replaced by [−1, 1] (cos θ),
    /// then [−1, 1] once more per periodic variable (sin θ).
    /// </summary>
    public static Box InnerDomain(Box domain, IReadOnlyList<int> periodic)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(periodic);
        var low = domain.Low.ToList();
        var high = domain.High.ToList();
        foreach (int k in periodic)
        {
            (low[k], high[k]) = (-1, 1);
        }

        low.AddRange(periodic.Select(_ => -1.0));
        high.AddRange(periodic.Select(_ => 1.0));
        return new Box(low, high);
    }

    /// <summary>The inner KAN's grid intervals, or null when the inner network is not a KAN.</summary>
    public int? Intervals => Inner is KanNetwork kan ? kan.Intervals : null;

    /// <summary>The inner network's widths (its first is d + p).</summary>
    public IReadOnlyList<int> Widths => Inner switch
    {
        KanNetwork kan => kan.Widths,
        MlpNetwork mlp => mlp.Widths,
        _ => [],
    };

    /// <summary>A copy with its own parameters.</summary>
    public PeriodicNetwork Clone() => WithInner(Inner switch
    {
        KanNetwork kan => kan.Clone(),
        MlpNetwork mlp => mlp.Clone(),
        _ => throw new InvalidOperationException($"Cannot copy a {Inner.GetType().Name}."),
    });

    /// <summary>The inner KAN extended to <paramref name="intervals"/> (a copy for another inner network).</summary>
    public PeriodicNetwork ExtendGrid(int intervals) => Inner is KanNetwork kan ? WithInner(kan.ExtendGrid(intervals)) : Clone();

    /// <summary>The inner KAN's grids refitted to <paramref name="points"/> of the problem, mapped as the inner network sees them.</summary>
    public PeriodicNetwork UpdateGrids(PointSet points) => Inner is KanNetwork kan ? WithInner(kan.UpdateGrids(Map(points))) : Clone();

    /// <summary>The same map around another inner network (after a grid change, say).</summary>
    public PeriodicNetwork WithInner(INetwork inner) => new(Domain, _periodic, inner);

    /// <summary>The points as the inner network sees them (see <see cref="PeriodicNetwork"/>).</summary>
    public PointSet Map(PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int n = points.Count, d = Domain.Dimension;
        var inner = new double[(d + _periodic.Length) * n];
        MapInputs(points.Coordinates, n, inner);
        return new PointSet(d + _periodic.Length, inner);
    }

    /// <inheritdoc/>
    public INetworkWorkspace CreateWorkspace(DerivativeSet derivatives, int blockSize) =>
        new Workspace(this, SystemNetwork.RequireSingle(derivatives), blockSize);

    // θ = ω(x − low), ω = 2π / (high − low).
    private double Omega(int j) => 2 * Math.PI / (Domain.High[_periodic[j]] - Domain.Low[_periodic[j]]);

    private void MapInputs(ReadOnlySpan<double> inputs, int count, Span<double> inner)
    {
        int d = Domain.Dimension;
        inputs[..(d * count)].CopyTo(inner);
        for (int j = 0; j < _periodic.Length; j++)
        {
            int k = _periodic[j];
            double omega = Omega(j), low = Domain.Low[k];
            for (int p = 0; p < count; p++)
            {
                (double s, double c) = Math.SinCos(omega * (inputs[(k * count) + p] - low));
                inner[(k * count) + p] = c;
                inner[((d + j) * count) + p] = s;
            }
        }
    }

    private sealed class Workspace : INetworkWorkspace
    {
        private readonly PeriodicNetwork _network;
        private readonly INetworkWorkspace _inner;
        private readonly double[] _inputs;
        private readonly double[] _channels;
        private readonly double[] _adjoints;

        // Outer channel t = Σ over its entries (inner channel, which per-point coefficient) of coefficient · inner channel.
        private readonly (int Inner, int Coefficient)[][] _combination;
        private readonly Rule[] _rules;
        private readonly double[] _coefficients;
        private int _count;

        public Workspace(PeriodicNetwork network, DerivativeSet derivatives, int blockSize)
        {
            _network = network;
            Derivatives = derivatives;
            BlockSize = blockSize;
            int d = network.Domain.Dimension, innerCount = d + network._periodic.Length;

            // Which inner inputs a variable reaches: itself, or cos θ (at its own place) and sin θ (appended).
            int[][] reach = [.. Enumerable.Range(0, d).Select(k => Array.IndexOf(network._periodic, k) is int j && j >= 0 ? new[] { k, d + j } : [k])];

            // J[a][k] = ∂(inner a)/∂x_k: 1 for a plain variable; −ω sin θ for cos θ, ω cos θ for sin θ.
            Factor J(int a, int k)
            {
                int j = Array.IndexOf(network._periodic, k);
                return j < 0 ? Factor.One : a == k ? new Factor(d + j, -network.Omega(j)) : new Factor(k, network.Omega(j));
            }

            // H[a][k] = ∂²(inner a)/∂x_k² for a periodic x_k: −ω² cos θ and −ω² sin θ.
            Factor H(int a, int k)
            {
                double omega = network.Omega(Array.IndexOf(network._periodic, k));
                return new Factor(a, -omega * omega);
            }
            var innerTerms = new List<DerivativeTerm> { DerivativeTerm.Value };
            var recipes = new List<List<(DerivativeTerm Term, Rule Rule)>>();
            foreach (DerivativeTerm term in derivatives.Channels)
            {
                var recipe = new List<(DerivativeTerm, Rule)>();
                if (term.Order == 0)
                {
                    recipe.Add((DerivativeTerm.Value, new Rule(Factor.One, Factor.One)));
                }
                else if (term.Order == 1)
                {
                    int k = term.First;
                    foreach (int a in reach[k])
                    {
                        recipe.Add((DerivativeTerm.D(a), new Rule(J(a, k), Factor.One)));
                    }
                }
                else
                {
                    int k = term.First, l = term.Second;
                    foreach (int a in reach[k])
                    {
                        foreach (int b in reach[l])
                        {
                            recipe.Add((DerivativeTerm.D(a, b), new Rule(J(a, k), J(b, l))));
                        }
                    }

                    if (k == l && reach[k].Length == 2)
                    {
                        foreach (int a in reach[k])
                        {
                            recipe.Add((DerivativeTerm.D(a), new Rule(H(a, k), Factor.One)));
                        }
                    }
                }

                innerTerms.AddRange(recipe.Select(r => r.Item1));
                recipes.Add(recipe);
            }

            DerivativeSet innerSet = DerivativeSet.Create(innerCount, innerTerms.Distinct());
            _inner = network.Inner.CreateWorkspace(innerSet, blockSize);

            // Coefficient arrays are shared between entries with the same rule.
            var rules = new List<Rule>();
            _combination = new (int, int)[recipes.Count][];
            for (int t = 0; t < recipes.Count; t++)
            {
                _combination[t] = [.. recipes[t].Select(r =>
                {
                    int index = rules.IndexOf(r.Rule);
                    if (index < 0)
                    {
                        index = rules.Count;
                        rules.Add(r.Rule);
                    }

                    return (innerSet.IndexOf(r.Term), index);
                })];
            }

            _rules = [.. rules];
            _coefficients = new double[rules.Count * blockSize];
            _inputs = new double[innerCount * blockSize];
            _channels = new double[innerSet.ChannelCount * blockSize];
            _adjoints = new double[innerSet.ChannelCount * blockSize];
        }

        public DerivativeSet Derivatives { get; }

        public int BlockSize { get; }

        public int RowLength => _inner.RowLength;

        public int RowGroupLength => _inner.RowGroupLength;

        public void Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, int count, Span<double> channels)
        {
            _count = count;
            int innerCount = _network.Domain.Dimension + _network._periodic.Length;
            Span<double> innerInputs = _inputs.AsSpan(0, innerCount * count);
            _network.MapInputs(inputs, count, innerInputs);
            Coefficients(innerInputs, count);
            Span<double> inner = _channels.AsSpan(0, _inner.Derivatives.ChannelCount * count);
            _inner.Forward(parameters, innerInputs, count, inner);
            channels[..(Derivatives.ChannelCount * count)].Clear();
            for (int t = 0; t < _combination.Length; t++)
            {
                Span<double> target = channels.Slice(t * count, count);
                foreach ((int ic, int rule) in _combination[t])
                {
                    ReadOnlySpan<double> from = inner.Slice(ic * count, count), coefficient = _coefficients.AsSpan(rule * count, count);
                    for (int p = 0; p < count; p++)
                    {
                        target[p] += coefficient[p] * from[p];
                    }
                }
            }
        }

        public void Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> adjoints) =>
            _inner.Backward(parameters, MapBack(adjoints));

        public void CollectGradient(Span<double> gradient) => _inner.CollectGradient(gradient);

        public void JacobianRows(ReadOnlySpan<double> parameters, ReadOnlySpan<double> weights, Span<int> indices, Span<double> values) =>
            _inner.JacobianRows(parameters, MapBack(weights), indices, values);

        // The transpose of Forward's combination: what each inner channel is weighted by.
        private ReadOnlySpan<double> MapBack(ReadOnlySpan<double> outer)
        {
            int count = _count;
            Span<double> inner = _adjoints.AsSpan(0, _inner.Derivatives.ChannelCount * count);
            inner.Clear();
            for (int t = 0; t < _combination.Length; t++)
            {
                ReadOnlySpan<double> from = outer.Slice(t * count, count);
                foreach ((int ic, int rule) in _combination[t])
                {
                    Span<double> target = inner.Slice(ic * count, count);
                    ReadOnlySpan<double> coefficient = _coefficients.AsSpan(rule * count, count);
                    for (int p = 0; p < count; p++)
                    {
                        target[p] += coefficient[p] * from[p];
                    }
                }
            }

            return inner;
        }

        private void Coefficients(ReadOnlySpan<double> innerInputs, int count)
        {
            for (int r = 0; r < _rules.Length; r++)
            {
                Span<double> target = _coefficients.AsSpan(r * count, count);
                (Factor first, Factor second) = _rules[r];
                target.Fill(first.Scale * second.Scale);
                foreach (Factor factor in (ReadOnlySpan<Factor>)[first, second])
                {
                    if (factor.Input >= 0)
                    {
                        ReadOnlySpan<double> input = innerInputs.Slice(factor.Input * count, count);
                        for (int p = 0; p < count; p++)
                        {
                            target[p] *= input[p];
                        }
                    }
                }
            }
        }
    }

    // A coefficient's factor: Scale, times inner input Input at the point when Input ≥ 0.
    private readonly record struct Factor(int Input, double Scale)
    {
        public static Factor One { get; } = new(-1, 1);
    }

    // A coefficient: the product of two factors (J[a][k]·J[b][l], or J[a][k], H[a][k] or 1 times Factor.One).
    private readonly record struct Rule(Factor First, Factor Second);
}
