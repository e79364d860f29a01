using KanPde.Core.Networks;
using KanPde.Core.Splines;
using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Expressions;
using KanPde.Problems.Loading;

namespace KanPde.Problems.Tests.Symbolic;

/// <summary>Small problems and hand-built KANs whose edges are known functions.</summary>
internal static class SymbolicTestKit
{
    /// <summary>u_xx = −π² sin(πx) on [−1, 1], u(±1) = 0; exact sin(πx).</summary>
    public const string Sine1d = """
        name: sine1d
        variables:
          x: [-1, 1]
        equation: u_xx = -pi^2*sin(pi*x)
        conditions:
          - at: [x = -1, x = 1]
            equation: u = 0
        exact: sin(pi*x)
        kan:
          width: [1, 1, 1]
        mlp: none
        training:
          points: {interior: 200, boundary: 1}
          schedule:
            - {grid: 20, steps: 1}
        evaluation:
          points: 101
        """;

    public static CompiledProblem Compile(string yaml)
    {
        LoadResult result = ProblemLoader.Parse(yaml, "test.yaml");
        return CompiledProblem.Compile(result.Problem ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics)));
    }

    public static Node Parse(string text, params string[] variables) =>
        Binder.ParseAndBind(text, new Scope { Variables = variables, AllowVariables = true, AllowU = true }, out _)
        ?? throw new InvalidOperationException($"'{text}' does not parse.");

    /// <summary>
    /// A [1, 1, 1] KAN on [−1, 1] at grid G whose first edge is the spline fit of <paramref name="first"/> and whose second
    /// is the spline fit of the identity (w_b = 0, w_s = 1).
    /// </summary>
    public static KanNetwork Chain(Func<double, double> first, int grid = 20)
    {
        KanNetwork network = KanNetwork.Create(Core.Box.Symmetric(1), [1, 1, 1], grid, 3, seed: 1);
        SetEdge(network, 0, first);
        SetEdge(network, 1, v => v);
        return network;
    }

    public static TrainingResult Result(KanNetwork network) =>
        new(ModelKind.Kan, TrainingStatus.Completed, null, network, network.Widths, network.ParameterCount, 0, 0, 0, 0, 0, 0, null, [], [], []);

    /// <summary>u_xx + u_yy = −π²(sin πx + sin πy) on [−1, 1]², u = sin πx + sin πy on the boundary.</summary>
    public const string SineSum2d = """
        name: sinesum2d
        variables:
          x: [-1, 1]
          y: [-1, 1]
        equation: u_xx + u_yy = -pi^2*(sin(pi*x) + sin(pi*y))
        conditions:
          - at: [x = -1, x = 1, y = -1, y = 1]
            equation: u = sin(pi*x) + sin(pi*y)
        exact: sin(pi*x) + sin(pi*y)
        kan:
          width: [2, 4, 1]
        mlp: none
        training:
          points: {interior: 300, boundary: 20}
          schedule:
            - {grid: 20, steps: 1}
        evaluation:
          points: 21
        """;

    /// <summary>A KAN on [−1, 1]^d of the given widths whose edge (layer, i, o) is the spline fit of <paramref name="edge"/>(layer, i, o).</summary>
    public static KanNetwork Build(int[] widths, Func<int, int, int, Func<double, double>> edge, int grid = 20)
    {
        KanNetwork network = KanNetwork.Create(Core.Box.Symmetric(widths[0]), widths, grid, 3, seed: 1);
        for (int l = 0; l + 1 < widths.Length; l++)
        {
            for (int i = 0; i < widths[l]; i++)
            {
                for (int o = 0; o < widths[l + 1]; o++)
                {
                    SetEdge(network, l, edge(l, i, o), i, o);
                }
            }
        }

        return network;
    }

    private static void SetEdge(KanNetwork network, int layer, Func<double, double> f, int i = 0, int o = 0)
    {
        KanLayer l = network.Layers[layer];
        KnotVector grid = l.Grids[i];
        double[] x = [.. Enumerable.Range(0, 801).Select(i => grid.Low + (grid.High - grid.Low) * i / 800)];
        double[] y = [.. x.Select(f)];
        var coefficients = new double[grid.BasisCount];
        SplineFit.LeastSquares(grid, x, y, 1, coefficients);
        for (int m = 0; m < grid.BasisCount; m++)
        {
            network.Parameters[l.CoefficientIndex(i, m, o)] = coefficients[m];
        }

        network.Parameters[l.BaseWeightIndex(i, o)] = 0;
        network.Parameters[l.SplineScaleIndex(i, o)] = 1;
    }
}
