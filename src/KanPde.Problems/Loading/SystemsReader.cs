using KanPde.Problems.Expressions;
using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

/// <summary>
/// The keys of systems and inverse problems: <c>unknowns</c>, <c>equation</c> or <c>equations</c>, <c>exact</c> (an
/// expression, or a map per unknown) and <c>parameters</c>. <c>data</c> is read by <see cref="DataReader"/>.
/// </summary>
internal static class SystemsReader
{
    /// <summary><c>unknowns</c>: distinct single lowercase letters, not <c>e</c>, not variables; default <c>[u]</c>.</summary>
    public static List<string> Unknowns(ReadContext context, YamlMap root, IReadOnlyList<string> variables)
    {
        YamlTree? node = ReadContext.Optional(root, "unknowns");
        if (node is null)
        {
            return ["u"];
        }

        if (node is not YamlList { Items.Count: > 0 } list)
        {
            context.Error(node, "unknowns must be a non-empty list of names, such as [u, v, p]");
            return ["u"];
        }

        var names = new List<string>();
        foreach (YamlTree item in list.Items)
        {
            if (context.Scalar(item, "an unknown", "a name") is not { } text)
            {
                continue;
            }

            string name = text.Value;
            string? problem =
                name.Length != 1 || !char.IsAsciiLetterLower(name[0]) ? "must be a single lowercase letter"
                : name == "e" ? "must not be 'e' (Euler's number)"
                : variables.Contains(name) ? "is a variable"
                : names.Contains(name) ? "is listed twice"
                : null;
            if (problem is null)
            {
                names.Add(name);
            }
            else
            {
                context.Error(item, $"the unknown '{name}' {problem}");
            }
        }

        return names.Count == list.Items.Count ? names : names.Count > 0 ? names : ["u"];
    }

    /// <summary><c>equation</c> (one) or <c>equations</c> (a list): exactly one of the two; null when any is wrong.</summary>
    public static List<EquationSpec>? Equations(ExpressionReader expressions, YamlMap root, Scope scope)
    {
        ReadContext context = expressions.Context;
        YamlTree? one = ReadContext.Optional(root, "equation");
        YamlTree? many = ReadContext.Optional(root, "equations");
        if (one is not null && many is not null)
        {
            context.Error(many, "give either 'equation' or 'equations', not both");
            return null;
        }

        if (one is null && many is null)
        {
            context.Report(root.Start, scope.Unknowns.Count > 1
                ? "missing required key 'equations' (the list of equations of the system)"
                : "missing required key 'equation'");
            return null;
        }

        if (one is not null)
        {
            return expressions.Equation(one, scope, "the equation") is { } equation ? [equation] : null;
        }

        if (many is not YamlList { Items.Count: > 0 } list)
        {
            context.Error(many!, "equations must be a non-empty list of equations 'LHS = RHS'");
            return null;
        }

        var equations = new List<EquationSpec>();
        for (int i = 0; i < list.Items.Count; i++)
        {
            if (expressions.Equation(list.Items[i], scope, $"equation {i + 1}") is { } equation)
            {
                equations.Add(equation);
            }
        }

        return equations.Count == list.Items.Count ? equations : null;
    }

    /// <summary>
    /// <c>exact</c>: one expression for a single unknown, or a map from unknowns to expressions (a subset may be given).
    /// One entry per unknown, null where none is given.
    /// </summary>
    public static List<ExactSpec?> Exacts(ExpressionReader expressions, YamlMap root, Scope pointScope, IReadOnlyList<string> unknowns)
    {
        ReadContext context = expressions.Context;
        var result = new List<ExactSpec?>(unknowns.Select(_ => (ExactSpec?)null));
        YamlTree? node = ReadContext.Optional(root, "exact");
        if (node is null)
        {
            return result;
        }

        if (node is YamlMap map)
        {
            foreach ((YamlText key, YamlTree value) in map.Entries)
            {
                int k = unknowns.ToList().IndexOf(key.Value);
                if (k < 0)
                {
                    context.Error(key, $"'{key.Value}' in exact is not an unknown (unknowns: {string.Join(", ", unknowns)})");
                    continue;
                }

                result[k] = Exact(expressions, value, pointScope with { Place = $"the exact solution of {key.Value}" }, $"exact.{key.Value}");
            }

            return result;
        }

        if (unknowns.Count > 1)
        {
            context.Error(node, $"with several unknowns, exact must be a map from each unknown to its solution, such as '{unknowns[0]}: ...'");
            return result;
        }

        result[0] = Exact(expressions, node, pointScope, "exact");
        return result;
    }

    /// <summary><c>parameters</c>: each a map with <c>initial</c> (default 1) and optional <c>exact</c>, or a number (its initial value).</summary>
    public static List<ParameterSpec> Parameters(ExpressionReader constantReader, YamlMap root, Scope constantScope, Func<YamlText, string, bool> checkName)
    {
        ReadContext context = constantReader.Context;
        var parameters = new List<ParameterSpec>();
        YamlTree? node = ReadContext.Optional(root, "parameters");
        if (node is null || context.AnyMap(node, "parameters") is not YamlMap map)
        {
            return parameters;
        }

        foreach ((YamlText key, YamlTree value) in map.Entries)
        {
            string where = $"the parameter '{key.Value}'";
            bool nameOk = checkName(key, "parameter");
            if (nameOk && (constantScope.Constants.ContainsKey(key.Value) || constantScope.Definitions.ContainsKey(key.Value)))
            {
                context.Error(key, $"the parameter '{key.Value}' has the name of a constant or definition; choose another name");
                nameOk = false;
            }

            double? initial = 1, exact = null;
            Scope scope = constantScope with { Place = where, Allowed = "numbers and constants" };
            if (value is YamlMap entry)
            {
                context.Map(entry, where, where, ProblemKeys.Parameter);
                initial = ReadContext.Optional(entry, "initial") is { } i ? Constant(constantReader, i, scope, $"the initial value of {where}") : 1;
                exact = ReadContext.Optional(entry, "exact") is { } e ? Constant(constantReader, e, scope, $"the exact value of {where}") : null;
                if (ReadContext.Optional(entry, "exact") is not null && exact is null)
                {
                    continue;
                }
            }
            else
            {
                initial = Constant(constantReader, value, scope, $"the initial value of {where}");
            }

            if (nameOk && initial is { } start)
            {
                parameters.Add(new ParameterSpec(key.Value, start, exact));
            }
        }

        return parameters;
    }

    /// <summary>Reports every unknown that no equation and no condition reads (it would not be determined).</summary>
    public static void CheckEveryUnknownUsed(ReadContext context, YamlMap root, IReadOnlyList<string> unknowns,
        IReadOnlyList<EquationSpec> equations, IReadOnlyList<ConditionSpec> conditions)
    {
        var used = new HashSet<int>(equations.Concat(conditions.Select(c => c.Equation))
            .SelectMany(e => e.Residual.Fields()).Select(t => t.Unknown));
        YamlTree at = ReadContext.Optional(root, "unknowns") ?? ReadContext.Optional(root, "equations") ?? root;
        for (int k = 0; k < unknowns.Count; k++)
        {
            if (!used.Contains(k))
            {
                context.Error(at, $"the unknown '{unknowns[k]}' appears in no equation and no condition, so nothing determines it");
            }
        }
    }

    private static ExactSpec? Exact(ExpressionReader expressions, YamlTree node, Scope scope, string what) =>
        expressions.Expression(node, scope, what) is { } expression ? new ExactSpec(((YamlText)node).Value, expression) : null;

    private static double? Constant(ExpressionReader reader, YamlTree node, Scope scope, string what)
    {
        Node? bound = reader.Expression(node, scope, what);
        if (bound is ConstantNode c && double.IsFinite(c.Value))
        {
            return c.Value;
        }

        if (bound is ConstantNode)
        {
            reader.Context.Error(node, $"{what} is not a finite number");
        }

        return null;
    }
}
