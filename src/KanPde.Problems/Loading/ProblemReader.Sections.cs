using System.Text.RegularExpressions;
using KanPde.Problems.Diagnostics;
using KanPde.Problems.Expressions;
using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

internal sealed partial class ProblemReader
{
    private static readonly Regex NamePattern = new("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex IdentifierPattern = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    private string? ReadName(YamlMap root)
    {
        YamlTree? node = Required(root, "name", "");
        string? name = node is null ? null : Text(node, "name");
        if (name is not null && !NamePattern.IsMatch(name))
        {
            Error(node!, $"name '{name}' may contain only letters, digits, '-' and '_' (it names the results folder)");
            return null;
        }

        return name;
    }

    /// <summary>Variable names in order; the bounds are read later, once the constants are known.</summary>
    private List<(YamlText Key, YamlTree Bounds)>? ReadVariableNames(YamlMap root)
    {
        YamlTree? node = Required(root, "variables", "");
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMap map || map.Entries.Count == 0)
        {
            Error(node, "variables must be a map of at least one variable to its bounds, such as 'x: [-1, 1]'");
            return null;
        }

        var result = new List<(YamlText, YamlTree)>();
        foreach ((YamlText key, YamlTree bounds) in map.Entries)
        {
            if (key.Value.Length != 1 || !char.IsAsciiLetterLower(key.Value[0]) || key.Value is "e" or "u")
            {
                Error(key, $"variable name '{key.Value}' must be a single lowercase letter other than 'e' and 'u'");
                continue;
            }

            result.Add((key, bounds));
        }

        return result.Count == map.Entries.Count ? result : null;
    }

    private List<ConstantSpec> ReadConstants(YamlMap root, IReadOnlyList<string> variables)
    {
        var constants = new List<ConstantSpec>();
        YamlTree? node = Optional(root, "constants");
        if (node is null || Map(node, "constants", null) is not YamlMap map)
        {
            return constants;
        }

        var values = new Dictionary<string, double>();
        var later = new HashSet<string>(map.Entries.Select(e => e.Key.Value));
        foreach ((YamlText key, YamlTree value) in map.Entries)
        {
            later.Remove(key.Value);
            bool nameOk = CheckIdentifier(key, "constant", variables);
            var scope = new Scope
            {
                Variables = variables,
                Constants = values,
                Later = new HashSet<string>(later),
                Place = $"the constant '{key.Value}'",
                Allowed = "numbers, pi, e and earlier constants",
            };
            Node? bound = Expression(value, scope, $"the constant '{key.Value}'");
            if (bound is ConstantNode c && nameOk)
            {
                if (!double.IsFinite(c.Value))
                {
                    Error(value, $"the constant '{key.Value}' is not a finite number ({c.Value})");
                    continue;
                }

                values[key.Value] = c.Value;
                constants.Add(new ConstantSpec(key.Value, c.Value));
            }
        }

        return constants;
    }

    private List<VariableSpec>? ReadBounds(List<(YamlText Key, YamlTree Bounds)> names, Scope constants)
    {
        var variables = new List<VariableSpec>();
        foreach ((YamlText key, YamlTree node) in names)
        {
            string what = $"the bounds of '{key.Value}'";
            if (node is not YamlList { Items.Count: 2 } list)
            {
                Error(node, $"{what} must be a list [low, high], not {(node is YamlList l ? $"a list of {l.Items.Count}" : node.Kind)}");
                continue;
            }

            Scope scope = constants with { Place = what, Allowed = "numbers and constants" };
            Node? low = Expression(list.Items[0], scope, what);
            Node? high = Expression(list.Items[1], scope, what);
            if (low is ConstantNode lo && high is ConstantNode hi)
            {
                if (!double.IsFinite(lo.Value) || !double.IsFinite(hi.Value) || !(lo.Value < hi.Value))
                {
                    Error(node, $"{what} need low < high, both finite, but low = {Format(lo.Value)} and high = {Format(hi.Value)}");
                    continue;
                }

                variables.Add(new VariableSpec(key.Value, lo.Value, hi.Value));
            }
        }

        return variables.Count == names.Count ? variables : null;
    }

    private List<DefinitionSpec> ReadDefinitions(YamlMap root, Scope scope, Dictionary<string, Node> bound)
    {
        var definitions = new List<DefinitionSpec>();
        YamlTree? node = Optional(root, "definitions");
        if (node is null || Map(node, "definitions", null) is not YamlMap map)
        {
            return definitions;
        }

        var later = new HashSet<string>(map.Entries.Select(e => e.Key.Value));
        foreach ((YamlText key, YamlTree value) in map.Entries)
        {
            later.Remove(key.Value);
            bool nameOk = CheckIdentifier(key, "definition", scope.Variables);
            if (nameOk && scope.Constants.ContainsKey(key.Value))
            {
                Error(key, $"the definition '{key.Value}' has the name of a constant");
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
            Node? expression = Expression(value, here, $"the definition '{key.Value}'");
            if (expression is not null && nameOk)
            {
                bound[key.Value] = expression;
                definitions.Add(new DefinitionSpec(key.Value, ((YamlText)value).Value, expression));
            }
        }

        return definitions;
    }

    private bool CheckIdentifier(YamlText key, string kind, IReadOnlyList<string> variables)
    {
        string name = key.Value;
        string? problem =
            !IdentifierPattern.IsMatch(name) ? "must start with a letter or '_' and contain only letters, digits and '_'"
            : variables.Contains(name) ? "is a variable"
            : name == "u" || name.StartsWith("u_", StringComparison.Ordinal) ? "is the unknown u or one of its derivatives"
            : name is "pi" or "e" ? "is a built-in constant"
            : Functions.IsFunction(name) ? "is a function"
            : null;
        if (problem is null)
        {
            return true;
        }

        Error(key, $"the {kind} name '{name}' {problem}; choose another name");
        return false;
    }

    private List<ConditionSpec>? ReadConditions(YamlMap root, IReadOnlyList<VariableSpec> variables, Scope equationScope, Scope constants, int defaultPoints)
    {
        YamlTree? node = Required(root, "conditions", "");
        if (node is null)
        {
            return null;
        }

        if (node is not YamlList list)
        {
            Error(node, $"conditions must be a list of conditions (each with 'at' and 'equation'), not {node.Kind}");
            return null;
        }

        if (list.Items.Count == 0)
        {
            Report(node.Start, "conditions is empty, so u is not determined by the equation alone", DiagnosticSeverity.Warning);
        }

        var conditions = new List<ConditionSpec>();
        int errorsBefore = ErrorCount;
        for (int i = 0; i < list.Items.Count; i++)
        {
            string where = $"condition {i + 1}";
            if (Map(list.Items[i], where, where, "at", "equation", "weight", "points") is not YamlMap map)
            {
                continue;
            }

            List<FaceSpec>? faces = ReadFaces(Required(map, "at", $" in {where}"), variables, constants, where);
            YamlTree? equationNode = Required(map, "equation", $" in {where}");
            EquationSpec? equation = equationNode is null ? null : Equation(equationNode, equationScope, $"the equation of {where}");
            YamlTree? weightNode = Optional(map, "weight");
            double? weight = weightNode is null ? 1 : Number(weightNode, $"the weight of {where}", positive: false);
            YamlTree? pointsNode = Optional(map, "points");
            int? points = pointsNode is null ? defaultPoints : Int(pointsNode, $"the points of {where}", 1);
            if (faces is not null && equation is not null && weight is not null && points is not null)
            {
                conditions.Add(new ConditionSpec(faces, equation, weight.Value, points.Value));
            }
        }

        return ErrorCount == errorsBefore ? conditions : null;
    }

    private List<FaceSpec>? ReadFaces(YamlTree? node, IReadOnlyList<VariableSpec> variables, Scope constants, string where)
    {
        if (node is null)
        {
            return null;
        }

        IReadOnlyList<YamlTree> items = node is YamlList list ? list.Items : [node];
        if (items.Count == 0)
        {
            Error(node, $"'at' of {where} lists no faces");
            return null;
        }

        var faces = new List<FaceSpec>();
        bool ok = true;
        foreach (YamlTree item in items)
        {
            FaceSpec? face = Face(item, variables, constants, $"a face of {where}");
            if (face is not null && faces.Any(f => f.Variable == face.Variable && f.High == face.High))
            {
                Error(item, $"the face '{face}' is listed twice in {where}");
                face = null;
            }

            ok &= face is not null;
            if (face is not null)
            {
                faces.Add(face);
            }
        }

        return ok ? faces : null;
    }
}
