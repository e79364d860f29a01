using System.Diagnostics;
using KanPde.Benchmarks;
using KanPde.Core;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Training;

// Times one loss-and-gradient evaluation of the paper's Poisson loss (2,601 interior + 204 boundary
// points) for KAN [2,10,1] at G = 5, 20, 100 and MLP [2,100,100,100,1] (tanh), and one Levenberg–Marquardt
// iteration on 10,800 points (LmStepBenchmark) and the Cholesky of its damping trials (CholeskyBenchmark);
// prints the medians.
// Usage: dotnet run -c Release --project bench/KanPde.Benchmarks [-- --quick] [--threads N] [--only kan|mlp|kan20|lm] [--cpu]
bool quick = args.Contains("--quick");
int threads = args.SkipWhile(a => a != "--threads").Skip(1).Select(int.Parse).FirstOrDefault(-1);
double seconds = quick ? 2.0 : 8.0;
IReadOnlyList<LossTerm> terms = PoissonBenchmarkProblem.Terms();
int points = terms.Sum(t => t.Points.Count);
Box box = Box.Symmetric(2);
// Grids fitted to the hidden values the points produce, as training keeps them: every point then costs
// the full spline work (a freshly initialised network leaves some hidden values off the grid, which is cheaper).
PointSet all = new(2, [.. terms[0].Points.Coordinate(0), .. terms[1].Points.Coordinate(0), .. terms[0].Points.Coordinate(1), .. terms[1].Points.Coordinate(1)]);
KanNetwork Kan(int grid) => KanNetwork.Create(box, [2, 10, 1], grid, 3, 0).UpdateGrids(all);

var cases = new List<(string Model, string Width, string Grid, Func<INetwork> Create)>
{
    ("kan", "2,10,1", "5", () => Kan(5)),
    ("kan", "2,10,1", "20", () => Kan(20)),
    ("kan", "2,10,1", "100", () => Kan(100)),
    ("mlp", "2,100,100,100,1", "-", () => MlpNetwork.Create(box, [2, 100, 100, 100, 1], Activation.Tanh, 0)),
};

string? only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
foreach ((string model, string width, string grid, Func<INetwork> create) in cases)
{
    if (only is not null && only != model && only != $"{model}{grid}")
    {
        continue;
    }

    INetwork network = create();
    var loss = new PinnLoss(network, terms, threads);
    var gradient = new double[network.ParameterCount];
    double[] theta = network.Parameters;
    var warm = Stopwatch.StartNew();
    while (warm.Elapsed.TotalSeconds < Math.Max(1.5, seconds / 4)) // past tiered JIT and dynamic PGO
    {
        loss.Evaluate(theta, gradient);
    }

    var samples = new List<double>();
    TimeSpan cpuStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    var total = Stopwatch.StartNew();
    while (total.Elapsed.TotalSeconds < seconds || samples.Count < 5)
    {
        long start = Stopwatch.GetTimestamp();
        loss.Evaluate(theta, gradient);
        samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    samples.Sort();
    double median = samples[samples.Count / 2];
    double cpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds / samples.Count;
    Console.WriteLine($"bench model={model} width={width} grid={grid} points={points} ms_per_eval={median.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}");
    if (args.Contains("--cpu"))
    {
        Console.WriteLine($"  (cpu ms per eval, all threads: {cpu:F3}; evaluations: {samples.Count})");
    }
}

if (only is null || only == "lm")
{
    LmStepBenchmark.Run(threads, quick ? 30 : 100, args.Contains("--cpu"));
    CholeskyBenchmark.Run(quick ? 20 : 60);
}
