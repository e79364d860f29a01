using KanPde.Problems.Diagnostics;
using KanPde.Problems.Expressions;
using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

/// <summary>
/// Reads a YAML tree against the problem format (docs/problem-format.md), collecting every mistake. Each
/// section has its own reader (<see cref="DeclarationsReader"/>, <see cref="ConditionsReader"/>,
/// <see cref="KanReader"/>, <see cref="MlpReader"/>, <see cref="TrainingReader"/>, <see cref="EvaluationReader"/>);
/// they share one <see cref="ReadContext"/> (the text and the diagnostics) and the keys of
/// <see cref="ProblemKeys"/>. This class only puts the sections together.
/// </summary>
internal static class ProblemReader
{
    /// <summary>Reads and validates a whole file.</summary>
    public static LoadResult Read(string text, string fileName)
    {
        var context = new ReadContext(fileName, text);
        ProblemSpec? problem = ReadFile(context, text);
        List<Diagnostic> diagnostics = context.Diagnostics();
        return new LoadResult(diagnostics.Any(d => d.IsError) ? null : problem, diagnostics);
    }

    /// <summary>The default of <c>training.weights.equation</c> in a problem with <c>data</c>.</summary>
    public const double DataEquationWeight = 1;

    private static bool GivesEquationWeight(YamlMap root) =>
        ReadContext.Optional(root, "training") is YamlMap training
        && ReadContext.Optional(training, "weights") is YamlMap weights
        && ReadContext.Optional(weights, "equation") is not null;

    private static ProblemSpec? ReadFile(ReadContext context, string text)
    {
        YamlTree? tree = YamlTreeReader.Read(text, (index, message) => context.Report(index, message));
        if (tree is null)
        {
            return null;
        }

        if (tree is not YamlMap root)
        {
            context.Error(tree, $"a problem file must be a map of keys such as 'name', 'variables' and 'equation', not {tree.Kind}");
            return null;
        }

        context.Map(root, "the problem", null, ProblemKeys.TopLevel);
        string? name = DeclarationsReader.Name(context, root);
        string? description = ReadContext.Optional(root, "description") is { } d ? context.Text(d, "description") : null;

        // Constants and bounds need no variables, so they are always bound.
        var constantReader = new ExpressionReader(context, bindNames: true);
        List<(YamlText Key, YamlTree Bounds)>? variableNames = DeclarationsReader.VariableNames(context, root);
        List<string> names = variableNames?.Select(v => v.Key.Value).ToList() ?? [];
        List<string> unknowns = SystemsReader.Unknowns(context, root, names);
        List<ConstantSpec> constants = DeclarationsReader.Constants(constantReader, root, names, unknowns);
        var constantScope = new Scope
        {
            Variables = names,
            Unknowns = unknowns,
            Constants = constants.ToDictionary(c => c.Name, c => c.Value),
            Place = "a face",
            Allowed = "numbers and constants",
        };
        List<VariableSpec>? variables = variableNames is null ? null : DeclarationsReader.Bounds(constantReader, variableNames, constantScope);

        // Everything else uses the variables: without them, expressions are only parsed.
        var expressions = new ExpressionReader(context, bindNames: variables is not null);
        var bound = new Dictionary<string, Node>();
        List<DefinitionSpec> definitions = DeclarationsReader.Definitions(expressions, root, constantScope, bound);
        Scope pointScope = constantScope with
        {
            AllowVariables = true,
            Definitions = bound,
            Place = "exact",
            Allowed = "the variables, constants and definitions",
        };
        List<ParameterSpec> parameters = SystemsReader.Parameters(constantReader, root, constantScope with { Definitions = bound },
            (key, kind) => DeclarationsReader.CheckIdentifier(context, key, kind, names, unknowns));
        pointScope = pointScope with { Parameters = [.. parameters.Select(p => p.Name)] };
        Scope equationScope = pointScope with { AllowU = true, Place = "the equation" };

        List<EquationSpec>? equations = SystemsReader.Equations(expressions, root, equationScope);
        TrainingSpec training = TrainingReader.Read(context, ReadContext.Optional(root, "training"));
        var periodic = new List<int>();
        KanPde.Core.Geometry.Shape? domain = DomainReader.Read(constantReader, root, variables, constantScope, out bool domainOk);
        List<ConditionSpec>? conditions = domainOk
            ? ConditionsReader.Read(expressions, root, variables ?? [], equationScope, constantScope, training.Points.Boundary, domain, periodic)
            : null;
        List<ExactSpec?> exacts = SystemsReader.Exacts(expressions, root, pointScope, unknowns);
        List<DataSpec> data = variables is null ? [] : DataReader.Read(context, root, variables, unknowns, exacts);
        if (data.Count > 0 && !GivesEquationWeight(root))
        {
            // With observations the physics must stay a strong constraint, or the network follows the noise
            // (measured on heat-inverse, README): the equation weight defaults to 1 instead of 0.01.
            training = training with { Weights = training.Weights with { Equation = DataEquationWeight } };
        }

        if (equations is not null && conditions is not null && context.ErrorCount == 0)
        {
            SystemsReader.CheckEveryUnknownUsed(context, root, unknowns, equations, conditions);
        }

        int n = names.Count;
        KanSpec kan = KanReader.Read(context, ReadContext.Optional(root, "kan"), n, training);
        MlpSpec? mlp = MlpReader.Read(context, ReadContext.Optional(root, "mlp"), n);
        EvaluationSpec evaluation = EvaluationReader.Read(context, ReadContext.Optional(root, "evaluation"), n);

        if (context.ErrorCount > 0 || name is null || variables is null || equations is null || conditions is null)
        {
            return null;
        }

        return new ProblemSpec(name, description, variables, constants, definitions, equations[0], conditions, exacts[0], kan, mlp, training, evaluation, new ProblemSource(context.FileName, text))
        {
            Unknowns = unknowns,
            Equations = equations,
            Exacts = exacts,
            Parameters = parameters,
            Data = data,
            Domain = domain,
            Periodic = periodic,
        };
    }
}
