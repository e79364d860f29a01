using KanPde.Problems.Compilation;
using KanPde.Problems.Loading;
using KanPde.Problems.Specification;

namespace KanPde.Runner.Tests.Fakes;

/// <summary>Small problem files for runner tests.</summary>
internal static class TestProblems
{
    public const string Poisson2d = """
        name: tiny2d
        description: A small Poisson problem for tests.
        variables:
          x: [-1, 1]
          y: [-1, 1]
        equation: u_xx + u_yy = -2*pi^2*sin(pi*x)*sin(pi*y)
        conditions:
          - at: [x = -1, x = 1, y = -1, y = 1]
            equation: u = 0
        exact: sin(pi*x)*sin(pi*y)
        kan:
          width: [2, 3, 1]
        mlp:
          width: [2, 8, 1]
        training:
          points: {interior: 50, boundary: 5}
          schedule:
            - {grid: 3, steps: 10}
            - {grid: 6, steps: 10}
        evaluation:
          points: 11
        """;

    public const string Poisson1d = """
        name: tiny1d
        variables:
          x: [0, 1]
        equation: u_xx = -pi^2*sin(pi*x)
        conditions:
          - at: [x = 0, x = 1]
            equation: u = 0
        exact: sin(pi*x)
        kan:
          width: [1, 2, 1]
        mlp: none
        training:
          points: {interior: 50, boundary: 1}
          schedule:
            - {grid: 4, steps: 8}
        evaluation:
          points: 21
        """;

    public const string Heat3d = """
        name: tiny3d
        variables:
          t: [0, 1]
          x: [0, 1]
          y: [0, 1]
        equation: u_t = 0.1*(u_xx + u_yy)
        conditions:
          - at: t = 0
            equation: u = sin(pi*x)*sin(pi*y)
        kan:
          width: [3, 2, 1]
        mlp:
          width: [3, 4, 1]
        training:
          points: {interior: 50, boundary: 5}
          schedule:
            - {grid: 3, steps: 6}
        evaluation:
          points: 7
        """;

    public static ProblemSpec Spec(string yaml, string file = "test.yaml")
    {
        LoadResult result = ProblemLoader.Parse(yaml, file);
        return result.Problem ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    public static CompiledProblem Compiled(string yaml) => CompiledProblem.Compile(Spec(yaml));

    public static string Write(string folder, string yaml, string name)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }
}
