using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Expressions;
using KanPde.Problems.Solving;
using KanPde.Problems.Symbolic;

namespace KanPde.Problems.Tests.Symbolic;

public sealed class FormulaObjectiveTests
{
    private static (FormulaTemplate Template, FormulaTerm[] Terms) Setup(string formula)
    {
        CompiledProblem problem = SymbolicTestKit.Compile(SymbolicTestKit.Sine1d);
        TrainingData data = ProblemSolver.Data(problem, problem.Spec.Training.Seed);
        FormulaTerm[] terms = SymbolicRegression.Terms(data);
        return (FormulaTemplate.From(SymbolicTestKit.Parse(formula, "x"), 1), terms);
    }

    [Fact]
    public void Residuals_JacobianRows_MatchCentralDifferences()
    {
        (FormulaTemplate template, FormulaTerm[] terms) = Setup("1.1*sin(2.9*x + 0.13) + 0.2*x^2 - 0.07*exp(0.3*x)");
        int[] free = [.. Enumerable.Range(0, template.Count)];
        var objective = new FormulaObjective(template, template.Values, free, terms);
        double[] theta = objective.Start();
        SparseRows rows = objective.CreateRows();
        var r = new double[objective.ResidualCount];
        objective.Residuals(theta, r, rows);

        Assert.Equal(6, template.Count);
        for (int j = 0; j < theta.Length; j++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(theta[j]));
            double[] plus = [.. theta], minus = [.. theta];
            plus[j] += h;
            minus[j] -= h;
            var rp = new double[r.Length];
            var rm = new double[r.Length];
            objective.Residuals(plus, rp, null);
            objective.Residuals(minus, rm, null);
            for (int p = 0; p < r.Length; p++)
            {
                double fd = (rp[p] - rm[p]) / (2 * h), exact = rows.Values[p * theta.Length + j];
                Assert.True(Math.Abs(fd - exact) <= 1e-6 * Math.Max(1, Math.Abs(exact)), $"θ{j}, row {p}: {exact} vs {fd}");
            }
        }
    }

    [Fact]
    public void Evaluate_Gradient_MatchesCentralDifferences()
    {
        (FormulaTemplate template, FormulaTerm[] terms) = Setup("1.1*sin(2.9*x + 0.13) + 0.2*x");
        var objective = new FormulaObjective(template, template.Values, [.. Enumerable.Range(0, template.Count)], terms);
        double[] theta = objective.Start();
        var gradient = new double[theta.Length];
        objective.Evaluate(theta, gradient);

        for (int j = 0; j < theta.Length; j++)
        {
            double h = 1e-6;
            double[] plus = [.. theta], minus = [.. theta];
            plus[j] += h;
            minus[j] -= h;
            double fd = (objective.Evaluate(plus, default) - objective.Evaluate(minus, default)) / (2 * h);
            Assert.Equal(fd, gradient[j], 1e-5 * Math.Max(1, Math.Abs(fd)));
        }
    }

    [Fact]
    public void Fit_PerturbedExactFormula_LowersTheLossToRounding()
    {
        (FormulaTemplate template, FormulaTerm[] terms) = Setup("1.03*sin(3.05*x + 0.02) + 0.01*x");
        int[] free = [.. Enumerable.Range(0, template.Count)];
        double before = new FormulaObjective(template, template.Values, free, terms).Evaluate(template.Values, default);

        (double[] values, double after) = FormulaRefit.Fit(template, template.Values, free, terms, 50);

        Assert.True(before > 1e-4, $"start loss {before}");
        Assert.True(after < 1e-20, $"refitted loss {after}");
        Assert.Equal(Math.PI, values[1], 1e-8);
    }

    [Fact]
    public void Run_PerturbedExactFormula_RoundsToTheExactSolution()
    {
        (_, FormulaTerm[] terms) = Setup("1");
        Node start = SymbolicTestKit.Parse("0.98*sin(3.13*x + 0.004) - 0.002*x + 0.001", "x");

        (Node formula, double loss) = FormulaRefit.Run(start, 1, terms, 50);

        Assert.Equal("sin(pi*x)", FormulaPrinter.Print(formula));
        Assert.True(loss < 1e-25, $"loss {loss}");
    }
}
