using KanPde.Core.Derivatives;
using KanPde.Problems.Diagnostics;
using KanPde.Problems.Expressions.Syntax;

namespace KanPde.Problems.Expressions;

/// <summary>
/// Resolves the names of a parse tree in a <see cref="Scope"/> and builds the bound, simplified
/// <see cref="Node"/> tree. Every mistake is collected, each at its offset in the expression.
/// </summary>
public sealed class Binder
{
    private readonly Scope _scope;
    private readonly List<ExpressionError> _errors = [];

    private Binder(Scope scope)
    {
        _scope = scope;
    }

    /// <summary>The bound tree, or null with at least one error in <paramref name="errors"/>.</summary>
    public static Node? Bind(SyntaxNode syntax, Scope scope, out IReadOnlyList<ExpressionError> errors)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(scope);
        var binder = new Binder(scope);
        Node? node = binder.Visit(syntax);
        errors = binder._errors;
        return binder._errors.Count == 0 ? node : null;
    }

    /// <summary>Parses and binds <paramref name="text"/> in one go.</summary>
    public static Node? ParseAndBind(string text, Scope scope, out IReadOnlyList<ExpressionError> errors)
    {
        SyntaxNode? syntax = Parser.ParseExpression(text, out ExpressionError? error);
        if (syntax is null)
        {
            errors = [error!];
            return null;
        }

        return Bind(syntax, scope, out errors);
    }

    private Node? Visit(SyntaxNode syntax)
    {
        switch (syntax)
        {
            case NumberSyntax n:
                return Node.Number(n.Value);
            case NameSyntax name:
                return Name(name);
            case UnarySyntax u:
                Node? operand = Visit(u.Operand);
                return operand is null ? null : u.Negate ? Node.Negate(operand) : operand;
            case BinarySyntax b:
                Node? left = Visit(b.Left);
                Node? right = Visit(b.Right);
                if (left is null || right is null)
                {
                    return null;
                }

                return b.Operator switch
                {
                    '+' => Node.Sum(left, right),
                    '-' => Node.Difference(left, right),
                    '*' => Node.Product(left, right),
                    '/' => Node.Quotient(left, right),
                    _ => Node.Power(left, right),
                };
            case CallSyntax call:
                return Call(call);
            default:
                throw new InvalidOperationException("Unknown syntax node.");
        }
    }

    private Node? Call(CallSyntax call)
    {
        var arguments = call.Arguments.Select(Visit).ToList();
        bool isPow = call.Name == "pow";
        if (!isPow && !Functions.TryGet(call.Name, out _))
        {
            string what = IsKnownName(call.Name)
                ? $"'{call.Name}' is not a function, so it cannot be called"
                : $"unknown function '{call.Name}'{Suggestions.DidYouMean(call.Name, Functions.Names)}";
            return Fail(call.Offset, what);
        }

        Functions.TryGet(call.Name, out FunctionKind kind);
        int arity = isPow ? 2 : Functions.Arity(kind);
        if (call.Arguments.Count != arity)
        {
            return Fail(call.Offset, $"function '{call.Name}' takes {Count(arity)}, not {call.Arguments.Count}");
        }

        if (arguments.Any(a => a is null))
        {
            return null;
        }

        return isPow ? Node.Power(arguments[0]!, arguments[1]!) : Node.Call(kind, arguments[0]!, arity == 2 ? arguments[1] : null);

        static string Count(int n) => n == 1 ? "1 argument" : $"{n} arguments";
    }

    private Node? Name(NameSyntax syntax)
    {
        string name = syntax.Name;
        int index = IndexOf(_scope.Variables, name);
        if (index >= 0)
        {
            return _scope.AllowVariables
                ? new VariableNode(index, name)
                : Fail(syntax.Offset, $"the variable '{name}' cannot appear in {_scope.Place}, which may contain only {_scope.Allowed}");
        }

        if (name == "pi")
        {
            return Node.Number(Math.PI);
        }

        if (name == "e")
        {
            return Node.Number(Math.E);
        }

        if (_scope.Constants.TryGetValue(name, out double value))
        {
            return Node.Number(value);
        }

        if (_scope.Definitions.TryGetValue(name, out Node? definition))
        {
            return definition;
        }

        if (UnknownOf(name) >= 0)
        {
            return Field(syntax);
        }

        int parameter = IndexOf(_scope.Parameters, name);
        if (parameter >= 0)
        {
            return _scope.AllowU
                ? new FieldNode(DerivativeTerm.Value.Of(_scope.Unknowns.Count + parameter), name, IsParameter: true)
                : Fail(syntax.Offset, $"the parameter '{name}' cannot appear in {_scope.Place}: parameters are trained, so they may appear only in equations and conditions");
        }

        if (Functions.IsFunction(name))
        {
            return Fail(syntax.Offset, $"'{name}' is a function; call it with arguments: {name}(...)");
        }

        if (_scope.Later.Contains(name))
        {
            return Fail(syntax.Offset, $"'{name}' is used before it is defined; it may use only earlier constants and definitions");
        }

        return Fail(syntax.Offset, $"unknown name '{name}'{Suggestions.DidYouMean(name, KnownNames())}");
    }

    // The unknown a name is (u) or differentiates (u_x), or -1.
    private int UnknownOf(string name)
    {
        int underscore = name.IndexOf('_', StringComparison.Ordinal);
        return IndexOf(_scope.Unknowns, underscore < 0 ? name : name[..underscore]);
    }

    private Node? Field(NameSyntax syntax)
    {
        string name = syntax.Name;
        int unknown = UnknownOf(name);
        string u = _scope.Unknowns[unknown];
        if (!_scope.AllowU)
        {
            string what = _scope.Unknowns.Count == 1 ? "u or its derivatives" : "the unknowns or their derivatives";
            return Fail(syntax.Offset, $"'{name}' cannot appear in {_scope.Place}: it may contain only {_scope.Allowed}, not {what}");
        }

        if (name == u)
        {
            return new FieldNode(DerivativeTerm.Value.Of(unknown), u);
        }

        string letters = name[(u.Length + 1)..];
        if (letters == "n" && IndexOf(_scope.Variables, "n") < 0)
        {
            return Normal(syntax, unknown, u);
        }

        if (letters.Length == 0)
        {
            return Fail(syntax.Offset, $"'{u}_' needs the variables to differentiate by, such as {u}_x or {u}_xy");
        }

        foreach (char letter in letters)
        {
            if (IndexOf(_scope.Variables, letter.ToString()) < 0)
            {
                return Fail(syntax.Offset, $"the derivative '{name}' is taken in '{letter}', which is not a declared variable (variables: {string.Join(", ", _scope.Variables)})");
            }
        }

        if (letters.Length > 2)
        {
            return Fail(syntax.Offset, $"the derivative '{name}' has order {letters.Length}; only orders 1 and 2 are supported");
        }

        int first = IndexOf(_scope.Variables, letters[0].ToString());
        DerivativeTerm term = letters.Length == 1
            ? DerivativeTerm.D(first)
            : DerivativeTerm.D(first, IndexOf(_scope.Variables, letters[1].ToString()));
        return new FieldNode(term.Of(unknown), Node.FieldName(term, _scope.Variables, u));
    }

    // u_n = Σₖ nₖ·u_{xₖ}: normal component k is variable d + k of the point (the caller appends the normals).
    private Node? Normal(NameSyntax syntax, int unknown, string u)
    {
        if (!_scope.AllowNormal)
        {
            return Fail(syntax.Offset, $"'{syntax.Name}', the derivative along the outward normal, may appear only in conditions, where the boundary has a normal");
        }

        int d = _scope.Variables.Count;
        Node sum = Node.Zero;
        for (int k = 0; k < d; k++)
        {
            var component = new VariableNode(d + k, "n_" + _scope.Variables[k]);
            var derivative = new FieldNode(DerivativeTerm.D(k).Of(unknown), Node.FieldName(DerivativeTerm.D(k), _scope.Variables, u));
            sum = k == 0 ? Node.Product(component, derivative) : Node.Sum(sum, Node.Product(component, derivative));
        }

        return sum;
    }

    private bool IsKnownName(string name) =>
        IndexOf(_scope.Variables, name) >= 0 || _scope.Constants.ContainsKey(name) || _scope.Definitions.ContainsKey(name)
        || name is "pi" or "e" || UnknownOf(name) >= 0 || IndexOf(_scope.Parameters, name) >= 0;

    private IEnumerable<string> KnownNames()
    {
        IEnumerable<string> names = _scope.Constants.Keys.Concat(_scope.Definitions.Keys).Append("pi");
        if (_scope.AllowVariables)
        {
            names = names.Concat(_scope.Variables);
        }

        if (_scope.AllowU)
        {
            names = names.Concat(_scope.Parameters);
            foreach (string u in _scope.Unknowns)
            {
                names = names.Append(u)
                    .Concat(_scope.Variables.Select(v => u + "_" + v))
                    .Concat(_scope.Variables.SelectMany(v => _scope.Variables.Select(w => u + "_" + v + w)));
            }
        }

        return names;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private Node? Fail(int offset, string message)
    {
        _errors.Add(new ExpressionError(offset, message));
        return null;
    }
}
