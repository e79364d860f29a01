using KanPde.Problems.Diagnostics;
using KanPde.Problems.Expressions;
using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

/// <summary><c>conditions</c>: a list of maps with <c>at</c>, <c>equation</c>, <c>weight</c> and <c>points</c>.</summary>
internal static class ConditionsReader
{
    /// <summary>The conditions, or null when any is wrong (or the key is missing).</summary>
    public static List<ConditionSpec>? Read(ExpressionReader expressions, YamlMap root, IReadOnlyList<VariableSpec> variables,
        Scope equationScope, Scope constants, int defaultPoints, KanPde.Core.Geometry.Shape? domain, List<int> periodic)
    {
        IReadOnlyList<string> names = DomainReader.Names(domain);
        equationScope = equationScope with { AllowNormal = true };
        ReadContext context = expressions.Context;
        YamlTree? node = context.Required(root, "conditions", "");
        if (node is null)
        {
            return null;
        }

        if (node is not YamlList list)
        {
            context.Error(node, $"conditions must be a list of conditions (each with 'at' and 'equation'), not {node.Kind}");
            return null;
        }

        if (list.Items.Count == 0)
        {
            context.Report(node.Start, "conditions is empty, so u is not determined by the equation alone", DiagnosticSeverity.Warning);
        }
        else if (list.Items.All(item => item is YamlMap m && ReadContext.Optional(m, "periodic") is not null))
        {
            context.Report(node.Start, "conditions are all periodic, so u is not determined by the equation alone (at most up to a constant)", DiagnosticSeverity.Warning);
        }

        var conditions = new List<ConditionSpec>();
        var periodicNodes = new List<(int, YamlTree)>();
        var fileNumbers = new List<int>();
        int errorsBefore = context.ErrorCount;
        for (int i = 0; i < list.Items.Count; i++)
        {
            string where = $"condition {i + 1}";
            if (context.Map(list.Items[i], where, where, ProblemKeys.Condition) is not YamlMap map)
            {
                continue;
            }

            if (ReadContext.Optional(map, "periodic") is { } periodicNode)
            {
                Periodic(context, map, periodicNode, variables, domain, periodic, periodicNodes, where);
                continue;
            }

            (List<FaceSpec> Faces, List<string> Names)? places = Places(expressions, context.Required(map, "at", $" in {where}"), variables, constants, where, domain, names);
            YamlTree? equationNode = context.Required(map, "equation", $" in {where}");
            EquationSpec? equation = equationNode is null ? null : expressions.Equation(equationNode, equationScope, $"the equation of {where}");
            YamlTree? weightNode = ReadContext.Optional(map, "weight");
            double? weight = weightNode is null ? 1 : context.Number(weightNode, $"the weight of {where}", positive: false);
            YamlTree? pointsNode = ReadContext.Optional(map, "points");
            int? points = pointsNode is null ? defaultPoints : context.Int(pointsNode, $"the points of {where}", 1);
            if (places is { } at && equation is not null && weight is not null && points is not null)
            {
                conditions.Add(new ConditionSpec(at.Faces, equation, weight.Value, points.Value) { Names = at.Names });
                fileNumbers.Add(i + 1);
            }
        }

        // A periodic variable's faces are joined: a condition there would contradict (or duplicate) the periodicity.
        foreach ((int variable, YamlTree periodicAt) in periodicNodes)
        {
            foreach ((ConditionSpec condition, int index) in conditions.Select((c, k) => (c, k)))
            {
                if (condition.Faces.FirstOrDefault(f => f.Variable == variable) is { } face)
                {
                    context.Error(periodicAt, $"'{variables[variable].Name}' is periodic, so no condition may hold on its faces; condition {fileNumbers[index]} holds on '{face}'");
                }
            }
        }

        periodic.Sort();
        return context.ErrorCount == errorsBefore ? conditions : null;
    }

    private static void Periodic(ReadContext context, YamlMap map, YamlTree node, IReadOnlyList<VariableSpec> variables, KanPde.Core.Geometry.Shape? domain,
        List<int> periodic, List<(int, YamlTree)> nodes, string where)
    {
        foreach (KeyValuePair<YamlText, YamlTree> entry in map.Entries.Where(e => e.Key.Value != "periodic"))
        {
            context.Error(entry.Key, $"'{entry.Key.Value}' does not belong in a periodic condition ({where}), which has the key 'periodic' alone");
        }

        if (context.Scalar(node, $"the variable of {where}", "a variable such as 'x'") is not YamlText text)
        {
            return;
        }

        int variable = variables.ToList().FindIndex(v => v.Name == text.Value);
        if (variable < 0)
        {
            context.Error(text, $"'{text.Value}' in {where} is not a variable (variables: {string.Join(", ", variables.Select(v => v.Name))}){Diagnostics.Suggestions.DidYouMean(text.Value, variables.Select(v => v.Name))}");
        }
        else if (periodic.Contains(variable))
        {
            context.Error(text, $"'{text.Value}' is declared periodic twice");
        }
        else if (domain is not null)
        {
            context.Error(text, "periodic conditions need the box of the variables as the domain; remove 'domain' or the periodic condition");
        }
        else
        {
            periodic.Add(variable);
            nodes.Add((variable, text));
        }
    }

    private static (List<FaceSpec>, List<string>)? Places(ExpressionReader expressions, YamlTree? node, IReadOnlyList<VariableSpec> variables, Scope constants, string where,
        KanPde.Core.Geometry.Shape? domain, IReadOnlyList<string> shapeNames)
    {
        if (node is null)
        {
            return null;
        }

        IReadOnlyList<YamlTree> items = node is YamlList list ? list.Items : [node];
        if (items.Count == 0)
        {
            expressions.Context.Error(node, $"'at' of {where} lists no faces");
            return null;
        }

        var faces = new List<FaceSpec>();
        var names = new List<string>();
        bool ok = true;
        foreach (YamlTree item in items)
        {
            // A bare identifier in 'at' names a place of the domain's boundary (a face always has '=').
            if (item is YamlText { IsQuoted: false } text && DeclarationsReader.IsIdentifier(text.Value))
            {
                ok &= PlaceName(expressions.Context, text, domain, shapeNames, names, where);
                continue;
            }

            FaceSpec? face = expressions.Face(item, variables, constants, $"a face of {where}");
            if (face is not null && faces.Any(f => f.Variable == face.Variable && f.High == face.High))
            {
                expressions.Context.Error(item, $"the face '{face}' is listed twice in {where}");
                face = null;
            }

            if (face is not null && domain is not null && Compilation.BoundaryPlaces.Pieces(domain, face, null).Count == 0)
            {
                expressions.Context.Error(item, $"the face '{face}' is no part of the boundary of the domain, which does not reach it");
                face = null;
            }

            ok &= face is not null;
            if (face is not null)
            {
                faces.Add(face);
            }
        }

        return ok ? (faces, names) : null;
    }

    private static bool PlaceName(ReadContext context, YamlText text, KanPde.Core.Geometry.Shape? domain, IReadOnlyList<string> shapeNames, List<string> names, string where)
    {
        string name = text.Value;
        if (domain is null)
        {
            context.Error(text, $"'{name}' in 'at' of {where} is not a face such as 'x = 0'; names of parts of the boundary (and 'boundary') need a 'domain' that is not the box");
            return false;
        }

        if (name != "boundary" && !shapeNames.Contains(name))
        {
            string known = shapeNames.Count == 0 ? "no shape of the domain has a name" : $"named shapes: {string.Join(", ", shapeNames)}";
            context.Error(text, $"'{name}' in 'at' of {where} names no part of the boundary ({known}; or 'boundary' for all of it){Diagnostics.Suggestions.DidYouMean(name, [.. shapeNames, "boundary"])}");
            return false;
        }

        if (names.Contains(name))
        {
            context.Error(text, $"'{name}' is listed twice in {where}");
            return false;
        }

        if (name != "boundary" && Compilation.BoundaryPlaces.Pieces(domain, null, name).Count == 0)
        {
            context.Error(text, $"the shape '{name}' has no part on the boundary of the domain (it lies inside or outside the rest)");
            return false;
        }

        names.Add(name);
        return true;
    }
}
