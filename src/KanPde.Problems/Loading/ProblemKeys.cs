namespace KanPde.Problems.Loading;

/// <summary>A map in a problem file: the heading it has in docs/problem-format.md and the keys it accepts.</summary>
/// <param name="Heading">The section's heading in docs/problem-format.md, whose table lists exactly <paramref name="Keys"/>.</param>
/// <param name="Keys">The keys the reader accepts in that map, in documentation order.</param>
public sealed record KeySection(string Heading, IReadOnlyList<string> Keys);

/// <summary>
/// Every key a problem file may use, per map: the one list the reader checks files against and that a test
/// checks docs/problem-format.md against (both ways).
/// </summary>
public static class ProblemKeys
{
    /// <summary>The top level of a file.</summary>
    public static IReadOnlyList<string> TopLevel { get; } =
        ["name", "description", "variables", "constants", "definitions", "equation", "unknowns", "equations", "conditions", "exact", "kan", "mlp", "training", "evaluation", "parameters", "data", "domain"];

    /// <summary>One entry of <c>conditions</c>.</summary>
    public static IReadOnlyList<string> Condition { get; } = ["at", "equation", "weight", "points", "periodic"];

    /// <summary><c>kan</c>.</summary>
    public static IReadOnlyList<string> Kan { get; } = ["width", "grid", "order", "grid_update", "symbolic"];

    /// <summary><c>kan.grid_update</c> (when not <c>none</c>).</summary>
    public static IReadOnlyList<string> GridUpdate { get; } = ["every", "until"];

    /// <summary><c>mlp</c> (when not <c>none</c>).</summary>
    public static IReadOnlyList<string> Mlp { get; } = ["width", "activation", "steps"];

    /// <summary><c>training</c>.</summary>
    public static IReadOnlyList<string> Training { get; } =
        ["seed", "points", "sampling", "weights", "optimizer", "learning_rate", "schedule", "max_steps"];

    /// <summary><c>training.points</c>.</summary>
    public static IReadOnlyList<string> Points { get; } = ["interior", "boundary"];

    /// <summary><c>training.weights</c>.</summary>
    public static IReadOnlyList<string> Weights { get; } = ["equation", "conditions"];

    /// <summary>One stage of an explicit <c>training.schedule</c>.</summary>
    public static IReadOnlyList<string> Stage { get; } = ["grid", "steps", "optimizer"];

    /// <summary><c>evaluation</c>.</summary>
    public static IReadOnlyList<string> Evaluation { get; } = ["points"];

    /// <summary>One entry of <c>parameters</c> (when a map).</summary>
    public static IReadOnlyList<string> Parameter { get; } = ["initial", "exact"];

    /// <summary>One entry of <c>data</c>.</summary>
    public static IReadOnlyList<string> Data { get; } = ["file", "from_exact", "noise", "weight"];

    /// <summary><c>domain</c> and each shape inside <c>of</c>.</summary>
    public static IReadOnlyList<string> Shape { get; } = ["shape", "name", "low", "high", "center", "radius", "vertices", "of"];

    /// <summary>Every map with its heading in docs/problem-format.md.</summary>
    public static IReadOnlyList<KeySection> Sections { get; } =
    [
        new("Top-level keys", TopLevel),
        new("Conditions", Condition),
        new("`kan`", Kan),
        new("`kan.grid_update`", GridUpdate),
        new("`mlp`", Mlp),
        new("`training`", Training),
        new("`training.points`", Points),
        new("`training.weights`", Weights),
        new("Stages of `training.schedule`", Stage),
        new("`evaluation`", Evaluation),
        new("`parameters`", Parameter),
        new("Entries of `data`", Data),
        new("Domain", Shape),
    ];

    /// <summary>Keys that live in one place only, to point a misplaced or misspelt key to where it belongs.</summary>
    internal static IReadOnlyDictionary<string, string> Elsewhere { get; } = new Dictionary<string, string>
    {
        ["steps"] = "a stage of training.schedule, or mlp",
        ["grid"] = "kan, or a stage of training.schedule",
        ["interior"] = "training.points",
        ["boundary"] = "training.points",
        ["width"] = "kan or mlp",
        ["order"] = "kan",
        ["grid_update"] = "kan",
        ["activation"] = "mlp",
        ["seed"] = "training",
        ["sampling"] = "training",
        ["weights"] = "training",
        ["optimizer"] = "training, or a stage of training.schedule",
        ["learning_rate"] = "training",
        ["schedule"] = "training",
        ["max_steps"] = "training",
        ["at"] = "a condition",
        ["weight"] = "a condition",
        ["every"] = "kan.grid_update",
        ["until"] = "kan.grid_update",
        ["initial"] = "an entry of parameters",
        ["file"] = "an entry of data",
        ["from_exact"] = "an entry of data",
        ["noise"] = "an entry of data",
        ["shape"] = "domain",
        ["center"] = "a shape of domain",
        ["radius"] = "a shape of domain",
        ["vertices"] = "a shape of domain",
    };
}
