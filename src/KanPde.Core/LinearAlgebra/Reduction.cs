using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KanPde.Core.LinearAlgebra;

/// <summary>
/// Sums and dot products in one fixed order: four vector accumulators over consecutive 16-element strides
/// from index 0, combined in a fixed way, then the tail. The order depends only on the length, never on
/// where the arrays happen to lie in memory (library reductions may split at alignment boundaries, which
/// changes the last bits from one process to the next and so the whole path of an optimizer).
/// </summary>
public static class Reduction
{
    /// <summary>Σ a[i]·b[i].</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Vectors of different lengths.");
        }

        int n = a.Length, i = 0;
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
        for (; i + 16 <= n; i += 16)
        {
            s0 = Vector256.FusedMultiplyAdd(Load(ref ra, i), Load(ref rb, i), s0);
            s1 = Vector256.FusedMultiplyAdd(Load(ref ra, i + 4), Load(ref rb, i + 4), s1);
            s2 = Vector256.FusedMultiplyAdd(Load(ref ra, i + 8), Load(ref rb, i + 8), s2);
            s3 = Vector256.FusedMultiplyAdd(Load(ref ra, i + 12), Load(ref rb, i + 12), s3);
        }

        for (; i + 4 <= n; i += 4)
        {
            s0 = Vector256.FusedMultiplyAdd(Load(ref ra, i), Load(ref rb, i), s0);
        }

        double sum = Horizontal((s0 + s1) + (s2 + s3));
        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref ra, i) * Unsafe.Add(ref rb, i);
        }

        return sum;
    }

    /// <summary>Σ a[i].</summary>
    public static double Sum(ReadOnlySpan<double> a)
    {
        int n = a.Length, i = 0;
        ref double ra = ref MemoryMarshal.GetReference(a);
        Vector256<double> s0 = default, s1 = default;
        for (; i + 8 <= n; i += 8)
        {
            s0 += Load(ref ra, i);
            s1 += Load(ref ra, i + 4);
        }

        for (; i + 4 <= n; i += 4)
        {
            s0 += Load(ref ra, i);
        }

        double sum = Horizontal(s0 + s1);
        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref ra, i);
        }

        return sum;
    }

    /// <summary>The Euclidean norm √(Σ a[i]²).</summary>
    public static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(ref double r, int i) => Vector256.LoadUnsafe(ref r, (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Horizontal(Vector256<double> v) => (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));
}
