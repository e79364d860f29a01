using KanPde.Core.Derivatives;
using KanPde.Core.Optimization;
using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Expressions;
using KanPde.Problems.Expressions.Compilation;

namespace KanPde.Problems.Symbolic;

/// <summary>One term of the PINN loss for a formula: the residual ρ(x, u, ∂u, ∂²u), its points and its weight.</summary>
public sealed record FormulaTerm(Node Residual, PointSet Points, double Weight);

/// <summary>
/// The PINN loss of a formula as a function of its free parameters: L(θ) = Σ_t w_t·mean_p ρ_t(p)², where ρ_t is
/// the term's residual with u and its derivatives replaced by the formula's exact derivatives
/// (<see cref="Node.Differentiate"/>). The residuals r = √(w_t/N_t)·ρ and their Jacobian ∂r/∂θ are compiled from
/// symbolic derivatives, so Levenberg–Marquardt sees exact rows.
/// </summary>
public sealed class FormulaObjective : ILeastSquaresObjective
{
    private readonly FormulaTemplate _template;
    private readonly int[] _free;
    private readonly double[] _values;
    private readonly Compiled[] _terms;
    private readonly int _rows;

    /// <summary>The loss of <paramref name="template"/> with the parameters <paramref name="free"/> free, the rest at <paramref name="values"/>.</summary>
    public FormulaObjective(FormulaTemplate template, IReadOnlyList<double> values, IReadOnlyList<int> free, IReadOnlyList<FormulaTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(free);
        ArgumentNullException.ThrowIfNull(terms);
        _template = template;
        _free = [.. free];
        _values = [.. values];
        Node u = template.Partial(values, new HashSet<int>(free));
        var derivatives = new Dictionary<DerivativeTerm, Node>();
        _terms = new Compiled[terms.Count];
        for (int t = 0; t < terms.Count; t++)
        {
            FormulaTerm term = terms[t];
            Node rho = term.Residual.Substitute(leaf => leaf is FieldNode f ? Derivative(u, f.Term, derivatives) : null);
            Node[] outputs = [rho, .. _free.Select(j => rho.Differentiate(leaf => template.IndexOf(leaf) == j ? Node.One : Node.Zero))];
            _terms[t] = new Compiled(ProgramBuilder.Compile(outputs, PointFunction.VariableInput), term.Points, Math.Sqrt(term.Weight / term.Points.Count), _rows);
            _rows += term.Points.Count;
        }
    }

    /// <inheritdoc />
    public int Dimension => _free.Length;

    /// <inheritdoc />
    public int ResidualCount => _rows;

    /// <summary>The full parameter vector with the free ones at <paramref name="x"/>.</summary>
    public double[] Full(ReadOnlySpan<double> x)
    {
        double[] all = [.. _values];
        for (int k = 0; k < _free.Length; k++)
        {
            all[_free[k]] = x[k];
        }

        return all;
    }

    /// <summary>The free parameters' current values.</summary>
    public double[] Start() => [.. _free.Select(j => _values[j])];

    /// <inheritdoc />
    public SparseRows CreateRows()
    {
        var rows = new SparseRows(_rows, _free.Length, _free.Length);
        for (int r = 0; r < _rows; r++)
        {
            for (int k = 0; k < _free.Length; k++)
            {
                rows.Indices[r * _free.Length + k] = k;
            }
        }

        return rows;
    }

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var r = new double[_rows];
        SparseRows? rows = gradient.IsEmpty ? null : CreateRows();
        Residuals(x, r, rows);
        if (rows is not null)
        {
            rows.MultiplyTransposed(r, gradient);
            for (int k = 0; k < gradient.Length; k++)
            {
                gradient[k] *= 2;
            }
        }

        return r.Sum(v => v * v);
    }

    /// <summary>Each term's unweighted mean ρ² at <paramref name="x"/>.</summary>
    public double[] TermMeans(ReadOnlySpan<double> x)
    {
        var r = new double[_rows];
        Residuals(x, r, null);
        return [.. _terms.Select(t => t.Scale == 0 ? 0 : r.AsSpan(t.Offset, t.Points.Count).ToArray().Sum(v => v * v) / (t.Scale * t.Scale * t.Points.Count))];
    }

    /// <inheritdoc />
    public void Residuals(ReadOnlySpan<double> x, Span<double> residuals, SparseRows? rows)
    {
        double[] all = Full(x);
        int n = _free.Length;
        foreach (Compiled term in _terms)
        {
            PointSet points = term.Points;
            int count = points.Count, d = points.Dimension;
            var extended = new double[(d + all.Length) * count];
            points.Coordinates.CopyTo(extended);
            for (int j = 0; j < all.Length; j++)
            {
                extended.AsSpan((d + j) * count, count).Fill(all[j]);
            }

            var outputs = new double[(1 + n) * count];
            BlockRunner.RunOverPoints(term.Program, new PointSet(d + all.Length, extended), outputs);
            for (int p = 0; p < count; p++)
            {
                residuals[term.Offset + p] = term.Scale * outputs[p];
                if (rows is not null)
                {
                    for (int k = 0; k < n; k++)
                    {
                        rows.Values[(term.Offset + p) * n + k] = term.Scale * outputs[(1 + k) * count + p];
                    }
                }
            }
        }
    }

    private Node Derivative(Node u, DerivativeTerm term, Dictionary<DerivativeTerm, Node> cache)
    {
        if (cache.TryGetValue(term, out Node? known))
        {
            return known;
        }

        Node result = term.Order switch
        {
            0 => u,
            1 => ByVariable(u, term.First),
            _ => ByVariable(Derivative(u, DerivativeTerm.D(term.First), cache), term.Second),
        };
        cache[term] = result;
        return result;
    }

    private Node ByVariable(Node node, int k) =>
        node.Differentiate(leaf => leaf is VariableNode v && v.Index == k && _template.IndexOf(leaf) < 0 ? Node.One : Node.Zero);

    private sealed record Compiled(BlockProgram Program, PointSet Points, double Scale, int Offset);
}
