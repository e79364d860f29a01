using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace KanPde.Core.LinearAlgebra;

public static partial class Gemm
{
    // destination[q * height + r] = source[r * Row + q * Column] for r < rows, 0 for rows ≤ r < height, q < kc.
    private static void Pack(ref double source, Operand strides, int rows, int height, int kc, ref double destination)
    {
        if (strides.Row == 1 && rows == height && height % 4 == 0)
        {
            // Rows of the panel contiguous in the source (columns of B, or rows of a stored Aᵀ): copy lines.
            for (int q = 0; q < kc; q++)
            {
                ref double from = ref Unsafe.Add(ref source, (nint)q * strides.Column);
                ref double to = ref Unsafe.Add(ref destination, q * height);
                for (int r = 0; r < height; r += 4)
                {
                    Vector256.LoadUnsafe(ref from, (nuint)r).StoreUnsafe(ref to, (nuint)r);
                }
            }

            return;
        }

        if (strides.Row == 1)
        {
            for (int q = 0; q < kc; q++)
            {
                ref double from = ref Unsafe.Add(ref source, (nint)q * strides.Column);
                ref double to = ref Unsafe.Add(ref destination, q * height);
                for (int r = 0; r < height; r++)
                {
                    Unsafe.Add(ref to, r) = r < rows ? Unsafe.Add(ref from, r) : 0;
                }
            }

            return;
        }

        // Otherwise gather: each of the panel's rows read along q, written with stride height.
        for (int r = 0; r < height; r++)
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
