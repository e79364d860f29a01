using KanPde.Core.Networks;
using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Expressions;
using KanPde.Problems.Solving;
using KanPde.Problems.Symbolic;

namespace KanPde.Problems.Tests.Symbolic;

public sealed class SymbolicRegressionTests
{
    [Fact]
    public void Extract_KanWithSineAndIdentityEdges_ExactFormula()
    {
        CompiledProblem problem = SymbolicTestKit.Compile(SymbolicTestKit.Sine1d);
        KanNetwork kan = SymbolicTestKit.Chain(v => Math.Sin(Math.PI * v));

        FormulaResult result = SymbolicRegression.Extract(problem, SymbolicTestKit.Result(kan), new SymbolicOptions());

        Assert.Equal("sin(pi*x)", result.Formula);
        Assert.Equal(["sin", "x"], result.Edges.Select(e => e.Function));
        Assert.Equal([1, 1, 1], result.PrunedWidth);
        Assert.True(result.RelativeL2 <= 1e-8, $"relative L2 {result.RelativeL2}");
    }

    [Fact]
    public void Extract_Formula_ParsesBackAndReproducesTheReportedErrors()
    {
        CompiledProblem problem = SymbolicTestKit.Compile(SymbolicTestKit.Sine1d);
        // a quadratic cannot solve the equation: the refitted formula's errors are far from zero
        KanNetwork kan = SymbolicTestKit.Chain(v => v * v);

        FormulaResult result = SymbolicRegression.Extract(problem, SymbolicTestKit.Result(kan), new SymbolicOptions());

        Assert.NotNull(result.Formula);
        Assert.True(result.RelativeL2 > 0.01, $"relative L2 {result.RelativeL2}");
        Node parsed = SymbolicTestKit.Parse(result.Formula, "x");
        TrainingData data = ProblemSolver.Data(problem, problem.Spec.Training.Seed);
        var grid = data.EvaluationPoints!;
        double sum = 0, norm = 0, max = 0;
        for (int p = 0; p < grid.Count; p++)
        {
            double e = parsed.Evaluate([grid.Coordinate(0)[p]]) - data.ExactValues![p];
            sum += e * e;
            norm += data.ExactValues[p] * data.ExactValues[p];
            max = Math.Max(max, Math.Abs(e));
        }

        Assert.Equal(sum / grid.Count, result.Mse!.Value, 1e-12 * Math.Max(1e-300, sum / grid.Count) + 1e-300);
        Assert.Equal(Math.Sqrt(sum / norm), result.RelativeL2!.Value, 1e-10 * Math.Sqrt(sum / norm) + 1e-300);
        Assert.Equal(max, result.MaxAbsError!.Value, 1e-12 * max + 1e-300);
        double equation = data.Terms[0].Points.Count is int n && n > 0
            ? Enumerable.Range(0, n).Select(p =>
            {
                double x = data.Terms[0].Points.Coordinate(0)[p];
                double uxx = parsed.DifferentiateByVariable(0, ["x"]).DifferentiateByVariable(0, ["x"]).Evaluate([x]);
                double rho = uxx + Math.PI * Math.PI * Math.Sin(Math.PI * x);
                return rho * rho;
            }).Average()
            : 0;
        Assert.Equal(equation, result.EquationLoss!.Value, 1e-9 * equation + 1e-24);
    }

    [Fact]
    public void Extract_EdgeNoFunctionFits_NoFormulaAndTheReason()
    {
        CompiledProblem problem = SymbolicTestKit.Compile(SymbolicTestKit.Sine1d);
        KanNetwork kan = SymbolicTestKit.Chain(v => Math.Sin(9 * v * v) * Math.Exp(v) + 0.3 * Math.Abs(Math.Sin(13 * v)));

        FormulaResult result = SymbolicRegression.Extract(problem, SymbolicTestKit.Result(kan), new SymbolicOptions());

        Assert.Null(result.Formula);
        Assert.Null(result.RelativeL2);
        Assert.Contains("no function of the library fits", result.Reason, StringComparison.Ordinal);
        Assert.Equal("spline", result.Edges[0].Function);
    }
    [Fact]
    public void Extract_WiderKanWithAWeakNode_PrunesItAndCollectsTheSum()
    {
        CompiledProblem problem = SymbolicTestKit.Compile(SymbolicTestKit.SineSum2d);
        // hidden nodes 0..2 carry 0.5, 0.3 and 0.2 of sin(πx) + sin(πy); node 3 carries almost nothing
        double[] share = [0.5, 0.3, 0.2, 1e-6];
        KanNetwork kan = SymbolicTestKit.Build([2, 4, 1], (l, i, o) => l == 0 ? v => share[o] * Math.Sin(Math.PI * v) : v => v);

        FormulaResult result = SymbolicRegression.Extract(problem, SymbolicTestKit.Result(kan), new SymbolicOptions());

        Assert.Equal([2, 3, 1], result.PrunedWidth);
        Assert.True(result.Formula == "sin(pi*x) + sin(pi*y)", $"{result.Formula} / {string.Join(", ", result.Edges.Select(e => e.Function + " " + e.Fit))}");
        Assert.True(result.RelativeL2 <= 1e-8, $"relative L2 {result.RelativeL2}");
    }
}
