using System.Text.RegularExpressions;
using KanPde.Problems.Expressions;
using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

/// <summary>The top-level declarations: <c>name</c>, <c>variables</c>, <c>constants</c> and <c>definitions</c>.</summary>
internal static class DeclarationsReader
{
    private static readonly Regex NamePattern = new("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex IdentifierPattern = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    /// <summary>Whether <paramref name="name"/> is an identifier: a letter or '_', then letters, digits and '_'.</summary>
    public static bool IsIdentifier(string name) => IdentifierPattern.IsMatch(name);

    public static string? Name(ReadContext context, YamlMap root)
    {
        YamlTree? node = context.Required(root, "name", "");
        string? name = node is null ? null : context.Text(node, "name");
        if (name is not null && !NamePattern.IsMatch(name))
        {
            context.Error(node!, $"name '{name}' may contain only letters, digits, '-' and '_' (it names the results folder)");
            return null;
        }

        return name;
    }

    /// <summary>Variable names in order; the bounds are read later (<see cref="Bounds"/>), once the constants are known.</summary>
    public static List<(YamlText Key, YamlTree Bounds)>? VariableNames(ReadContext context, YamlMap root)
    {
        YamlTree? node = context.Required(root, "variables", "");
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMap map || map.Entries.Count == 0)
        {
            context.Error(node, "variables must be a map of at least one variable to its bounds, such as 'x: [-1, 1]'");
            return null;
        }

        var result = new List<(YamlText, YamlTree)>();
        foreach ((YamlText key, YamlTree bounds) in map.Entries)
        {
            if (key.Value.Length != 1 || !char.IsAsciiLetterLower(key.Value[0]) || key.Value is "e" or "u")
            {
                context.Error(key, $"variable name '{key.Value}' must be a single lowercase letter other than 'e' and 'u'");
                continue;
            }

            result.Add((key, bounds));
        }

        return result.Count == map.Entries.Count ? result : null;
    }

    /// <summary><c>constants</c>: each an expression of numbers and earlier constants (always bound: they need no variables).</summary>
    public static List<ConstantSpec> Constants(ExpressionReader expressions, YamlMap root, IReadOnlyList<string> variables, IReadOnlyList<string> unknowns)
    {
        ReadContext context = expressions.Context;
        var constants = new List<ConstantSpec>();
        YamlTree? node = ReadContext.Optional(root, "constants");
        if (node is null || context.AnyMap(node, "constants") is not YamlMap map)
        {
            return constants;
        }

        var values = new Dictionary<string, double>();
        var later = new HashSet<string>(map.Entries.Select(e => e.Key.Value));
        foreach ((YamlText key, YamlTree value) in map.Entries)
        {
            later.Remove(key.Value);
            bool nameOk = CheckIdentifier(context, key, "constant", variables, unknowns);
            var scope = new Scope
            {
                Variables = variables,
                Constants = values,
                Later = new HashSet<string>(later),
                Place = $"the constant '{key.Value}'",
                Allowed = "numbers, pi, e and earlier constants",
            };
            Node? bound = expressions.Expression(value, scope, $"the constant '{key.Value}'");
            if (bound is ConstantNode c && nameOk)
            {
                if (!double.IsFinite(c.Value))
                {
                    context.Error(value, $"the constant '{key.Value}' is not a finite number ({c.Value})");
                    continue;
                }

                values[key.Value] = c.Value;
                constants.Add(new ConstantSpec(key.Value, c.Value));
            }
        }

        return constants;
    }

    /// <summary>Each variable's <c>[low, high]</c>, expressions of numbers and constants; null when any is wrong.</summary>
    public static List<VariableSpec>? Bounds(ExpressionReader expressions, List<(YamlText Key, YamlTree Bounds)> names, Scope constants)
    {
        ReadContext context = expressions.Context;
        var variables = new List<VariableSpec>();
        foreach ((YamlText key, YamlTree node) in names)
        {
            string what = $"the bounds of '{key.Value}'";
            if (node is not YamlList { Items.Count: 2 } list)
            {
                context.Error(node, $"{what} must be a list [low, high], not {(node is YamlList l ? $"a list of {l.Items.Count}" : node.Kind)}");
                continue;
            }

            Scope scope = constants with { Place = what, Allowed = "numbers and constants" };
            Node? low = expressions.Expression(list.Items[0], scope, what);
            Node? high = expressions.Expression(list.Items[1], scope, what);
            if (low is ConstantNode lo && high is ConstantNode hi)
            {
                if (!double.IsFinite(lo.Value) || !double.IsFinite(hi.Value) || !(lo.Value < hi.Value))
                {
                    context.Error(node, $"{what} need low < high, both finite, but low = {ExpressionReader.Format(lo.Value)} and high = {ExpressionReader.Format(hi.Value)}");
                    continue;
                }

                variables.Add(new VariableSpec(key.Value, lo.Value, hi.Value));
            }
        }

        return variables.Count == names.Count ? variables : null;
    }

    /// <summary><c>definitions</c>: expressions of the variables, constants and earlier definitions, bound into <paramref name="bound"/>.</summary>
    public static List<DefinitionSpec> Definitions(ExpressionReader expressions, YamlMap root, Scope scope, Dictionary<string, Node> bound)
    {
        ReadContext context = expressions.Context;
        var definitions = new List<DefinitionSpec>();
        YamlTree? node = ReadContext.Optional(root, "definitions");
        if (node is null || context.AnyMap(node, "definitions") is not YamlMap map)
        {
            return definitions;
        }

        var later = new HashSet<string>(map.Entries.Select(e => e.Key.Value));
        foreach ((YamlText key, YamlTree value) in map.Entries)
        {
            later.Remove(key.Value);
            bool nameOk = CheckIdentifier(context, key, "definition", scope.Variables, scope.Unknowns);
            if (nameOk && scope.Constants.ContainsKey(key.Value))
            {
                context.Error(key, $"the definition '{key.Value}' has the name of a constant");
                nameOk = false;
            }

            Scope here = scope with
            {
                AllowVariables = true,
                Definitions = new Dictionary<string, Node>(bound),
                Later = new HashSet<string>(later),
                Place = $"the definition '{key.Value}'",
                Allowed = "the variables, constants and earlier definitions",
            };
            Node? expression = expressions.Expression(value, here, $"the definition '{key.Value}'");
            if (expression is not null && nameOk)
            {
                bound[key.Value] = expression;
                definitions.Add(new DefinitionSpec(key.Value, ((YamlText)value).Value, expression));
            }
        }

        return definitions;
    }

    /// <summary>Whether <paramref name="key"/> may name a constant, definition or parameter; reports why not.</summary>
    public static bool CheckIdentifier(ReadContext context, YamlText key, string kind, IReadOnlyList<string> variables, IReadOnlyList<string> unknowns)
    {
        string name = key.Value;
        int underscore = name.IndexOf('_', StringComparison.Ordinal);
        string? unknown = unknowns.FirstOrDefault(u => name == u || (underscore > 0 && name[..underscore] == u));
        string? problem =
            !IsIdentifier(name) ? "must start with a letter or '_' and contain only letters, digits and '_'"
            : variables.Contains(name) ? "is a variable"
            : unknown is not null ? $"is the unknown {unknown} or one of its derivatives"
            : name is "pi" or "e" ? "is a built-in constant"
            : Functions.IsFunction(name) ? "is a function"
            : null;
        if (problem is null)
        {
            return true;
        }

        context.Error(key, $"the {kind} name '{name}' {problem}; choose another name");
        return false;
    }
}
