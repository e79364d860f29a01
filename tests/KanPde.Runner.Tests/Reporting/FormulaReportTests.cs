using KanPde.Core.Symbolic;
using KanPde.Problems.Symbolic;
using KanPde.Runner.Plotting;
using KanPde.Runner.Reporting;
using KanPde.Runner.Results;
using KanPde.Runner.Tests.Fakes;

namespace KanPde.Runner.Tests.Reporting;

/// <summary>The report's symbolic formula section and the pruned-network figure.</summary>
public sealed class FormulaReportTests
{
    private static readonly EdgeReport[] Edges =
    [
        new(0, 0, 0, new EdgeFit(SymbolicFunction.Sin, 3.14159, 0, 1, 0, 0.999999), 0.999999),
        new(0, 1, 0, new EdgeFit(SymbolicFunction.Sin, 3.14159, 0, 1, 0, 0.999998), 0.999998),
        new(0, 0, 1, null, 0.75),
        new(1, 0, 0, new EdgeFit(SymbolicFunction.Exp, 1, 0, 1, 0, 0.9999), 0.9999),
        new(1, 1, 0, new EdgeFit(SymbolicFunction.Zero, 0, 0, 0, 0, 1), 1),
    ];

    private static ProblemOutcome Outcome(FormulaResult formula) =>
        FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson2d)) with { Formula = formula };

    private static string Render(ProblemOutcome outcome) => HtmlReport.Render(outcome, SummaryTable.Create(outcome.Name, outcome.Models), []);

    [Fact]
    public void Render_Formula_FormulaAndItsErrorsBesideTheKans()
    {
        ProblemOutcome outcome = Outcome(new FormulaResult("sin(pi*x)*sin(pi*y)", 1.5e-20, 2.5e-10, 3.5e-10, 4.5e-19, 1e-20, [2, 2, 1], Edges, null, 0.5));
        string html = Render(outcome);

        Assert.Contains("<h2>Symbolic formula</h2>", html, StringComparison.Ordinal);
        Assert.Contains("u = sin(pi*x)*sin(pi*y)", html, StringComparison.Ordinal);
        Assert.Contains("<td>formula</td><td class=\"num\">1.50e-20</td><td class=\"num\">2.50e-10</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>KAN</td><td class=\"num\">{SummaryTable.Figure(outcome.Kan!.Errors!.Mse)}</td>", html, StringComparison.Ordinal);
        Assert.Contains("Pruned width [2, 2, 1]", html, StringComparison.Ordinal);
        Assert.Contains("<td>sin</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>spline</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoFormula_SaysSoWithTheReason()
    {
        string html = Render(Outcome(new FormulaResult(null, null, null, null, null, double.NaN, [2, 3, 1], Edges, "no function of the library fits edge (0, 0, 1)", 0.1)));

        Assert.Contains("No formula fits the KAN", html, StringComparison.Ordinal);
        Assert.Contains("no function of the library fits edge (0, 0, 1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("u = ", html[html.IndexOf("<h2>Symbolic formula</h2>", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void PrunedNetwork_OneLinePerEdgeLabelledWithItsFunction()
    {
        XYChart chart = FormulaFigures.PrunedNetwork(Outcome(new FormulaResult(null, null, null, null, null, null, [2, 2, 1], Edges, "x", 0)))!;

        Series[] lines = [.. chart.Series.Where(s => s.Line)];
        Assert.Equal(Edges.Length, lines.Length);
        Assert.All(lines, s => Assert.Equal(2, s.X.Count));
        Series labels = chart.Series.Single(s => s.PointLabels is not null);
        Assert.Equal(["sin (R²=1.00000)", "sin (R²=1.00000)", "spline", "exp (R²=0.99990)", "0 (R²=1.00000)"], labels.PointLabels!);
        Assert.Equal(5, chart.Series.Single(s => s.Marker == MarkerShape.Circle).X.Count); // 2 + 2 + 1 nodes
    }

    [Fact]
    public void Charts_WithAndWithoutFormula_PrunedNetworkOnlyWithOne()
    {
        ProblemOutcome plain = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson2d));
        Assert.DoesNotContain(ReportFigures.Charts(plain), c => c.Name == "pruned-network");
        Assert.Contains(ReportFigures.Charts(Outcome(new FormulaResult(null, null, null, null, null, null, [2, 2, 1], Edges, "x", 0))), c => c.Name == "pruned-network");
    }
}
