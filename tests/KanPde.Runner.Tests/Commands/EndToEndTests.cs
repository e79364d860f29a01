using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using KanPde.Problems.Models;
using KanPde.Runner.Results;
using KanPde.Runner.Training;

namespace KanPde.Runner.Tests.Commands;

/// <summary>The whole program with the real training engine, on problems small enough to train in a second.</summary>
public sealed class EndToEndTests : IDisposable
{
    private const string Poisson = """
        name: e2e-poisson
        variables:
          x: [0, 1]
        equation: u_xx = -pi^2*sin(pi*x)
        conditions:
          - at: [x = 0, x = 1]
            equation: u = 0
        exact: sin(pi*x)
        kan:
          width: [1, 3, 1]
        mlp:
          width: [1, 8, 1]
          steps: 20
        training:
          points: {interior: 50, boundary: 1}
          schedule:
            - {grid: 3, steps: 10}
            - {grid: 6, steps: 10}
        evaluation:
          points: 21
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("kanpde-e2e-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Out => Path.Combine(_folder, "results");

    private int Run(string yaml, params string[] extra)
    {
        string path = Path.Combine(_folder, "problem.yaml");
        File.WriteAllText(path, yaml);
        return KanPdeApp.Run(["run", path, "--out", Out, .. extra], _output, _error, new SolverTrainer());
    }

    [Fact]
    public void Run_TinyPoisson_ExitsZeroAndWritesEveryFileConsistently()
    {
        int exit = Run(Poisson);

        Assert.True(exit == ExitCodes.Ok, _error.ToString());
        string folder = Path.Combine(Out, "e2e-poisson");
        foreach (string model in new[] { "kan", "mlp" })
        {
            using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, model, "metrics.json")));
            Assert.Equal("completed", metrics.RootElement.GetProperty("status").GetString());
            string[] rows = File.ReadAllLines(Path.Combine(folder, model, "history.csv"));
            Assert.Equal(HistoryCsv.Header, rows[0]);
            Assert.Equal(metrics.RootElement.GetProperty("steps").GetInt32(), rows.Length - 1);
            Assert.True(double.IsFinite(metrics.RootElement.GetProperty("relative_l2").GetDouble()));
            var network = ModelFile.Read(File.ReadAllText(Path.Combine(folder, model, "model.json")));
            Assert.Equal(metrics.RootElement.GetProperty("parameters").GetInt32(), network.ParameterCount);
        }

        foreach (string figure in new[] { "convergence", "convergence-time", "scaling", "solution", "error", "activations" })
        {
            XDocument.Load(Path.Combine(folder, figure + ".svg"));
            KanPde.Runner.Tests.Plotting.Pictures.Png(File.ReadAllBytes(Path.Combine(folder, figure + ".png")));
        }

        Assert.True(File.Exists(Path.Combine(folder, "report.html")));
        Assert.Contains("e2e-poisson KAN: completed", _output.ToString());
    }

    [Fact]
    public void Run_AdamWithHugeStep_ExitsOneWithDivergedStatusAndSaysWhere()
    {
        // Adam at 1e6 only reaches a loss of about 1e35 in 20 steps here; 1e100 overflows on the first step.
        string diverging = Poisson.Replace("training:\n", "training:\n  optimizer: adam\n  learning_rate: 1e100\n", StringComparison.Ordinal);

        int exit = Run(diverging, "--models", "kan");

        Assert.Equal(ExitCodes.TrainingFailed, exit);
        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "e2e-poisson", "kan", "metrics.json")));
        Assert.Equal("diverged", metrics.RootElement.GetProperty("status").GetString());
        int step = metrics.RootElement.GetProperty("diverged_at_step").GetInt32();
        Assert.Contains($"e2e-poisson: the KAN diverged at step {step.ToString(CultureInfo.InvariantCulture)}", _error.ToString());
        Assert.Contains("kept ", _error.ToString());
        Assert.True(File.Exists(Path.Combine(Out, "e2e-poisson", "report.html")));
        Assert.True(File.Exists(Path.Combine(Out, "e2e-poisson", "kan", "model.json")));
    }
    [Fact]
    public void Run_Symbolic_WritesFormulaJsonWhoseFormulaReproducesItsErrors()
    {
        int exit = Run(Poisson, "--symbolic", "--models", "kan");

        Assert.True(exit == ExitCodes.Ok, _error.ToString());
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "e2e-poisson", "kan", "formula.json")));
        JsonElement root = json.RootElement;
        foreach (string key in new[] { "formula", "mse", "relative_l2", "max_abs_error", "equation_loss", "pruned_width", "edges" })
        {
            Assert.True(root.TryGetProperty(key, out _), key);
        }

        Assert.NotEmpty(root.GetProperty("edges").EnumerateArray());
        if (root.GetProperty("formula").GetString() is { } formula)
        {
            // the evaluation grid: 21 points on [0, 1]; exact sin(πx)
            var parsed = KanPde.Problems.Symbolic.SymbolicRegression.Parse(formula, ["x"]);
            double mse = Enumerable.Range(0, 21).Select(i => i / 20.0).Average(x => Math.Pow(parsed.Evaluate([x]) - Math.Sin(Math.PI * x), 2));
            Assert.Equal(mse, root.GetProperty("mse").GetDouble(), 1e-9 * mse + 1e-30);
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(root.GetProperty("reason").GetString()));
        }
    }

    private const string InverseSystem = """
        name: e2e-inverse
        variables:
          x: [0, 1]
        unknowns: [u, w]
        parameters:
          k: {initial: 1.5, exact: 1}
        equations:
          - u_xx = -k*pi^2*sin(pi*x)
          - w = 2*u
        conditions:
          - at: [x = 0, x = 1]
            equation: u = 0
        exact:
          u: sin(pi*x)
          w: 2*sin(pi*x)
        data:
          - from_exact: 20
        kan:
          width: [1, 3, 1]
        mlp:
          width: [1, 8, 1]
          steps: 15
        training:
          points: {interior: 40, boundary: 1}
          schedule:
            - {grid: 3, steps: 8}
        evaluation:
          points: 21
        """;

    [Fact]
    public void Run_InverseSystem_WritesUnknownsParameterValuesAndParameterColumns()
    {
        int exit = Run(InverseSystem);

        Assert.True(exit == ExitCodes.Ok, _error.ToString());
        string folder = Path.Combine(Out, "e2e-inverse");
        foreach (string model in new[] { "kan", "mlp" })
        {
            using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, model, "metrics.json")));
            JsonElement root = metrics.RootElement;
            JsonElement unknowns = root.GetProperty("unknowns");
            Assert.Equal(["u", "w"], unknowns.EnumerateObject().Select(p => p.Name));
            foreach (JsonProperty unknown in unknowns.EnumerateObject())
            {
                foreach (string key in new[] { "mse", "relative_l2", "max_abs_error" })
                {
                    Assert.True(double.IsFinite(unknown.Value.GetProperty(key).GetDouble()), $"{model} {unknown.Name} {key}");
                }
            }

            // stacked over u and w: the mean of the two unknowns' MSEs on the same grid
            double stacked = root.GetProperty("mse").GetDouble();
            double mean = unknowns.EnumerateObject().Average(p => p.Value.GetProperty("mse").GetDouble());
            Assert.Equal(mean, stacked, 1e-12 * mean + 1e-300);

            JsonElement k = root.GetProperty("parameter_values").GetProperty("k");
            double value = k.GetProperty("value").GetDouble();
            Assert.Equal(1.5, k.GetProperty("initial").GetDouble());
            Assert.Equal(1.0, k.GetProperty("exact").GetDouble());
            Assert.Equal(Math.Abs(value - 1), k.GetProperty("relative_error").GetDouble(), 1e-12);

            string[] rows = File.ReadAllLines(Path.Combine(folder, model, "history.csv"));
            Assert.Equal(HistoryCsv.Header + ",k", rows[0]);
            Assert.Equal(root.GetProperty("steps").GetInt32(), rows.Length - 1);
            Assert.Equal(value, double.Parse(rows[^1].Split(',')[^1], CultureInfo.InvariantCulture));

            var network = Assert.IsType<KanPde.Core.Networks.SystemNetwork>(ModelFile.Read(File.ReadAllText(Path.Combine(folder, model, "model.json"))));
            Assert.Equal(value, network.Constant(0));
            Assert.Equal(root.GetProperty("parameters").GetInt32(), network.ParameterCount);
        }

        foreach (string figure in new[] { "solution-u", "solution-w", "parameters" })
        {
            Assert.True(File.Exists(Path.Combine(folder, figure + ".svg")), figure);
        }
    }
}
