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
        double[] a = Fill(random, m * k);
        double[] b = Fill(random, k * n);
        double[] c = Fill(random, m * n);
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

    // Shapes around the kernels' 10×16, 10×8, 6×8 and 6×4 tiles, the 120-row block, the 256-long inner block and the one-row path.
    public static TheoryData<int, int, int, GemmTranspose> TailShapes()
    {
        var data = new TheoryData<int, int, int, GemmTranspose>();
        (int M, int K, int N)[] shapes =
        [
            (1, 1, 1), (1, 257, 3), (1, 300, 37), (1, 5, 100), (3, 2, 100), (9, 7, 15), (10, 16, 16), (11, 17, 17), (17, 255, 9),
            (23, 256, 33), (30, 40, 24), (61, 513, 7), (12, 19, 21), (100, 100, 100), (121, 31, 47), (250, 9, 130),
        ];
        foreach ((int m, int k, int n) in shapes)
        {
            foreach (GemmTranspose t in new[] { GemmTranspose.None, GemmTranspose.A, GemmTranspose.B, GemmTranspose.A | GemmTranspose.B })
            {
                data.Add(m, k, n, t);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TailShapes))]
    public void MultiplyAdd_StridedSubMatricesAnyTranspose_MatchesTripleLoopAndLeavesTheRest(int m, int k, int n, GemmTranspose transpose)
    {
        // Operands are sub-matrices of wider buffers (leading dimensions larger than their rows), starting at an offset.
        bool ta = (transpose & GemmTranspose.A) != 0, tb = (transpose & GemmTranspose.B) != 0;
        var random = new Random(m * 7919 + k * 31 + n + (int)transpose);
        int lda = (ta ? m : k) + 3, ldb = (tb ? k : n) + 5, ldc = n + 2;
        const int offset = 3;
        double[] a = Fill(random, offset + (ta ? k : m) * lda);
        double[] b = Fill(random, offset + (tb ? n : k) * ldb);
        double[] c = Fill(random, offset + m * ldc);
        double[] before = (double[])c.Clone();
        double A(int i, int q) => ta ? a[offset + q * lda + i] : a[offset + i * lda + q];
        double B(int q, int j) => tb ? b[offset + j * ldb + q] : b[offset + q * ldb + j];

        double[] narrow = (double[])c.Clone();
        Gemm.MultiplyAdd(a.AsSpan(offset), lda, b.AsSpan(offset), ldb, c.AsSpan(offset), ldc, m, k, n, transpose);
        Gemm.MultiplyAdd(a.AsSpan(offset), lda, b.AsSpan(offset), ldb, narrow.AsSpan(offset), ldc, m, k, n, transpose, wide: false);
        Assert.Equal(c, narrow); // the 6×8 Vector256 kernel gives the same bits as the one the machine chose

        for (int e = 0; e < c.Length; e++)
        {
            int i = (e - offset) / ldc, j = (e - offset) % ldc;
            if (e < offset || j >= n)
            {
                Assert.Equal(before[e], c[e]); // outside the sub-matrix: untouched
                continue;
            }

            double expected = before[e];
            for (int q = 0; q < k; q++)
            {
                expected += A(i, q) * B(q, j);
            }

            Assert.Equal(expected, c[e], 1e-12 * k);
        }
    }

    [Theory]
    [InlineData(1, 600, 45, false)]
    [InlineData(23, 300, 37, false)]
    [InlineData(100, 640, 100, false)]
    [InlineData(23, 300, 37, true)]
    [InlineData(100, 640, 100, true)]
    public void MultiplyAdd_AnyElementEitherKernel_IsFusedSumsPerInnerBlockBitForBit(int m, int k, int n, bool wide)
    {
        if (wide && !System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            return; // the 10×16 kernel needs AVX-512; the 6×8 one is checked on every machine
        }

        // The documented arithmetic: per block of 256 along q, FMAs in order from zero, each block then added to C.
        var random = new Random(m + 3 * k + 5 * n);
        double[] a = Fill(random, m * k), b = Fill(random, k * n), c = Fill(random, m * n);
        double[] expected = (double[])c.Clone();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int q0 = 0; q0 < k; q0 += 256)
                {
                    double sum = 0;
                    for (int q = q0; q < Math.Min(k, q0 + 256); q++)
                    {
                        sum = Math.FusedMultiplyAdd(a[i * k + q], b[q * n + j], sum);
                    }

                    expected[i * n + j] += sum;
                }
            }
        }

        Gemm.MultiplyAdd(a, k, b, n, c, n, m, k, n, GemmTranspose.None, wide);
        Assert.Equal(expected, c);
    }

    [Theory]
    [InlineData(GemmTranspose.None)]
    [InlineData(GemmTranspose.A)]
    [InlineData(GemmTranspose.B)]
    public void MultiplyAdd_BuffersAtOffsetsZeroToSeven_SameBits(GemmTranspose transpose)
    {
        // Alignment must not change the arithmetic: the same matrices placed at offsets 0..7 of their buffers.
        const int m = 37, k = 290, n = 45;
        var random = new Random(11);
        double[] a = Fill(random, m * k), b = Fill(random, k * n), c = Fill(random, m * n);
        double[]? reference = null;
        for (int offset = 0; offset < 8; offset++)
        {
            double[] ax = new double[offset + a.Length], bx = new double[offset + b.Length], cx = new double[offset + c.Length];
            a.CopyTo(ax, offset);
            b.CopyTo(bx, offset);
            c.CopyTo(cx, offset);
            bool ta = (transpose & GemmTranspose.A) != 0, tb = (transpose & GemmTranspose.B) != 0;
            Gemm.MultiplyAdd(ax.AsSpan(offset), ta ? m : k, bx.AsSpan(offset), tb ? k : n, cx.AsSpan(offset), n, m, k, n, transpose);
            double[] result = cx[offset..];
            reference ??= result;
            Assert.Equal(reference, result);
        }
    }

    [Fact]
    public void MultiplyAdd_ShiftedByOneRowAndColumn_SameBitsForSharedElements()
    {
        // An element computed in a full tile or in a tail (rows and columns shifted by one) gets the same bits.
        const int m = 21, k = 300, n = 33;
        var random = new Random(5);
        double[] a = Fill(random, m * k), b = Fill(random, k * n);
        double[] a1 = [.. Fill(random, k), .. a]; // one extra row on top
        var b1 = new double[k * (n + 1)];         // one extra column on the left
        for (int q = 0; q < k; q++)
        {
            b1[q * (n + 1)] = random.NextDouble();
            Array.Copy(b, q * n, b1, q * (n + 1) + 1, n);
        }

        var c = new double[m * n];
        var c1 = new double[(m + 1) * (n + 1)];
        Gemm.MultiplyAdd(a, b, c, m, k, n);
        Gemm.MultiplyAdd(a1, b1, c1, m + 1, k, n + 1);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(c[i * n + j], c1[(i + 1) * (n + 1) + j + 1]);
            }
        }
    }

    [Theory]
    [InlineData(3, 50, 2)]
    [InlineData(9, 7, 5)]
    public void MultiplyAddTransposed_AnyShape_MatchesTripleLoop(int m, int k, int n)
    {
        var random = new Random(m + k + n);
        double[] a = Fill(random, m * k);
        double[] b = Fill(random, n * k);
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
    public void MultiplyAdd_BufferShorterThanShape_Throws()
    {
        var a = new double[10 * 5];
        var b = new double[5 * 4];
        var c = new double[10 * 4];
        Gemm.MultiplyAdd(a, 5, b, 4, c, 4, 10, 5, 4, GemmTranspose.None); // fits
        Assert.Throws<ArgumentException>(() => Gemm.MultiplyAdd(a, 5, b, 4, c, 4, 11, 5, 4, GemmTranspose.None));
        Assert.Throws<ArgumentException>(() => Gemm.MultiplyAdd(a, 5, b, 4, c, 4, 10, 5, 4, GemmTranspose.A));
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

    private static double[] Fill(Random random, int length) =>
        Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5).ToArray();
}
