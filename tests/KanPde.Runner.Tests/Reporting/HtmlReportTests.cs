using System.Text.RegularExpressions;
using System.Xml.Linq;
using KanPde.Runner.Plotting.Svg;
using KanPde.Runner.Reporting;
using KanPde.Runner.Results;
using KanPde.Runner.Tests.Fakes;

namespace KanPde.Runner.Tests.Reporting;

public sealed class HtmlReportTests
{
    private static (string Html, IReadOnlyList<Figure> Figures) Render(string yaml)
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(yaml));
        IReadOnlyList<Figure> figures = ReportFigures.Build(outcome, new SvgChartRenderer());
        return (HtmlReport.Render(outcome, SummaryTable.Create(outcome.Name, outcome.Models), figures), figures);
    }

    [Fact]
    public void Render_TwoVariables_EveryPlotInlineAndNothingFetched()
    {
        (string html, IReadOnlyList<Figure> figures) = Render(TestProblems.Poisson2d);

        Assert.Equal(["convergence.svg", "scaling.svg", "solution.svg", "error.svg", "activations.svg"], figures.Select(f => f.FileName));
        Assert.All(figures, f => Assert.Contains(f.Svg, html, StringComparison.Ordinal));
        Assert.Equal(figures.Count, SvgRoot().Count(html));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Regex.Matches(html, "(src|href)=\"[^#]", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void Render_TwoVariables_ProblemAndTableShown()
    {
        (string html, _) = Render(TestProblems.Poisson2d);

        Assert.Contains("<h1>tiny2d</h1>", html, StringComparison.Ordinal);
        Assert.Contains("A small Poisson problem for tests.", html, StringComparison.Ordinal);
        Assert.Contains("u_xx + u_yy = -2*pi^2*sin(pi*x)*sin(pi*y)", html, StringComparison.Ordinal);
        Assert.Contains("u = sin(pi*x)*sin(pi*y)", html, StringComparison.Ordinal);
        Assert.Contains("<td>KAN</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>MLP</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BodyIsWellFormedMarkup()
    {
        (string html, _) = Render(TestProblems.Heat3d);

        string body = html[html.IndexOf("<body>", StringComparison.Ordinal)..(html.IndexOf("</body>", StringComparison.Ordinal) + 7)];
        XElement parsed = XElement.Parse(body.Replace("<br>", "<br/>", StringComparison.Ordinal));
        Assert.Equal("body", parsed.Name.LocalName);
    }

    private static Regex SvgRoot() => new("<figure id=\"[a-z]+\">\n<svg");
}
