using System.Text.RegularExpressions;
using System.Xml.Linq;
using KanPde.Runner.Plotting;
using KanPde.Runner.Reporting;
using KanPde.Runner.Results;
using KanPde.Runner.Tests.Fakes;
using KanPde.Runner.Tests.Plotting;

namespace KanPde.Runner.Tests.Reporting;

public sealed class HtmlReportTests
{
    private static (string Html, IReadOnlyList<Figure> Figures) Render(string yaml)
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(yaml));
        IReadOnlyList<Figure> figures = ReportFigures.Build(outcome, new OxyChartRenderer());
        return (HtmlReport.Render(outcome, SummaryTable.Create(outcome.Name, outcome.Models), figures), figures);
    }

    [Fact]
    public void Render_TwoVariables_EveryFigureInlineAndNothingFetched()
    {
        (string html, IReadOnlyList<Figure> figures) = Render(TestProblems.Poisson2d);

        Assert.Equal(["convergence", "convergence-time", "scaling", "solution", "error", "activations"], figures.Select(f => f.Name));
        Assert.All(figures, f => Assert.Contains(f.Image.Svg, html, StringComparison.Ordinal));
        Assert.All(figures, f => Assert.Contains($"<code>{f.SvgFile}</code>, <code>{f.PngFile}</code>", html, StringComparison.Ordinal));
        Assert.Equal(figures.Count, new Regex("<figure id=\"[a-z-]+\">\n<svg").Count(html));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Regex.Matches(html, "(src|href)=\"(?!#|data:image/png;base64,)", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void Render_TwoVariables_ElementIdsUniqueAcrossTheFigures()
    {
        (string html, IReadOnlyList<Figure> figures) = Render(TestProblems.Poisson2d);

        string[] ids = [.. figures.SelectMany(f => Pictures.Svg(f.Image.Svg).DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>())];
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Contains("url(#solution-clip", html, StringComparison.Ordinal);
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
    public void Render_KanStages_OneRowPerStageWithGridOptimizerAndReason()
    {
        var outcome = FakeResults.Outcome(TestProblems.Compiled(TestProblems.Poisson2d));
        string html = HtmlReport.Render(outcome, SummaryTable.Create(outcome.Name, outcome.Models), []);

        Assert.Contains("<h2>KAN stages</h2>", html, StringComparison.Ordinal);
        string section = html[html.IndexOf("<h2>KAN stages</h2>", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("</table>", StringComparison.Ordinal))];
        Assert.Equal(outcome.Kan!.Stages.Count, Regex.Count(section, "<tr><td class=\"num\">"));
        Assert.Contains($"<td class=\"num\">{outcome.Kan.Stages[^1].Grid}</td><td>lbfgs</td>", section, StringComparison.Ordinal);
        Assert.Contains("<td>steps</td>", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BodyIsWellFormedMarkup()
    {
        (string html, _) = Render(TestProblems.Heat3d);

        string body = html[html.IndexOf("<body>", StringComparison.Ordinal)..(html.IndexOf("</body>", StringComparison.Ordinal) + 7)];
        XElement parsed = XElement.Parse(body.Replace("<br>", "<br/>", StringComparison.Ordinal));
        Assert.Equal("body", parsed.Name.LocalName);
    }
}
