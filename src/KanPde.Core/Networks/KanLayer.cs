using KanPde.Core.Splines;

namespace KanPde.Core.Networks;

/// <summary>
/// One KAN layer: every input i feeds every output o through an edge function
/// φ_io(x) = w_b·silu(x) + w_s·Σ_m c_{i,m,o}·B_m(x), where B_m are the B-splines on input i's knots.
/// Edges from one input share that input's knots, so the basis is evaluated once per input.
/// </summary>
/// <remarks>
/// The layer's slice of the parameter vector, from <see cref="Offset"/>, is one block per edge, edges in
/// the order (i, o) with o innermost: the G+k coefficients c[i, ·, o], then w_b, then w_s. A collocation
/// point then touches one contiguous run of k+1 coefficients per edge, and a Jacobian row lists its
/// entries in increasing order.
/// </remarks>
public sealed class KanLayer
{
    private readonly KnotVector[] _grids;

    /// <summary>Creates a layer whose inputs use the given knot vectors (one per input, all with the same G and k).</summary>
    public KanLayer(int outputCount, IReadOnlyList<KnotVector> grids, int offset)
    {
        ArgumentNullException.ThrowIfNull(grids);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(grids.Count, 1, nameof(grids));
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (grids.Any(g => g.Intervals != grids[0].Intervals || g.Order != grids[0].Order))
        {
            throw new ArgumentException("All inputs of a layer need the same grid size and order.", nameof(grids));
        }

        _grids = grids.ToArray();
        Polynomials = _grids.Select(g => new IntervalPolynomials(g)).ToArray();
        OutputCount = outputCount;
        Offset = offset;
    }

    /// <summary>Number of inputs.</summary>
    public int InputCount => _grids.Length;

    /// <summary>Number of outputs.</summary>
    public int OutputCount { get; }

    /// <summary>Grid intervals G.</summary>
    public int Intervals => _grids[0].Intervals;

    /// <summary>Spline order k.</summary>
    public int Order => _grids[0].Order;

    /// <summary>Basis functions per edge, G + k.</summary>
    public int BasisCount => _grids[0].BasisCount;

    /// <summary>Start of this layer's parameters in the network's vector.</summary>
    public int Offset { get; }

    /// <summary>Number of parameters: in·out·(G + k + 2).</summary>
    public int ParameterCount => InputCount * OutputCount * (BasisCount + 2);

    /// <summary>The knots of each input.</summary>
    public IReadOnlyList<KnotVector> Grids => _grids;

    /// <summary>The basis functions of each input as polynomials on each knot interval.</summary>
    internal IReadOnlyList<IntervalPolynomials> Polynomials { get; }

    /// <summary>Index (in the network's vector) of coefficient c[i, m, o].</summary>
    public int CoefficientIndex(int i, int m, int o) => EdgeStart(i, o) + m;

    /// <summary>Index of the base weight w_b of edge (i, o).</summary>
    public int BaseWeightIndex(int i, int o) => EdgeStart(i, o) + BasisCount;

    /// <summary>Index of the spline scale w_s of edge (i, o).</summary>
    public int SplineScaleIndex(int i, int o) => EdgeStart(i, o) + BasisCount + 1;

    private int EdgeStart(int i, int o) => Offset + (i * OutputCount + o) * (BasisCount + 2);

    /// <summary>
    /// The edge function and its first <paramref name="derivatives"/> derivatives at x:
    /// <c>result[r] = dʳφ_io/dxʳ(x)</c>.
    /// </summary>
    public void EvaluateEdge(ReadOnlySpan<double> parameters, int i, int o, double x, int derivatives, Span<double> result)
    {
        int width = Order + 1;
        Span<double> basis = stackalloc double[width * (BSplineBasis.MaxDerivative + 1)];
        Span<double> silu = stackalloc double[4];
        int start = BSplineBasis.Evaluate(_grids[i], x, derivatives, basis);
        Activations.Silu(x, silu);
        double wb = parameters[BaseWeightIndex(i, o)];
        double ws = parameters[SplineScaleIndex(i, o)];
        for (int r = 0; r <= derivatives; r++)
        {
            double s = 0;
            for (int m = 0; m < width; m++)
            {
                s += parameters[CoefficientIndex(i, start + m, o)] * basis[r * width + m];
            }

            result[r] = wb * silu[r] + ws * s;
        }
    }

    /// <summary>The same layer with other knots (same G and k) or at another offset.</summary>
    public KanLayer With(IReadOnlyList<KnotVector> grids, int offset) => new(OutputCount, grids, offset);
}
