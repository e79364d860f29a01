using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

/// <summary><c>training</c>: seed, points, sampling, weights, optimizer, learning rate, schedule and step budget.</summary>
internal static class TrainingReader
{
    /// <summary>The section with every absent key at its default (<c>schedule: auto</c> among them).</summary>
    public static TrainingSpec Defaults { get; } =
        new(0, new PointsSpec(10000, 200), SamplingMethod.Uniform, new WeightsSpec(0.01, 1), null, null, null, null);

    public static TrainingSpec Read(ReadContext context, YamlTree? node)
    {
        TrainingSpec defaults = Defaults;
        if (node is null || context.Map(node, "training", "training", ProblemKeys.Training) is not YamlMap map)
        {
            return defaults;
        }

        PointsSpec points = defaults.Points;
        if (ReadContext.Optional(map, "points") is { } pointsNode && context.Map(pointsNode, "training.points", "training.points", ProblemKeys.Points) is YamlMap pm)
        {
            points = new PointsSpec(
                ReadContext.Optional(pm, "interior") is { } i ? context.Int(i, "training.points.interior", 1) ?? 1 : points.Interior,
                ReadContext.Optional(pm, "boundary") is { } b ? context.Int(b, "training.points.boundary", 1) ?? 1 : points.Boundary);
        }

        WeightsSpec weights = defaults.Weights;
        if (ReadContext.Optional(map, "weights") is { } weightsNode && context.Map(weightsNode, "training.weights", "training.weights", ProblemKeys.Weights) is YamlMap wm)
        {
            weights = new WeightsSpec(
                ReadContext.Optional(wm, "equation") is { } e ? context.Number(e, "training.weights.equation", positive: false) ?? 0 : weights.Equation,
                ReadContext.Optional(wm, "conditions") is { } c ? context.Number(c, "training.weights.conditions", positive: false) ?? 0 : weights.Conditions);
        }

        IReadOnlyList<StageSpec>? schedule = ReadContext.Optional(map, "schedule") is { } s ? Schedule(context, s) : null;
        int? maxSteps = null;
        if (ReadContext.Optional(map, "max_steps") is { } m)
        {
            maxSteps = context.Int(m, "training.max_steps", 1);
            if (schedule is not null && maxSteps is not null)
            {
                context.Error(m, "training.max_steps applies to schedule: auto, not to an explicit schedule (whose stages set their own steps)");
                maxSteps = null;
            }
        }

        return new TrainingSpec(
            ReadContext.Optional(map, "seed") is { } seed ? context.Int(seed, "training.seed", 0) ?? 0 : 0,
            points,
            ReadContext.Optional(map, "sampling") is { } sampling ? context.Choice(sampling, "sampling", Names.Table<SamplingMethod>()) ?? SamplingMethod.Uniform : SamplingMethod.Uniform,
            weights,
            ReadContext.Optional(map, "optimizer") is { } o ? Optimizer(context, o) : null,
            ReadContext.Optional(map, "learning_rate") is { } lr ? context.Number(lr, "training.learning_rate", positive: true) : null,
            schedule,
            maxSteps);
    }

    /// <summary><c>auto</c> (null), or the explicit stages.</summary>
    private static List<StageSpec>? Schedule(ReadContext context, YamlTree node)
    {
        if (ReadContext.IsWord(node, "auto"))
        {
            return null;
        }

        if (node is not YamlList { Items.Count: > 0 } list)
        {
            context.Error(node, "training.schedule must be auto or a non-empty list of stages such as {grid: 5, steps: 100}");
            return null;
        }

        var stages = new List<StageSpec>();
        for (int i = 0; i < list.Items.Count; i++)
        {
            string where = $"stage {i + 1} of training.schedule";
            if (context.Map(list.Items[i], where, where, ProblemKeys.Stage) is not YamlMap map)
            {
                continue;
            }

            int? grid = context.Required(map, "grid", $" in {where}") is { } g ? context.Int(g, $"the grid of {where}", 1) : null;
            int? steps = context.Required(map, "steps", $" in {where}") is { } s ? context.Int(s, $"the steps of {where}", 1) : null;
            OptimizerKind? optimizer = ReadContext.Optional(map, "optimizer") is { } o ? Optimizer(context, o) : null;
            stages.Add(new StageSpec(grid ?? 1, steps ?? 1, optimizer));
        }

        // Every stage was a mistake (already reported): keep the type's rule that an explicit schedule is non-empty.
        return stages.Count > 0 ? stages : null;
    }

    // The names other tools use for the same optimizers are accepted too, in any case (docs/problem-format.md).
    private static readonly Dictionary<string, OptimizerKind> OptimizerAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["l-bfgs"] = OptimizerKind.Lbfgs,
        ["l_bfgs"] = OptimizerKind.Lbfgs,
        ["levenberg-marquardt"] = OptimizerKind.LevenbergMarquardt,
        ["levenberg_marquardt"] = OptimizerKind.LevenbergMarquardt,
    };

    private static OptimizerKind? Optimizer(ReadContext context, YamlTree node)
    {
        if (node is YamlText { IsQuoted: false } text)
        {
            if (OptimizerAliases.TryGetValue(text.Value, out OptimizerKind alias))
            {
                return alias;
            }

            if (Names.Table<OptimizerKind>().FirstOrDefault(p => string.Equals(p.Key, text.Value, StringComparison.OrdinalIgnoreCase)) is { Key: not null } match)
            {
                return match.Value;
            }
        }

        return context.Choice(node, "optimizer", Names.Table<OptimizerKind>());
    }
}
