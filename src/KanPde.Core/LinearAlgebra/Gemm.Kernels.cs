using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace KanPde.Core.LinearAlgebra;

public static partial class Gemm
{
    // A register-blocked product of a packed group of A (kc × Rows, interleaved) and a packed panel of B
    // (kc × Columns): tile[i * Columns + j] = Σ_q a[q * Rows + i] · b[q * Columns + j], one FMA per q in order.
    private interface IMicroKernel
    {
        static abstract int Rows { get; }

        static abstract int Columns { get; }

        static abstract void Run(ref double a, ref double b, int kc, ref double tile);
    }

    // 10 rows × 16 columns: 20 accumulators, 2 loads of B and 10 broadcasts of A per step of q.
    private readonly struct Kernel10x16 : IMicroKernel
    {
        public static int Rows => 10;

        public static int Columns => 16;

        public static void Run(ref double a, ref double b, int kc, ref double tile)
        {
            Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
            Vector512<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
            Vector512<double> c60 = default, c61 = default, c70 = default, c71 = default, c80 = default, c81 = default;
            Vector512<double> c90 = default, c91 = default;
            for (int q = 0; q < kc; q++)
            {
                Vector512<double> b0 = Vector512.LoadUnsafe(ref b);
                Vector512<double> b1 = Vector512.LoadUnsafe(ref b, (nuint)8);
                Vector512<double> x = Vector512.Create(a);
                c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
                c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
                x = Vector512.Create(Unsafe.Add(ref a, 1));
                c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
                c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
                x = Vector512.Create(Unsafe.Add(ref a, 2));
                c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
                c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
                x = Vector512.Create(Unsafe.Add(ref a, 3));
                c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
                c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
                x = Vector512.Create(Unsafe.Add(ref a, 4));
                c40 = Vector512.FusedMultiplyAdd(x, b0, c40);
                c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
                x = Vector512.Create(Unsafe.Add(ref a, 5));
                c50 = Vector512.FusedMultiplyAdd(x, b0, c50);
                c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
                x = Vector512.Create(Unsafe.Add(ref a, 6));
                c60 = Vector512.FusedMultiplyAdd(x, b0, c60);
                c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
                x = Vector512.Create(Unsafe.Add(ref a, 7));
                c70 = Vector512.FusedMultiplyAdd(x, b0, c70);
                c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
                x = Vector512.Create(Unsafe.Add(ref a, 8));
                c80 = Vector512.FusedMultiplyAdd(x, b0, c80);
                c81 = Vector512.FusedMultiplyAdd(x, b1, c81);
                x = Vector512.Create(Unsafe.Add(ref a, 9));
                c90 = Vector512.FusedMultiplyAdd(x, b0, c90);
                c91 = Vector512.FusedMultiplyAdd(x, b1, c91);
                a = ref Unsafe.Add(ref a, 10);
                b = ref Unsafe.Add(ref b, 16);
            }

            c00.StoreUnsafe(ref tile);
            c01.StoreUnsafe(ref tile, (nuint)8);
            c10.StoreUnsafe(ref tile, (nuint)16);
            c11.StoreUnsafe(ref tile, (nuint)24);
            c20.StoreUnsafe(ref tile, (nuint)32);
            c21.StoreUnsafe(ref tile, (nuint)40);
            c30.StoreUnsafe(ref tile, (nuint)48);
            c31.StoreUnsafe(ref tile, (nuint)56);
            c40.StoreUnsafe(ref tile, (nuint)64);
            c41.StoreUnsafe(ref tile, (nuint)72);
            c50.StoreUnsafe(ref tile, (nuint)80);
            c51.StoreUnsafe(ref tile, (nuint)88);
            c60.StoreUnsafe(ref tile, (nuint)96);
            c61.StoreUnsafe(ref tile, (nuint)104);
            c70.StoreUnsafe(ref tile, (nuint)112);
            c71.StoreUnsafe(ref tile, (nuint)120);
            c80.StoreUnsafe(ref tile, (nuint)128);
            c81.StoreUnsafe(ref tile, (nuint)136);
            c90.StoreUnsafe(ref tile, (nuint)144);
            c91.StoreUnsafe(ref tile, (nuint)152);
        }
    }

    // 6 rows × 8 columns: 12 accumulators, 2 loads of B and 6 broadcasts of A per step of q.
    private readonly struct Kernel6x8 : IMicroKernel
    {
        public static int Rows => 6;

        public static int Columns => 8;

        public static void Run(ref double a, ref double b, int kc, ref double tile)
        {
            Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
            Vector256<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
            for (int q = 0; q < kc; q++)
            {
                Vector256<double> b0 = Vector256.LoadUnsafe(ref b);
                Vector256<double> b1 = Vector256.LoadUnsafe(ref b, (nuint)4);
                Vector256<double> x = Vector256.Create(a);
                c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
                c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
                x = Vector256.Create(Unsafe.Add(ref a, 1));
                c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
                c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
                x = Vector256.Create(Unsafe.Add(ref a, 2));
                c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
                c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
                x = Vector256.Create(Unsafe.Add(ref a, 3));
                c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
                c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
                x = Vector256.Create(Unsafe.Add(ref a, 4));
                c40 = Vector256.FusedMultiplyAdd(x, b0, c40);
                c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
                x = Vector256.Create(Unsafe.Add(ref a, 5));
                c50 = Vector256.FusedMultiplyAdd(x, b0, c50);
                c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
                a = ref Unsafe.Add(ref a, 6);
                b = ref Unsafe.Add(ref b, 8);
            }

            c00.StoreUnsafe(ref tile);
            c01.StoreUnsafe(ref tile, (nuint)4);
            c10.StoreUnsafe(ref tile, (nuint)8);
            c11.StoreUnsafe(ref tile, (nuint)12);
            c20.StoreUnsafe(ref tile, (nuint)16);
            c21.StoreUnsafe(ref tile, (nuint)20);
            c30.StoreUnsafe(ref tile, (nuint)24);
            c31.StoreUnsafe(ref tile, (nuint)28);
            c40.StoreUnsafe(ref tile, (nuint)32);
            c41.StoreUnsafe(ref tile, (nuint)36);
            c50.StoreUnsafe(ref tile, (nuint)40);
            c51.StoreUnsafe(ref tile, (nuint)44);
        }
    }
}
