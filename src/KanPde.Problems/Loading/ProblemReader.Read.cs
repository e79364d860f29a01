using KanPde.Problems.Diagnostics;
using KanPde.Problems.Expressions;
using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

internal sealed partial class ProblemReader
{
    private static readonly string[] TopLevelKeys =
        ["name", "description", "variables", "constants", "definitions", "equation", "conditions", "exact", "kan", "mlp", "training", "evaluation"];

    /// <summary>Reads and validates a whole file.</summary>
    public static LoadResult Read(string text, string fileName)
    {
        var reader = new ProblemReader(fileName, text);
        ProblemSpec? problem = reader.ReadFile(text);
        List<Diagnostic> diagnostics = [.. reader._diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column)];
        return new LoadResult(diagnostics.Any(d => d.IsError) ? null : problem, diagnostics);
    }

    private ProblemSpec? ReadFile(string text)
    {
        YamlTree? tree = YamlTreeReader.Read(text, (index, message) => Report(index, message));
        if (tree is null)
        {
            return null;
        }

        if (tree is not YamlMap root)
        {
            Error(tree, $"a problem file must be a map of keys such as 'name', 'variables' and 'equation', not {tree.Kind}");
            return null;
        }

        Map(root, "the problem", null, TopLevelKeys);
        string? name = ReadName(root);
        string? description = Optional(root, "description") is { } d ? Text(d, "description") : null;

        List<(YamlText Key, YamlTree Bounds)>? variableNames = ReadVariableNames(root);
        List<string> names = variableNames?.Select(v => v.Key.Value).ToList() ?? [];
        List<ConstantSpec> constants = ReadConstants(root, names);
        var constantScope = new Scope
        {
            Variables = names,
            Constants = constants.ToDictionary(c => c.Name, c => c.Value),
            Place = "a face",
            Allowed = "numbers and constants",
        };
        List<VariableSpec>? variables = variableNames is null ? null : ReadBounds(variableNames, constantScope);
        _bindNames = variables is not null;

        var bound = new Dictionary<string, Node>();
        List<DefinitionSpec> definitions = ReadDefinitions(root, constantScope, bound);
        Scope pointScope = constantScope with
        {
            AllowVariables = true,
            Definitions = bound,
            Place = "exact",
            Allowed = "the variables, constants and definitions",
        };
        Scope equationScope = pointScope with { AllowU = true, Place = "the equation" };

        EquationSpec? equation = Required(root, "equation", "") is { } e ? Equation(e, equationScope, "the equation") : null;
        TrainingSpec training = ReadTraining(Optional(root, "training"));
        List<ConditionSpec>? conditions = ReadConditions(root, variables ?? [], equationScope, constantScope, training.Points.Boundary);
        ExactSpec? exact = null;
        if (Optional(root, "exact") is { } exactNode && Expression(exactNode, pointScope, "exact") is { } exactExpression)
        {
            exact = new ExactSpec(((YamlText)exactNode).Value, exactExpression);
        }

        int n = names.Count;
        KanSpec kan = ReadKan(Optional(root, "kan"), n, training);
        MlpSpec? mlp = ReadMlp(Optional(root, "mlp"), n, training);
        EvaluationSpec evaluation = ReadEvaluation(Optional(root, "evaluation"));

        if (ErrorCount > 0 || name is null || variables is null || equation is null || conditions is null)
        {
            return null;
        }

        return new ProblemSpec(name, description, variables, constants, definitions, equation, conditions, exact, kan, mlp, training, evaluation, new ProblemSource(_fileName, text));
    }
}
