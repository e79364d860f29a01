using KanPde.Core.Sampling;
using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

/// <summary><c>evaluation</c>: points per axis of the grid where errors are measured.</summary>
internal static class EvaluationReader
{
    public static EvaluationSpec Read(ReadContext context, YamlTree? node, int variables)
    {
        var defaults = new EvaluationSpec(EvaluationSpec.DefaultPoints(Math.Max(1, variables)));
        if (node is null || context.Map(node, "evaluation", "evaluation", ProblemKeys.Evaluation) is not YamlMap map)
        {
            return defaults;
        }

        if (ReadContext.Optional(map, "points") is not { } p || context.Int(p, "evaluation.points (per axis, bounds included)", 2) is not int points)
        {
            return defaults;
        }

        if (variables > 0 && !Collocation.GridFits(variables, points))
        {
            context.Error(p, $"evaluation.points = {points} per axis makes a grid of {points}^{variables} points, too large to build; " +
                $"the default for {variables} variables is {EvaluationSpec.DefaultPoints(variables)} (about {EvaluationSpec.DefaultTotal} points in all)");
            return defaults;
        }

        return new EvaluationSpec(points);
    }
}
