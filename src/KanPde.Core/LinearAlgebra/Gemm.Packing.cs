using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace KanPde.Core.LinearAlgebra;

public static partial class Gemm
{
    // destination[q * height + r] = source[r * Row + q * Column] for r < rows, 0 for rows ≤ r < height, q < kc.
    // Copies only: the packed values are the operands' own, whatever path moves them.
    private static void Pack(ref double source, Operand strides, int rows, int height, int kc, ref double destination)
    {
        if (strides.Row == 1)
        {
            // The panel's lines are contiguous in the source (columns of B, or rows of a stored Aᵀ): copy them.
            int wide = rows & ~3;
            for (int q = 0; q < kc; q++)
            {
                ref double from = ref Unsafe.Add(ref source, (nint)q * strides.Column);
                ref double to = ref Unsafe.Add(ref destination, q * height);
                int r = 0;
                for (; r < wide; r += 4)
                {
                    Vector256.LoadUnsafe(ref from, (nuint)r).StoreUnsafe(ref to, (nuint)r);
                }

                for (; r < rows; r++)
                {
                    Unsafe.Add(ref to, r) = Unsafe.Add(ref from, r);
                }

                for (; r < height; r++)
                {
                    Unsafe.Add(ref to, r) = 0;
                }
            }

            return;
        }

        // Otherwise each of the panel's rows runs along q in the source: transpose 4×4 blocks in registers.
        int r0 = 0;
        if (Avx.IsSupported && strides.Column == 1)
        {
            int wideQ = kc & ~3;
            for (; r0 + 4 <= rows; r0 += 4)
            {
                ref double s0 = ref Unsafe.Add(ref source, (nint)r0 * strides.Row);
                ref double s1 = ref Unsafe.Add(ref s0, strides.Row);
                ref double s2 = ref Unsafe.Add(ref s1, strides.Row);
                ref double s3 = ref Unsafe.Add(ref s2, strides.Row);
                ref double to = ref Unsafe.Add(ref destination, r0);
                int q = 0;
                for (; q < wideQ; q += 4)
                {
                    Vector256<double> t0 = Vector256.LoadUnsafe(ref s0, (nuint)q), t1 = Vector256.LoadUnsafe(ref s1, (nuint)q);
                    Vector256<double> t2 = Vector256.LoadUnsafe(ref s2, (nuint)q), t3 = Vector256.LoadUnsafe(ref s3, (nuint)q);
                    Vector256<double> l01 = Avx.UnpackLow(t0, t1), h01 = Avx.UnpackHigh(t0, t1);
                    Vector256<double> l23 = Avx.UnpackLow(t2, t3), h23 = Avx.UnpackHigh(t2, t3);
                    Avx.Permute2x128(l01, l23, 0x20).StoreUnsafe(ref to, (nuint)(q * height));
                    Avx.Permute2x128(h01, h23, 0x20).StoreUnsafe(ref to, (nuint)((q + 1) * height));
                    Avx.Permute2x128(l01, l23, 0x31).StoreUnsafe(ref to, (nuint)((q + 2) * height));
                    Avx.Permute2x128(h01, h23, 0x31).StoreUnsafe(ref to, (nuint)((q + 3) * height));
                }

                for (; q < kc; q++)
                {
                    Unsafe.Add(ref to, q * height) = Unsafe.Add(ref s0, q);
                    Unsafe.Add(ref to, q * height + 1) = Unsafe.Add(ref s1, q);
                    Unsafe.Add(ref to, q * height + 2) = Unsafe.Add(ref s2, q);
                    Unsafe.Add(ref to, q * height + 3) = Unsafe.Add(ref s3, q);
                }
            }
        }

        for (int r = r0; r < height; r++)
        {
            ref double to = ref Unsafe.Add(ref destination, r);
            if (r >= rows)
            {
                for (int q = 0; q < kc; q++)
                {
                    Unsafe.Add(ref to, q * height) = 0;
                }

                continue;
            }

            ref double from = ref Unsafe.Add(ref source, (nint)r * strides.Row);
            for (int q = 0; q < kc; q++)
            {
                Unsafe.Add(ref to, q * height) = Unsafe.Add(ref from, (nint)q * strides.Column);
            }
        }
    }
}
