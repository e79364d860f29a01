using System.Globalization;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Diagnostics;
using KanPde.Problems.Loading;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Building;

/// <summary>
/// A problem written in C# instead of YAML, with the same expression language: each call adds what a file's
/// key would say, and <see cref="Build"/> reads the result through the problem-file reader, so the checks,
/// the messages and every default are exactly those of a file (docs/problem-format.md).
/// <see cref="ToYaml"/> gives the equivalent file.
/// </summary>
/// <example>
/// <code>
/// ProblemSpec problem = new ProblemBuilder("poisson1d")
///     .Variable("x", 0, 1)
///     .Equation("u_xx = -pi^2*sin(pi*x)")
///     .Condition("u = 0", "x = 0", "x = 1")
///     .Exact("sin(pi*x)")
///     .Build();
/// </code>
/// </example>
public sealed partial class ProblemBuilder
{
    private readonly string _name;
    private readonly List<(string Name, string Low, string High)> _variables = [];
    private readonly List<(string Name, string Value)> _constants = [];
    private readonly List<(string Name, string Value)> _definitions = [];
    private readonly List<ConditionEntry> _conditions = [];
    private readonly List<(string Key, string Value, string Place)> _kan = [];
    private readonly List<(string Key, string Value, string Place)> _mlp = [];
    private readonly List<(string Key, string Value, string Place)> _training = [];
    private readonly List<(string Key, string Value, string Place)> _points = [];
    private readonly List<(string Key, string Value, string Place)> _weights = [];
    private List<(int Grid, int Steps, OptimizerKind? Optimizer)>? _schedule;
    private string? _description;
    private string? _equation;
    private string? _exact;
    private int? _evaluationPoints;
    private bool _noMlp;

    /// <summary>A problem called <paramref name="name"/> (letters, digits, <c>-</c> and <c>_</c>).</summary>
    public ProblemBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
    }

    /// <summary><c>description</c>: free text for reports.</summary>
    public ProblemBuilder Description(string text) => Set(ref _description, text);

    /// <summary>A variable with its range [<paramref name="low"/>, <paramref name="high"/>]; variables are the network's inputs in the order added.</summary>
    public ProblemBuilder Variable(string name, double low, double high) => Variable(name, Number(low), Number(high));

    /// <summary>A variable whose bounds are expressions of numbers and constants, such as <c>"2*pi"</c>.</summary>
    public ProblemBuilder Variable(string name, string low, string high)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        _variables.Add((name, low, high));
        return this;
    }

    /// <summary>A named constant: an expression of numbers, <c>pi</c>, <c>e</c> and earlier constants.</summary>
    public ProblemBuilder Constant(string name, string value) => Add(_constants, name, value);

    /// <summary>A named constant with a value.</summary>
    public ProblemBuilder Constant(string name, double value) => Add(_constants, name, Number(value));

    /// <summary>A named expression of the variables, constants and earlier definitions (not of u).</summary>
    public ProblemBuilder Definition(string name, string expression) => Add(_definitions, name, expression);

    /// <summary>The PDE, <c>LHS = RHS</c>, in the variables, constants, definitions, u and its derivatives.</summary>
    public ProblemBuilder Equation(string equation) => Set(ref _equation, equation);

    /// <summary>A condition: <paramref name="equation"/> holds on each of <paramref name="faces"/> (<c>"x = 0"</c>).</summary>
    public ProblemBuilder Condition(string equation, params string[] faces) => Condition(equation, faces, weight: null, points: null);

    /// <summary>A condition with its own loss weight and points per face (null for the defaults).</summary>
    public ProblemBuilder Condition(string equation, IReadOnlyList<string> faces, double? weight, int? points)
    {
        ArgumentNullException.ThrowIfNull(equation);
        ArgumentNullException.ThrowIfNull(faces);
        _conditions.Add(new ConditionEntry(equation, [.. faces], weight, points));
        return this;
    }

    /// <summary>The analytic solution, an expression of the variables, constants and definitions.</summary>
    public ProblemBuilder Exact(string expression) => Set(ref _exact, expression);

    /// <summary><c>kan</c>: any of width, starting grid, spline order and grid updates (<c>(0, 0)</c> for none); null keeps the default.</summary>
    public ProblemBuilder Kan(IReadOnlyList<int>? width = null, int? grid = null, int? order = null, (int Every, int Until)? gridUpdate = null)
    {
        Put(_kan, "width", width is null ? null : List(width), "kan.width");
        Put(_kan, "grid", Whole(grid), "kan.grid");
        Put(_kan, "order", Whole(order), "kan.order");
        Put(_kan, "grid_update", gridUpdate is not { } u ? null : u is (0, 0) ? "none" : $"{{every: {Number(u.Every)}, until: {Number(u.Until)}}}", "kan.grid_update");
        return this;
    }

    /// <summary><c>mlp</c>: any of width, activation and steps; null keeps the default.</summary>
    public ProblemBuilder Mlp(IReadOnlyList<int>? width = null, Activation? activation = null, int? steps = null)
    {
        _noMlp = false;
        Put(_mlp, "width", width is null ? null : List(width), "mlp.width");
        Put(_mlp, "activation", activation is { } a ? Names.Name(a) : null, "mlp.activation");
        Put(_mlp, "steps", Whole(steps), "mlp.steps");
        return this;
    }

    /// <summary><c>mlp: none</c>: no baseline.</summary>
    public ProblemBuilder NoMlp()
    {
        _noMlp = true;
        _mlp.Clear();
        return this;
    }

    /// <summary><c>training.points</c>: interior points, and points per face of each condition; null keeps the default.</summary>
    public ProblemBuilder Points(int? interior = null, int? boundary = null)
    {
        Put(_points, "interior", Whole(interior), "training.points.interior");
        Put(_points, "boundary", Whole(boundary), "training.points.boundary");
        return this;
    }

    /// <summary><c>training.weights</c>; null keeps the default.</summary>
    public ProblemBuilder Weights(double? equation = null, double? conditions = null)
    {
        Put(_weights, "equation", equation is { } e ? Number(e) : null, "training.weights.equation");
        Put(_weights, "conditions", conditions is { } c ? Number(c) : null, "training.weights.conditions");
        return this;
    }

    /// <summary>The other keys of <c>training</c>; null keeps the default.</summary>
    public ProblemBuilder Training(long? seed = null, SamplingMethod? sampling = null, OptimizerKind? optimizer = null,
        double? learningRate = null, int? maxSteps = null)
    {
        Put(_training, "seed", seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : null, "training.seed");
        Put(_training, "sampling", sampling is { } m ? Names.Name(m) : null, "training.sampling");
        Put(_training, "optimizer", optimizer is { } o ? Names.Name(o) : null, "training.optimizer");
        Put(_training, "learning_rate", learningRate is { } r ? Number(r) : null, "training.learning_rate");
        Put(_training, "max_steps", Whole(maxSteps), "training.max_steps");
        return this;
    }

    /// <summary>An explicit <c>training.schedule</c>: (grid, steps) stages in turn, with the default optimizer.</summary>
    public ProblemBuilder Schedule(params (int Grid, int Steps)[] stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        return Schedule([.. stages.Select(s => (s.Grid, s.Steps, (OptimizerKind?)null))]);
    }

    /// <summary>An explicit <c>training.schedule</c> whose stages may name their optimizer.</summary>
    public ProblemBuilder Schedule(IReadOnlyList<(int Grid, int Steps, OptimizerKind? Optimizer)> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        _schedule = [.. stages];
        return this;
    }

    /// <summary><c>training.schedule: auto</c> (the default).</summary>
    public ProblemBuilder AutoSchedule()
    {
        _schedule = null;
        return this;
    }

    /// <summary><c>evaluation.points</c>: points per axis of the grid where errors are measured.</summary>
    public ProblemBuilder EvaluationPoints(int points)
    {
        _evaluationPoints = points;
        return this;
    }

    /// <summary>
    /// Checks the problem as a file would be checked and resolves every default; throws a
    /// <see cref="ProblemException"/> that lists every mistake, each with the setting it concerns.
    /// </summary>
    public ProblemSpec Build()
    {
        (string yaml, IReadOnlyList<string> places) = Render();
        LoadResult result = ProblemLoader.Parse(yaml, _name);
        if (result.Problem is { } problem)
        {
            return problem;
        }

        string Place(Diagnostic d) => d.Line >= 1 && d.Line <= places.Count ? places[d.Line - 1] : "the problem";
        throw new ProblemException(_name, [.. result.Errors.Select(d => $"{Place(d)}: {d.Message}")]);
    }

    /// <summary>The equivalent problem file.</summary>
    public string ToYaml() => Render().Yaml;

    private sealed record ConditionEntry(string Equation, string[] Faces, double? Weight, int? Points);
}

/// <summary>A problem built in C# has mistakes; <see cref="Errors"/> lists them all, each with its setting.</summary>
public sealed class ProblemException : Exception
{
    /// <summary>A problem with the given mistakes.</summary>
    public ProblemException(string problem, IReadOnlyList<string> errors)
        : base($"Problem '{problem}' is not valid:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}")
    {
        Errors = errors;
    }

    /// <summary>Each mistake, as <c>setting: what is wrong</c>.</summary>
    public IReadOnlyList<string> Errors { get; }
}
