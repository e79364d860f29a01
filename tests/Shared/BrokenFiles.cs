namespace KanPde.Tests.Shared;

/// <summary>One broken problem file and the diagnostic it must produce.</summary>
/// <param name="Name">What is wrong, as a test-case name.</param>
/// <param name="Yaml">The file's text.</param>
/// <param name="Line">Expected 1-based line.</param>
/// <param name="Column">Expected 1-based column, or 0 where a column means little.</param>
/// <param name="Gist">Text the message must contain.</param>
public sealed record BrokenFile(string Name, string Yaml, int Line, int Column, string Gist)
{
    public override string ToString() => Name;
}

/// <summary>
/// Broken problem files, one per kind of mistake, shared by the loader tests and the validate-command
/// tests. Each is the valid <see cref="Valid"/> file with one edit.
/// </summary>
public static class BrokenFiles
{
    /// <summary>A valid file; line numbers below refer to it (line 5 is the equation, 7 the faces).</summary>
    public const string Valid = """
        name: demo
        variables:
          x: [-1, 1]
          y: [-1, 1]
        equation: u_xx + u_yy = -2*pi^2*sin(pi*x)*sin(pi*y)
        conditions:
          - at: [x = -1, x = 1, y = -1, y = 1]
            equation: u = 0
        exact: sin(pi*x)*sin(pi*y)

        """;

    /// <summary>A valid system of two unknowns (lines 1–14), which the system cases edit.</summary>
    public const string ValidSystem = """
        name: sys
        variables:
          x: [0, 1]
          y: [0, 1]
        unknowns: [u, v]
        equations:
          - u_xx + u_yy = v
          - v = -2*pi^2*sin(pi*x)*sin(pi*y)
        conditions:
          - at: [x = 0, x = 1, y = 0, y = 1]
            equation: u = 0
        exact:
          u: sin(pi*x)*sin(pi*y)
          v: -2*pi^2*sin(pi*x)*sin(pi*y)

        """;

    public static IReadOnlyList<BrokenFile> All { get; } =

    [
        new("YamlSyntax", Edit("  y: [-1, 1]", " y: [-1, 1]"), 4, 0, "YAML syntax error"),
        new("YamlUnclosedFlowList", "name: demo\nvariables: [x: 1\nequation: u = 0\n", 2, 0, "YAML syntax error"),
        new("EmptyFile", "", 1, 1, "the file is empty"),
        new("RootIsList", "- name\n- demo\n", 1, 1, "must be a map of keys"),
        new("MisspeltTopKey", Edit("equation: u_xx", "equaton: u_xx"), 5, 1, "unknown key 'equaton'; did you mean 'equation'?"),
        new("MisspeltNestedKey", Valid + "training:\n  stpes: 3\n", 11, 3, "unknown key 'stpes' in training; did you mean 'steps'?"),
        new("UnknownKey", Valid + "colour: red\n", 10, 1, "unknown key 'colour'"),
        new("MissingEquation", Edit("equation: u_xx + u_yy = -2*pi^2*sin(pi*x)*sin(pi*y)\n", ""), 1, 1, "missing required key 'equation'"),
        new("DuplicateKey", Edit("exact:", "name: again\nexact:"), 9, 1, "duplicate key 'name'"),
        new("BadName", Edit("name: demo", "name: my demo"), 1, 7, "may contain only letters, digits"),
        new("VariableTwoLetters", Edit("  y: [-1, 1]", "  yy: [-1, 1]"), 4, 3, "single lowercase letter"),
        new("VariableNamedE", Edit("  y: [-1, 1]", "  e: [-1, 1]"), 4, 3, "other than 'e' and 'u'"),
        new("BoundsNotAList", Edit("  x: [-1, 1]", "  x: 5"), 3, 6, "must be a list [low, high]"),
        new("LowNotBelowHigh", Edit("  x: [-1, 1]", "  x: [1, -1]"), 3, 6, "low < high"),
        new("BoundUsesVariable", Edit("  x: [-1, 1]", "  x: [-1, y]"), 3, 11, "the variable 'y' cannot appear in the bounds of 'x'"),
        new("CountNotANumber", Valid + "training:\n  points: {interior: many}\n", 11, 22, "must be a whole number, not 'many'"),
        new("ZeroCount", Valid + "training:\n  points: {interior: 0}\n", 11, 22, "must be positive, not 0"),
        new("NegativeCount", Valid + "training:\n  points:\n    boundary: -5\n", 12, 15, "must be positive, not -5"),
        new("NegativeWeight", Valid + "training:\n  weights: {equation: -1}\n", 11, 23, "must be zero or positive"),
        new("WidthInputsMismatch", Valid + "kan:\n  width: [3, 10, 1]\n", 11, 11, "starts with 3 inputs, but the problem has 2 variables"),
        new("WidthOutputNotOne", Valid + "mlp:\n  width: [2, 20, 2]\n", 11, 18, "must end with 1 output"),
        new("OrderBelowTwo", Valid + "kan:\n  order: 1\n", 11, 10, "must be at least 2"),
        new("UnknownName", Edit("sin(pi*y)\ncond", "sin(pi*y) + kapa\ncond") + "constants:\n  kappa: 1\n", 5, 55, "unknown name 'kapa'; did you mean 'kappa'?"),
        new("UnknownFunction", Edit("-2*pi^2*sin(pi*x)", "-2*pi^2*sine(pi*x)"), 5, 33, "unknown function 'sine'; did you mean 'sin'?"),
        new("TooFewArguments", Edit("equation: u = 0", "equation: u = pow(x)"), 8, 19, "function 'pow' takes 2 arguments, not 1"),
        new("TooManyArguments", Edit("exact: sin(pi*x)*sin(pi*y)", "exact: sin(pi*x, y)"), 9, 8, "function 'sin' takes 1 argument, not 2"),
        new("DerivativeOfOrderThree", Edit("u_xx + u_yy =", "u_xxx + u_yy ="), 5, 11, "'u_xxx' has order 3"),
        new("DerivativeInUndeclaredVariable", Edit("u_xx + u_yy =", "u_xx + u_zz ="), 5, 18, "'z', which is not a declared variable"),
        new("FaceOffTheBox", Edit("x = 1, y = -1", "x = 2, y = -1"), 7, 22, "off the box: x ranges over [-1, 1]"),
        new("FaceNotAVariable", Edit("x = 1, y = -1", "z = 1, y = -1"), 7, 18, "'z' in a face is not a variable"),
        new("UInExact", Edit("exact: sin(pi*x)*sin(pi*y)", "exact: u + 1"), 9, 8, "'u' cannot appear in exact"),
        new("UInDefinition", Valid + "definitions:\n  f: x*u_x\n", 11, 8, "'u_x' cannot appear in the definition 'f'"),
        new("NoEqualsInEquation", Edit("equation: u = 0", "equation: u + 1"), 8, 15, "needs '='"),
        new("TwoEquals", Edit("equation: u = 0", "equation: u = 0 = 1"), 8, 21, "only one '='"),
        new("MissingOperand", Edit("u_xx + u_yy =", "u_xx + * u_yy ="), 5, 18, "unexpected '*'"),
        new("UnclosedParenthesis", Edit("exact: sin(pi*x)*sin(pi*y)", "exact: sin(pi*x*sin(pi*y)"), 9, 26, "expected ',' or ')'"),
        new("BadCharacter", Edit("equation: u = 0", "equation: u = $0"), 8, 19, "unexpected character '$'"),
        new("DefinitionNamedLikeAFunction", Valid + "definitions:\n  sin: x\n", 11, 3, "the definition name 'sin' is a function"),
        new("ConstantUsesVariable", Valid + "constants:\n  k: 2*x\n", 11, 8, "the variable 'x' cannot appear in the constant 'k'"),
        new("DefinitionUsedBeforeDefined", Valid + "definitions:\n  f: g\n  g: x\n", 11, 6, "'g' is used before it is defined"),
        new("UnknownSampling", Valid + "training:\n  sampling: sobel\n", 11, 13, "unknown sampling 'sobel'; expected one of uniform, grid, sobol, halton; did you mean 'sobol'?"),
        new("UnknownActivation", Valid + "mlp:\n  activation: relu\n", 11, 15, "unknown activation 'relu'"),
        new("EmptySchedule", Valid + "training:\n  schedule: []\n", 11, 13, "non-empty list of stages"),
        new("EquationWithoutU", Edit("equation: u = 0", "equation: x = 0"), 8, 15, "does not involve u"),
        new("ConditionNotAMap", Edit("  - at: [x = -1, x = 1, y = -1, y = 1]\n    equation: u = 0", "  - u = 0"), 7, 5, "condition 1 must be a map"),
        new("ConditionsNotAList", Edit("  - at: [x = -1, x = 1, y = -1, y = 1]\n    equation: u = 0", "  at: x = 1\n  equation: u = 0"), 7, 3, "conditions must be a list"),
        new("EvaluationPointsTooFew", Valid + "evaluation:\n  points: 1\n", 11, 11, "must be at least 2, not 1"),
        new("MisspeltGridUpdateKey", Valid + "kan:\n  grid_update: {evry: 10, until: 100}\n", 11, 17, "did you mean 'every'?"),
        new("QuotedExpressionColumn", Edit("exact: sin(pi*x)*sin(pi*y)", "exact: \"sin(pi*x)*sni(pi*y)\""), 9, 19, "unknown function 'sni'"),
        new("LearningRateZero", Valid + "training:\n  learning_rate: 0\n", 11, 18, "must be positive, not 0"),
        new("FaceListedTwice", Edit("x = 1, y = -1", "x = -1, y = -1"), 7, 18, "listed twice"),
        new("UnknownOptimizer", Valid + "training:\n  optimizer: lbgfs\n", 11, 14, "did you mean 'lbfgs'?"),
        new("ScheduleStageMissingSteps", Valid + "training:\n  schedule:\n    - {grid: 5}\n", 12, 7, "missing required key 'steps'"),
        new("ScheduleNeitherAutoNorList", Valid + "training:\n  schedule: automatic\n", 11, 13, "must be auto or a non-empty list of stages"),
        new("MaxStepsWithExplicitSchedule", Valid + "training:\n  schedule: [{grid: 5, steps: 10}]\n  max_steps: 100\n", 12, 14, "max_steps applies to schedule: auto"),
        new("MaxStepsZero", Valid + "training:\n  max_steps: 0\n", 11, 14, "training.max_steps must be positive, not 0"),
        new("GridUpdateEveryZero", Valid + "kan:\n  grid_update: {every: 0, until: 30}\n", 11, 24, "kan.grid_update.every must be positive, not 0"),
        new("UnknownIsVariable", SystemEdit("unknowns: [u, v]", "unknowns: [u, x]"), 5, 15, "the unknown 'x' is a variable"),
        new("UnknownTwice", SystemEdit("unknowns: [u, v]", "unknowns: [u, u]"), 5, 15, "the unknown 'u' is listed twice"),
        new("UnknownTwoLetters", SystemEdit("unknowns: [u, v]", "unknowns: [u, vv]"), 5, 15, "the unknown 'vv' must be a single lowercase letter"),
        new("UnknownNotUsed", SystemEdit("unknowns: [u, v]", "unknowns: [u, v, w]"), 5, 11, "the unknown 'w' appears in no equation and no condition"),
        new("EquationAndEquations", SystemEdit("equations:", "equation: u = 0\nequations:"), 8, 3, "give either 'equation' or 'equations', not both"),
        new("SystemExactNotAMap", SystemEdit("exact:\n  u: sin(pi*x)*sin(pi*y)\n  v: -2*pi^2*sin(pi*x)*sin(pi*y)", "exact: sin(pi*x)"), 12, 8, "exact must be a map from each unknown"),
        new("ExactKeyNotAnUnknown", SystemEdit("  v: -2*pi^2*sin(pi*x)*sin(pi*y)\n", "  w: -2*pi^2*sin(pi*x)*sin(pi*y)\n"), 14, 3, "'w' in exact is not an unknown"),
        new("SystemDerivativeNotAVariable", SystemEdit("  - v = -2", "  - v_zz = -2"), 8, 5, "the derivative 'v_zz' is taken in 'z'"),
        new("ConstantNamedAfterUnknown", ValidSystem + "constants:\n  v_0: 1\n", 16, 3, "the constant name 'v_0' is the unknown v or one of its derivatives"),
        new("ParameterInExact", SystemEdit("  u: sin(pi*x)*sin(pi*y)", "  u: k*sin(pi*x)*sin(pi*y)") + "parameters:\n  k: 1\n", 13, 6, "the parameter 'k' cannot appear in"),
        new("ParameterUnknownKey", ValidSystem + "parameters:\n  k: {initial: 1, start: 2}\n", 16, 19, "unknown key 'start'"),
        new("DataNeitherFileNorFromExact", ValidSystem + "data:\n  - {weight: 1}\n", 16, 5, "needs exactly one of 'file'"),
        new("DataFileMissing", ValidSystem + "data:\n  - {file: nothere.csv}\n", 16, 12, "the data file 'nothere.csv' of data entry 1 does not exist"),
        new("DataFromExactWithoutExact", Edit("exact: sin(pi*x)*sin(pi*y)\n", "") + "data:\n  - {from_exact: 10}\n", 10, 18, "the problem gives no exact solution"),
        new("DataNoiseWithFile", ValidSystem + "data:\n  - {file: a.csv, noise: 0.1}\n", 16, 26, "noise in data entry 1 applies only to from_exact"),
        new("EvaluationGridTooLarge", Valid + "evaluation:\n  points: 40000\n", 11, 11, "evaluation.points = 40000 per axis makes a grid of 40000^2 points, too large"),
        new("DomainShapeUnknown", Valid + "domain:\n  shape: circle\n", 11, 10, "circle"),
        new("DomainKeyOfAnotherShape", Valid + "domain:\n  shape: box\n  radius: 1\n", 12, 3, "'radius' is not a key of a box"),
        new("DiskOutsideTheBox", OnDisk(2), 11, 3, "outside"),
        new("PolygonSelfIntersecting", Edit("  - at: [x = -1, x = 1, y = -1, y = 1]", "  - at: boundary") + "domain:\n  shape: polygon\n  vertices: [[-1, -1], [1, 1], [1, -1], [-1, 1]]\n", 11, 3, "intersect"),
        new("PlaceNameUnknown", Edit("  - at: [x = -1, x = 1, y = -1, y = 1]", "  - at: edge") + "domain:\n  shape: disk\n  center: [0, 0]\n  radius: 1\n  name: rim\n", 7, 9, "'edge' in 'at' of condition 1 names no part of the boundary (named shapes: rim"),
        new("PlaceNameWithoutDomain", Edit("  - at: [x = -1, x = 1, y = -1, y = 1]", "  - at: boundary"), 7, 9, "need a 'domain'"),
        new("FaceTheDomainDoesNotReach", Valid + "domain:\n  shape: disk\n  center: [0, 0]\n  radius: 0.5\n", 7, 10, "the face 'x = -1' is no part of the boundary of the domain"),
        new("ShapeNameTwice", Edit("  - at: [x = -1, x = 1, y = -1, y = 1]", "  - at: boundary") + "domain:\n  shape: union\n  of:\n    - {shape: disk, center: [0, 0], radius: 0.5, name: a}\n    - {shape: disk, center: [0.5, 0], radius: 0.4, name: a}\n", 14, 58, "the name 'a' is given to two shapes"),
        new("NormalDerivativeInTheEquation", Edit("equation: u_xx + u_yy", "equation: u_n + u_xx + u_yy"), 5, 11, "may appear only in conditions"),
        new("PeriodicVariableWithFaceConditions", Edit("    equation: u = 0\n", "    equation: u = 0\n  - periodic: x\n"), 9, 15, "'x' is periodic, so no condition may hold on its faces; condition 1 holds on 'x = -1'"),
        new("PeriodicNotAVariable", Edit("    equation: u = 0\n", "    equation: u = 0\n  - periodic: z\n"), 9, 15, "'z' in condition 2 is not a variable"),
        new("PeriodicWithOtherKeys", Edit("    equation: u = 0\n", "    equation: u = 0\n  - periodic: y\n    weight: 2\n").Replace("[x = -1, x = 1, y = -1, y = 1]", "[x = -1, x = 1]", StringComparison.Ordinal), 10, 5, "'weight' does not belong in a periodic condition"),
    ];

    // The valid file on a disk of the given radius about the origin, with its condition on the whole boundary.
    private static string OnDisk(double radius) =>
        Edit("  - at: [x = -1, x = 1, y = -1, y = 1]", "  - at: boundary") + $"domain:\n  shape: disk\n  center: [0, 0]\n  radius: {radius}\n";

    private static string SystemEdit(string from, string to)
    {
        if (!ValidSystem.Contains(from, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{from}' is not in the valid system file.", nameof(from));
        }

        return ValidSystem.Replace(from, to, StringComparison.Ordinal);
    }

    private static string Edit(string from, string to)
    {
        if (!Valid.Contains(from, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{from}' is not in the valid file.", nameof(from));
        }

        return Valid.Replace(from, to, StringComparison.Ordinal);
    }
}
