using System.Diagnostics;
using System.Globalization;
using KanPde.Core;
using KanPde.Core.Networks;
using KanPde.Core.Optimization;
using KanPde.Core.Sampling;
using KanPde.Core.Training;

namespace KanPde.Benchmarks;

/// <summary>
/// One Levenberg–Marquardt iteration (forming JᵀJ and Jᵀr, every damping trial's factorisation, solve and
/// residual evaluation, and the accepted point's Jacobian rows) for KAN [2,10,1] at G = 20 on the paper's
/// Poisson problem with 10,000 interior (100×100 grid) and 800 boundary points (200 per face). The grid is
/// fitted to the hidden values first; the median over the iterations after warm-up iterations.
/// </summary>
internal static class LmStepBenchmark
{
    public static void Run(int threads, int iterations, bool cpu)
    {
        IReadOnlyList<LossTerm> terms = PoissonBenchmarkProblem.Terms(100, 200);
        int points = terms.Sum(t => t.Points.Count);
        PointSet all = new(2, [.. terms[0].Points.Coordinate(0), .. terms[1].Points.Coordinate(0), .. terms[0].Points.Coordinate(1), .. terms[1].Points.Coordinate(1)]);
        KanNetwork network = KanNetwork.Create(Box.Symmetric(2), [2, 10, 1], 20, 3, 0).UpdateGrids(all);
        var loss = new PinnLoss(network, terms, threads);
        var optimizer = new LevenbergMarquardt(loss);
        double[] theta = network.Parameters;
        for (int i = 0; i < 5; i++)
        {
            optimizer.Step(theta);
        }

        var samples = new List<double>();
        int evaluations = 0;
        TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        for (int i = 0; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            evaluations += optimizer.Step(theta).Evaluations;
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds / iterations;
        samples.Sort();
        double median = samples[samples.Count / 2];
        Console.WriteLine($"bench lm-step model=kan width=2,10,1 grid=20 points={points} ms_per_step={median.ToString("F1", CultureInfo.InvariantCulture)}");
        if (cpu)
        {
            Console.WriteLine($"  (cpu ms per step, all threads: {cpuMs:F1}; residual evaluations per step: {(double)evaluations / iterations:F2}; iterations: {iterations})");
        }
    }
}
