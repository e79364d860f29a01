using System.Text;
using KanPde.Core.Training;
using KanPde.Problems.Models;
using KanPde.Problems.Specification;
using KanPde.Runner.Plotting;
using KanPde.Runner.Reporting;

namespace KanPde.Runner.Results;

/// <summary>Writes a run's results folder exactly as docs/results-format.md lays it out, replacing an earlier one only when complete.</summary>
public sealed class ResultsWriter(IChartRenderer renderer)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The folder a problem's results go to: <c>OUT/NAME</c>.</summary>
    public static string FolderFor(string outRoot, string problem) => Path.Combine(outRoot, problem);

    /// <summary>
    /// Writes every file into a temporary folder beside <c>OUT/NAME</c> and then moves it into place; returns the folder.
    /// On failure or cancellation nothing changes under <paramref name="outRoot"/>.
    /// </summary>
    public string Save(string outRoot, ProblemOutcome outcome, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string target = FolderFor(outRoot, outcome.Name);
        AtomicFolder.Write(target, folder => WriteInto(folder, outcome, cancellation), cancellation);
        return target;
    }

    /// <summary>Writes every file of the results into <paramref name="folder"/> (which exists).</summary>
    public void WriteInto(string folder, ProblemOutcome outcome, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string name = outcome.Name;
        File.WriteAllText(Path.Combine(folder, "problem.yaml"), outcome.Problem.Spec.Source.Text, Utf8);
        foreach (TrainingResult model in outcome.Models)
        {
            string sub = Path.Combine(folder, Names.Name(model.Model));
            Directory.CreateDirectory(sub);
            ProblemSpec spec = outcome.Problem.Spec;
            IReadOnlyList<string> parameters = [.. spec.Parameters.Select(p => p.Name)];
            File.WriteAllText(Path.Combine(sub, "metrics.json"), MetricsJson.Metrics(name, model, SystemFigures.Of(outcome.Problem, model)), Utf8);
            File.WriteAllText(Path.Combine(sub, "history.csv"), HistoryCsv.Write(model.History, parameters), Utf8);
            File.WriteAllText(Path.Combine(sub, "model.json"), ModelFile.Write(model.Network, spec.VariableNames, spec.Unknowns, parameters), Utf8);
            if (model.Model == KanPde.Core.Training.ModelKind.Kan && outcome.Formula is { } formula)
            {
                File.WriteAllText(Path.Combine(sub, "formula.json"), FormulaJson.Write(formula), Utf8);
            }

            cancellation.ThrowIfCancellationRequested();
        }

        File.WriteAllText(Path.Combine(folder, "summary.json"), MetricsJson.Summary(name, outcome.Kan, outcome.Mlp, outcome.Problem), Utf8);
        var table = SummaryTable.Create(name, outcome.Models);
        File.WriteAllText(Path.Combine(folder, "summary.md"), table.ToMarkdown(), Utf8);
        IReadOnlyList<Figure> figures = ReportFigures.Build(outcome, renderer);
        foreach (Figure figure in figures)
        {
            File.WriteAllText(Path.Combine(folder, figure.SvgFile), figure.Image.Svg + "\n", Utf8);
            File.WriteAllBytes(Path.Combine(folder, figure.PngFile), figure.Image.Png);
        }

        cancellation.ThrowIfCancellationRequested();
        File.WriteAllText(Path.Combine(folder, "report.html"), HtmlReport.Render(outcome, table, figures), Utf8);
    }
}
