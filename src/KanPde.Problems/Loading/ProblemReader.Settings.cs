using KanPde.Core.Sampling;
using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

internal sealed partial class ProblemReader
{
    private static readonly Dictionary<string, OptimizerKind> Optimizers = new()
    {
        ["lbfgs"] = OptimizerKind.Lbfgs,
        ["adam"] = OptimizerKind.Adam,
        ["lm"] = OptimizerKind.Lm,
    };

    private static readonly Dictionary<string, SamplingMethod> SamplingMethods = new()
    {
        ["uniform"] = SamplingMethod.Uniform,
        ["grid"] = SamplingMethod.Grid,
        ["sobol"] = SamplingMethod.Sobol,
        ["halton"] = SamplingMethod.Halton,
    };

    private static readonly Dictionary<string, Activation> Activations = new()
    {
        ["tanh"] = Activation.Tanh,
        ["sin"] = Activation.Sin,
        ["silu"] = Activation.Silu,
        ["softplus"] = Activation.Softplus,
    };

    /// <summary>The default schedule: grids 5 → 10 → 20, 100 steps each.</summary>
    public static IReadOnlyList<StageSpec> DefaultSchedule { get; } = [new(5, 100, null), new(10, 100, null), new(20, 100, null)];

    private TrainingSpec ReadTraining(YamlTree? node)
    {
        var defaults = new TrainingSpec(0, new PointsSpec(10000, 200), SamplingMethod.Uniform, new WeightsSpec(0.01, 1), null, null, DefaultSchedule);
        if (node is null || Map(node, "training", "training", "seed", "points", "sampling", "weights", "optimizer", "learning_rate", "schedule") is not YamlMap map)
        {
            return defaults;
        }

        PointsSpec points = defaults.Points;
        if (Optional(map, "points") is { } pointsNode && Map(pointsNode, "training.points", "training.points", "interior", "boundary") is YamlMap pm)
        {
            points = new PointsSpec(
                Optional(pm, "interior") is { } i ? Int(i, "training.points.interior", 1) ?? 1 : points.Interior,
                Optional(pm, "boundary") is { } b ? Int(b, "training.points.boundary", 1) ?? 1 : points.Boundary);
        }

        WeightsSpec weights = defaults.Weights;
        if (Optional(map, "weights") is { } weightsNode && Map(weightsNode, "training.weights", "training.weights", "equation", "conditions") is YamlMap wm)
        {
            weights = new WeightsSpec(
                Optional(wm, "equation") is { } e ? Number(e, "training.weights.equation", positive: false) ?? 0 : weights.Equation,
                Optional(wm, "conditions") is { } c ? Number(c, "training.weights.conditions", positive: false) ?? 0 : weights.Conditions);
        }

        return new TrainingSpec(
            Optional(map, "seed") is { } seed ? Int(seed, "training.seed", 0) ?? 0 : 0,
            points,
            Optional(map, "sampling") is { } s ? Choice(s, "sampling", SamplingMethods) ?? SamplingMethod.Uniform : SamplingMethod.Uniform,
            weights,
            Optional(map, "optimizer") is { } o ? Choice(o, "optimizer", Optimizers) : null,
            Optional(map, "learning_rate") is { } lr ? Number(lr, "training.learning_rate", positive: true) : null,
            Optional(map, "schedule") is { } schedule ? ReadSchedule(schedule) : DefaultSchedule);
    }

    private List<StageSpec> ReadSchedule(YamlTree node)
    {
        if (node is not YamlList { Items.Count: > 0 } list)
        {
            Error(node, "training.schedule must be a non-empty list of stages such as {grid: 5, steps: 100}");
            return [.. DefaultSchedule];
        }

        var stages = new List<StageSpec>();
        for (int i = 0; i < list.Items.Count; i++)
        {
            string where = $"stage {i + 1} of training.schedule";
            if (Map(list.Items[i], where, where, "grid", "steps", "optimizer") is not YamlMap map)
            {
                continue;
            }

            int? grid = Required(map, "grid", $" in {where}") is { } g ? Int(g, $"the grid of {where}", 1) : null;
            int? steps = Required(map, "steps", $" in {where}") is { } s ? Int(s, $"the steps of {where}", 1) : null;
            OptimizerKind? optimizer = Optional(map, "optimizer") is { } o ? Choice(o, "optimizer", Optimizers) : null;
            stages.Add(new StageSpec(grid ?? 1, steps ?? 1, optimizer));
        }

        return stages;
    }

    private KanSpec ReadKan(YamlTree? node, int variables, TrainingSpec training)
    {
        int defaultGrid = training.Schedule.Count > 0 ? training.Schedule[0].Grid : 5;
        var defaults = new KanSpec([variables, 10, 1], defaultGrid, 3, null);
        if (node is null || Map(node, "kan", "kan", "width", "grid", "order", "grid_update") is not YamlMap map)
        {
            return defaults;
        }

        GridUpdateSpec? update = null;
        if (Optional(map, "grid_update") is { } u)
        {
            update = u is YamlText { Value: "none", IsQuoted: false }
                ? GridUpdateSpec.Disabled
                : Map(u, "kan.grid_update ('none' or {every: N, until: M})", "kan.grid_update", "every", "until") is YamlMap um
                    ? new GridUpdateSpec(
                        true,
                        Required(um, "every", " in kan.grid_update") is { } every ? Int(every, "kan.grid_update.every", 1) ?? 1 : 1,
                        Required(um, "until", " in kan.grid_update") is { } until ? Int(until, "kan.grid_update.until", 0) ?? 0 : 0)
                    : null;
        }

        return new KanSpec(
            Optional(map, "width") is { } w ? Width(w, "kan.width", variables) ?? defaults.Width : defaults.Width,
            Optional(map, "grid") is { } g ? Int(g, "kan.grid", 1) ?? defaultGrid : defaultGrid,
            Optional(map, "order") is { } o ? Int(o, "kan.order (at least 2, so that second derivatives exist)", 2) ?? 3 : 3,
            update);
    }

    private MlpSpec? ReadMlp(YamlTree? node, int variables, TrainingSpec training)
    {
        var defaults = new MlpSpec([variables, 100, 100, 100, 1], Activation.Tanh, Math.Max(1, training.TotalSteps));
        if (node is null)
        {
            return defaults;
        }

        if (node is YamlText { Value: "none", IsQuoted: false })
        {
            return null;
        }

        if (Map(node, "mlp ('none' or a map)", "mlp", "width", "activation", "steps") is not YamlMap map)
        {
            return defaults;
        }

        return new MlpSpec(
            Optional(map, "width") is { } w ? Width(w, "mlp.width", variables) ?? defaults.Width : defaults.Width,
            Optional(map, "activation") is { } a ? Choice(a, "activation", Activations) ?? Activation.Tanh : Activation.Tanh,
            Optional(map, "steps") is { } s ? Int(s, "mlp.steps", 1) ?? 1 : defaults.Steps);
    }

    private EvaluationSpec ReadEvaluation(YamlTree? node)
    {
        if (node is null || Map(node, "evaluation", "evaluation", "points") is not YamlMap map)
        {
            return new EvaluationSpec(101);
        }

        return new EvaluationSpec(Optional(map, "points") is { } p ? Int(p, "evaluation.points (per axis, bounds included)", 2) ?? 101 : 101);
    }

    private List<int>? Width(YamlTree node, string what, int variables)
    {
        List<int>? width = IntList(node, what);
        if (width is null)
        {
            return null;
        }

        if (width.Count < 2)
        {
            Error(node, $"{what} needs at least an input and an output layer, such as [{variables}, 10, 1]");
            return null;
        }

        YamlList list = (YamlList)node;
        if (variables > 0 && width[0] != variables)
        {
            Error(list.Items[0], $"{what} starts with {width[0]} inputs, but the problem has {variables} variable{(variables == 1 ? "" : "s")}");
            return null;
        }

        if (width[^1] != 1)
        {
            Error(list.Items[^1], $"{what} must end with 1 output (the solution u), not {width[^1]}");
            return null;
        }

        return width;
    }
}
