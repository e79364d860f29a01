using KanPde.Core.LinearAlgebra;

namespace KanPde.Core.Tests.LinearAlgebra;

public sealed class ReductionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(133)]
    public void Dot_AnyAlignment_BitIdenticalAndAccurate(int n)
    {
        // The same numbers placed at every offset of a larger array (so at every 8-byte alignment within a
        // 32-byte vector) give the same bits; against a plain loop the tolerance is 1e-14·n.
        var random = new Random(n);
        double[] a = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] b = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        double reference = Reduction.Dot(a, b);
        double plain = 0;
        for (int i = 0; i < n; i++)
        {
            plain += a[i] * b[i];
        }

        Assert.Equal(plain, reference, 1e-14 * n);
        for (int offset = 1; offset < 8; offset++)
        {
            var shiftedA = new double[n + offset];
            var shiftedB = new double[n + 2 * offset];
            a.CopyTo(shiftedA, offset);
            b.CopyTo(shiftedB, 2 * offset);
            Assert.Equal(reference, Reduction.Dot(shiftedA.AsSpan(offset), shiftedB.AsSpan(2 * offset)));
            Assert.Equal(Reduction.Sum(a), Reduction.Sum(shiftedA.AsSpan(offset)));
        }
    }
}
