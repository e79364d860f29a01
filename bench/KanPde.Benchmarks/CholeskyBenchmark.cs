using System.Diagnostics;
using System.Globalization;
using KanPde.Core.LinearAlgebra;
using KanPde.Core.Parallelism;
using MathNet.Numerics.LinearAlgebra;

namespace KanPde.Benchmarks;

/// <summary>
/// The factorisation of one LM damping trial: Cholesky of a 750×750 symmetric positive definite matrix (the
/// size of JᵀJ for KAN [2,10,1] at G = 20), ours on the process's team against MathNet.Numerics' managed one;
/// medians over repeated runs after a warm-up.
/// </summary>
internal static class CholeskyBenchmark
{
    public static void Run(int repetitions)
    {
        const int n = 750;
        var random = new Random(1);
        var b = new double[n * n];
        for (int i = 0; i < b.Length; i++)
        {
            b[i] = random.NextDouble() - 0.5;
        }

        var a = new double[n * n];
        Gemm.MultiplyAdd(b, n, b, n, a, n, n, n, n, GemmTranspose.A);
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] += n;
        }

        var work = new double[n * n];
        double ours = Median(repetitions, () =>
        {
            a.CopyTo(work, 0);
            return Time(() => Cholesky.TryFactor(work, n, WorkerTeam.Shared));
        });
        Matrix<double> matrix = Matrix<double>.Build.DenseOfRowMajor(n, n, a);
        double mathNet = Median(Math.Max(3, repetitions / 4), () => Time(() => matrix.Cholesky()));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench cholesky n={n} ms_ours={ours:F2} ms_mathnet={mathNet:F1}"));
    }

    private static double Time(Action action)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Median(int repetitions, Func<double> sample)
    {
        sample(); // warm-up
        var samples = Enumerable.Range(0, repetitions).Select(_ => sample()).ToList();
        samples.Sort();
        return samples[samples.Count / 2];
    }
}
