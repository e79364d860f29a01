using System.Globalization;
using KanPde.Problems.Expressions;

namespace KanPde.Problems.Symbolic;

/// <summary>
/// A sum of terms coefficient·Π atomᵖ (integer p), each atom an expression that is not a sum or product
/// (a variable, a function call, a non-integer power, a sum kept whole). The constant term has the empty product.
/// </summary>
internal sealed class Poly
{
    private readonly SortedDictionary<string, Term> _terms;

    private Poly(SortedDictionary<string, Term> terms)
    {
        _terms = terms;
    }

    /// <summary>Number of terms.</summary>
    public int Count => _terms.Count;

    public static Poly Constant(double value)
    {
        var terms = new SortedDictionary<string, Term>(StringComparer.Ordinal);
        if (value != 0)
        {
            terms[""] = new Term(value, []);
        }

        return new Poly(terms);
    }

    public static Poly Atom(Node atom, int power)
    {
        var factors = new SortedDictionary<string, (Node, int)>(StringComparer.Ordinal) { [Key(atom)] = (atom, power) };
        var term = new Term(1, factors);
        return new Poly(new SortedDictionary<string, Term>(StringComparer.Ordinal) { [term.Key] = term });
    }

    /// <summary>The value when the polynomial is a constant.</summary>
    public double? AsConstant() => _terms.Count == 0 ? 0 : _terms.Count == 1 && _terms.ContainsKey("") ? _terms[""].Coefficient : null;

    /// <summary>The constant term.</summary>
    public double ConstantTerm => _terms.TryGetValue("", out Term? t) ? t.Coefficient : 0;

    /// <summary>The coefficient of the first non-constant term in canonical order (0 when there is none).</summary>
    public double LeadingCoefficient => _terms.Values.FirstOrDefault(t => t.Key.Length > 0)?.Coefficient ?? 0;

    /// <summary>The same polynomial without its constant term.</summary>
    public Poly WithoutConstant()
    {
        var terms = new SortedDictionary<string, Term>(_terms, StringComparer.Ordinal);
        terms.Remove("");
        return new Poly(terms);
    }

    public Poly Scale(double k)
    {
        var terms = new SortedDictionary<string, Term>(StringComparer.Ordinal);
        foreach ((string key, Term t) in _terms)
        {
            if (t.Coefficient * k != 0)
            {
                terms[key] = t with { Coefficient = t.Coefficient * k };
            }
        }

        return new Poly(terms);
    }

    public Poly Add(Poly other)
    {
        var terms = new SortedDictionary<string, Term>(_terms, StringComparer.Ordinal);
        foreach ((string key, Term t) in other._terms)
        {
            Accumulate(terms, key, t);
        }

        return new Poly(terms);
    }

    public Poly Multiply(Poly other)
    {
        var terms = new SortedDictionary<string, Term>(StringComparer.Ordinal);
        foreach (Term a in _terms.Values)
        {
            foreach (Term b in other._terms.Values)
            {
                Term product = a.Times(b);
                Accumulate(terms, product.Key, product);
            }
        }

        return new Poly(terms);
    }

    /// <summary>A single term to an integer power.</summary>
    public Poly Power(int exponent)
    {
        Term t = _terms.Values.Single();
        var factors = new SortedDictionary<string, (Node, int)>(StringComparer.Ordinal);
        foreach ((string key, (Node atom, int p)) in t.Factors)
        {
            factors[key] = (atom, p * exponent);
        }

        var term = new Term(Math.Pow(t.Coefficient, exponent), factors);
        return new Poly(new SortedDictionary<string, Term>(StringComparer.Ordinal) { [term.Key] = term });
    }

    /// <summary>The sum as a tree: terms of higher degree first, the constant last; negative coefficients subtract.</summary>
    public Node ToNode()
    {
        Node? result = null;
        foreach (Term t in _terms.Values.Where(t => t.Key.Length > 0).Append(_terms.GetValueOrDefault("")).OfType<Term>())
        {
            Node magnitude = t.ToNode(Math.Abs(t.Coefficient));
            result = result is null
                ? (t.Coefficient < 0 ? Node.Negate(magnitude) : magnitude)
                : t.Coefficient < 0 ? Node.Difference(result, magnitude) : Node.Sum(result, magnitude);
        }

        return result ?? Node.Zero;
    }

    private static void Accumulate(SortedDictionary<string, Term> terms, string key, Term t)
    {
        if (terms.TryGetValue(key, out Term? existing))
        {
            double sum = existing.Coefficient + t.Coefficient;
            if (sum == 0)
            {
                terms.Remove(key);
            }
            else
            {
                terms[key] = existing with { Coefficient = sum };
            }
        }
        else if (t.Coefficient != 0)
        {
            terms[key] = t;
        }
    }

    private static string Key(Node atom) => atom.ToString();

    private sealed record Term(double Coefficient, SortedDictionary<string, (Node Atom, int Power)> Factors)
    {
        public string Key { get; } = string.Join("·", Factors.Select(f => f.Key + "^" + f.Value.Power.ToString(CultureInfo.InvariantCulture)));

        public Term Times(Term other)
        {
            var factors = new SortedDictionary<string, (Node, int)>(Factors, StringComparer.Ordinal);
            foreach ((string key, (Node atom, int p)) in other.Factors)
            {
                int power = factors.TryGetValue(key, out (Node, int) f) ? f.Item2 + p : p;
                if (power == 0)
                {
                    factors.Remove(key);
                }
                else
                {
                    factors[key] = (atom, power);
                }
            }

            return new Term(Coefficient * other.Coefficient, factors);
        }

        public Node ToNode(double magnitude)
        {
            Node numerator = Node.Number(magnitude), denominator = Node.One;
            foreach ((Node atom, int p) in Factors.Values)
            {
                Node factor = Math.Abs(p) == 1 ? atom : Node.Power(atom, Node.Number(Math.Abs(p)));
                if (p > 0)
                {
                    numerator = Node.Product(numerator, factor);
                }
                else
                {
                    denominator = Node.Product(denominator, factor);
                }
            }

            return denominator.Is(1) ? numerator : Node.Quotient(numerator, denominator);
        }
    }
}
