using KanPde.Core.LinearAlgebra;

namespace KanPde.Core.Tests.LinearAlgebra;

public sealed class GemmTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(4, 3, 8)]
    [InlineData(7, 5, 19)]
    [InlineData(13, 300, 17)]
    [InlineData(6, 20, 100)]
    [InlineData(5, 600, 13)]
    [InlineData(100, 100, 640)]
    public void MultiplyAdd_AnyShape_MatchesTripleLoop(int m, int k, int n)
    {
        // Same products summed in another order: tolerance 1e-12 relative to Σ|a||b|.
        var random = new Random(m * 1000 + k * 10 + n);
        double[] a = Enumerable.Range(0, m * k).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] b = Enumerable.Range(0, k * n).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] c = Enumerable.Range(0, m * n).Select(_ => random.NextDouble()).ToArray();
        double[] expected = (double[])c.Clone();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int q = 0; q < k; q++)
                {
                    expected[i * n + j] += a[i * k + q] * b[q * n + j];
                }
            }
        }

        Gemm.MultiplyAdd(a, b, c, m, k, n);
        for (int e = 0; e < c.Length; e++)
        {
            Assert.Equal(expected[e], c[e], 1e-12 * k);
        }
    }

    [Theory]
    [InlineData(3, 50, 2)]
    [InlineData(9, 7, 5)]
    public void MultiplyAddTransposed_AnyShape_MatchesTripleLoop(int m, int k, int n)
    {
        var random = new Random(m + k + n);
        double[] a = Enumerable.Range(0, m * k).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] b = Enumerable.Range(0, n * k).Select(_ => random.NextDouble() - 0.5).ToArray();
        var c = new double[m * n];
        Gemm.MultiplyAddTransposed(a, b, c, m, k, n);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double expected = 0;
                for (int q = 0; q < k; q++)
                {
                    expected += a[i * k + q] * b[j * k + q];
                }

                Assert.Equal(expected, c[i * n + j], 1e-12 * k);
            }
        }
    }

    [Fact]
    public void Transpose_Rectangular_SwapsIndices()
    {
        double[] source = Enumerable.Range(0, 35 * 18).Select(v => (double)v).ToArray();
        var destination = new double[source.Length];
        Gemm.Transpose(source, 35, 18, destination);
        for (int i = 0; i < 35; i++)
        {
            for (int j = 0; j < 18; j++)
            {
                Assert.Equal(source[i * 18 + j], destination[j * 35 + i]);
            }
        }
    }
}
