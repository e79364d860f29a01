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
        Scope equationScope, Scope constants, int defaultPoints)
    {
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

        var conditions = new List<ConditionSpec>();
        int errorsBefore = context.ErrorCount;
        for (int i = 0; i < list.Items.Count; i++)
        {
            string where = $"condition {i + 1}";
            if (context.Map(list.Items[i], where, where, ProblemKeys.Condition) is not YamlMap map)
            {
                continue;
            }

            List<FaceSpec>? faces = Faces(expressions, context.Required(map, "at", $" in {where}"), variables, constants, where);
            YamlTree? equationNode = context.Required(map, "equation", $" in {where}");
            EquationSpec? equation = equationNode is null ? null : expressions.Equation(equationNode, equationScope, $"the equation of {where}");
            YamlTree? weightNode = ReadContext.Optional(map, "weight");
            double? weight = weightNode is null ? 1 : context.Number(weightNode, $"the weight of {where}", positive: false);
            YamlTree? pointsNode = ReadContext.Optional(map, "points");
            int? points = pointsNode is null ? defaultPoints : context.Int(pointsNode, $"the points of {where}", 1);
            if (faces is not null && equation is not null && weight is not null && points is not null)
            {
                conditions.Add(new ConditionSpec(faces, equation, weight.Value, points.Value));
            }
        }

        return context.ErrorCount == errorsBefore ? conditions : null;
    }

    private static List<FaceSpec>? Faces(ExpressionReader expressions, YamlTree? node, IReadOnlyList<VariableSpec> variables, Scope constants, string where)
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
        bool ok = true;
        foreach (YamlTree item in items)
        {
            FaceSpec? face = expressions.Face(item, variables, constants, $"a face of {where}");
            if (face is not null && faces.Any(f => f.Variable == face.Variable && f.High == face.High))
            {
                expressions.Context.Error(item, $"the face '{face}' is listed twice in {where}");
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
