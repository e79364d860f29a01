using KanPde.Core.LinearAlgebra;

namespace KanPde.Core.Tests.LinearAlgebra;

public sealed class CholeskyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void TryFactor_RandomSpd_SolvesToRounding(int n)
    {
        // A = BᵀB + n·I (well conditioned); residual of A·x = b relative to ‖b‖: tolerance 1e-12.
        var random = new Random(n);
        var b = new double[n * n];
        for (int i = 0; i < b.Length; i++)
        {
            b[i] = random.NextDouble() - 0.5;
        }

        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = i == j ? n : 0;
                for (int q = 0; q < n; q++)
                {
                    sum += b[q * n + i] * b[q * n + j];
                }

                a[i * n + j] = sum;
            }
        }

        double[] rhs = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var factor = (double[])a.Clone();
        Assert.True(Cholesky.TryFactor(factor, n));
        var x = (double[])rhs.Clone();
        Cholesky.Solve(factor, n, x);
        double norm = Math.Sqrt(rhs.Sum(v => v * v));
        for (int i = 0; i < n; i++)
        {
            double ax = 0;
            for (int j = 0; j < n; j++)
            {
                ax += a[i * n + j] * x[j];
            }

            Assert.True(Math.Abs(ax - rhs[i]) <= 1e-12 * norm * n, $"row {i}");
        }
    }

    [Fact]
    public void TryFactor_Indefinite_ReturnsFalse()
    {
        double[] a = [1, 2, 2, 1];
        Assert.False(Cholesky.TryFactor(a, 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(137)]
    [InlineData(750)]
    public void TryFactor_RandomSpd_EqualsUnblockedFactorToRounding(int n)
    {
        // Against the textbook unblocked Cholesky (one dot product per entry, in order). A = BᵀB/n + 1e-3·I,
        // condition ~1e3–1e6: tolerance 1e-12 relative to the largest entry of L's row.
        double[] a = RandomSpd(n, 1e-3, seed: n);
        var expected = (double[])a.Clone();
        for (int j = 0; j < n; j++)
        {
            for (int i = j; i < n; i++)
            {
                double sum = expected[i * n + j];
                for (int q = 0; q < j; q++)
                {
                    sum -= expected[i * n + q] * expected[j * n + q];
                }

                expected[i * n + j] = i == j ? Math.Sqrt(sum) : sum / expected[j * n + j];
            }
        }

        var actual = (double[])a.Clone();
        Assert.True(Cholesky.TryFactor(actual, n));
        for (int i = 0; i < n; i++)
        {
            double scale = 0;
            for (int j = 0; j <= i; j++)
            {
                scale = Math.Max(scale, Math.Abs(expected[i * n + j]));
            }

            for (int j = 0; j <= i; j++)
            {
                Assert.True(Math.Abs(actual[i * n + j] - expected[i * n + j]) <= 1e-12 * scale, $"L[{i}, {j}]: {actual[i * n + j]:R} vs {expected[i * n + j]:R}");
            }
        }
    }

    [Theory]
    [InlineData(63)]
    [InlineData(200)]
    [InlineData(750)]
    public void TryFactor_OnTeam_SameBitsAsOnCaller(int n)
    {
        // Two threads that surely both take part (interleaved): every entry of L bit for bit.
        double[] a = RandomSpd(n, 1e-3, seed: 2 * n);
        var alone = (double[])a.Clone();
        var shared = (double[])a.Clone();
        using var team = new Parallelism.WorkerTeam(1, interleaved: true);
        Assert.True(Cholesky.TryFactor(alone, n));
        Assert.True(Cholesky.TryFactor(shared, n, team));
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                Assert.Equal(alone[i * n + j], shared[i * n + j]);
            }
        }
    }

    [Fact]
    public void TryFactor_OnTeam_IndefiniteReturnsFalse()
    {
        // Positive definite but for one late pivot (beyond the first panel).
        int n = 100;
        double[] a = RandomSpd(n, 1e-3, seed: 5);
        a[90 * n + 90] = -1;
        using var team = new Parallelism.WorkerTeam(1, interleaved: true);
        Assert.False(Cholesky.TryFactor(a, n, team));
    }

    // BᵀB/n + shift·I for B with entries uniform in [−½, ½).
    private static double[] RandomSpd(int n, double shift, int seed)
    {
        var random = new Random(seed);
        var b = new double[n * n];
        for (int i = 0; i < b.Length; i++)
        {
            b[i] = random.NextDouble() - 0.5;
        }

        var a = new double[n * n];
        Gemm.MultiplyAdd(b, n, b, n, a, n, n, n, n, GemmTranspose.A);
        for (int i = 0; i < a.Length; i++)
        {
            a[i] /= n;
        }

        for (int i = 0; i < n; i++)
        {
            a[i * n + i] += shift;
        }

        return a;
    }
}
