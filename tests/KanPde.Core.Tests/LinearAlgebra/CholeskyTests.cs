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
}
