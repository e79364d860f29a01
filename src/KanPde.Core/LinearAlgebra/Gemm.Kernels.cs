using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace KanPde.Core.LinearAlgebra;

// Generated shapes (one pattern, four sizes): keep them identical but for their dimensions.
public static partial class Gemm
{
    // A register-blocked product of a packed group of A (kc × Rows, interleaved) and a packed panel of B
    // (kc × Columns): s[i, j] = Σ_q a[q * Rows + i] · b[q * Columns + j], one FMA per q in order; then, when
    // direct, c[i * ldc + j] += s[i, j] for the whole tile, else tile[i * Columns + j] = s[i, j].
    private interface IMicroKernel
    {
        static abstract int Rows { get; }

        static abstract int Columns { get; }

        static abstract void Run(ref double a, ref double b, int kc, ref double c, nint ldc, ref double tile, bool direct);
    }

    // 10 rows × 16 columns: 20 accumulators, 2 loads of B and 10 broadcasts of A per step of q.
    private readonly struct Kernel10x16 : IMicroKernel
    {
        public static int Rows => 10;

        public static int Columns => 16;

        public static void Run(ref double a, ref double b, int kc, ref double c, nint ldc, ref double tile, bool direct)
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

            if (direct)
            {
                ref double t00 = ref c;
                (Vector512.LoadUnsafe(ref t00) + c00).StoreUnsafe(ref t00);
                ref double t01 = ref Unsafe.Add(ref c, 8);
                (Vector512.LoadUnsafe(ref t01) + c01).StoreUnsafe(ref t01);
                ref double t10 = ref Unsafe.Add(ref c, ldc);
                (Vector512.LoadUnsafe(ref t10) + c10).StoreUnsafe(ref t10);
                ref double t11 = ref Unsafe.Add(ref c, ldc + 8);
                (Vector512.LoadUnsafe(ref t11) + c11).StoreUnsafe(ref t11);
                ref double t20 = ref Unsafe.Add(ref c, 2 * ldc);
                (Vector512.LoadUnsafe(ref t20) + c20).StoreUnsafe(ref t20);
                ref double t21 = ref Unsafe.Add(ref c, 2 * ldc + 8);
                (Vector512.LoadUnsafe(ref t21) + c21).StoreUnsafe(ref t21);
                ref double t30 = ref Unsafe.Add(ref c, 3 * ldc);
                (Vector512.LoadUnsafe(ref t30) + c30).StoreUnsafe(ref t30);
                ref double t31 = ref Unsafe.Add(ref c, 3 * ldc + 8);
                (Vector512.LoadUnsafe(ref t31) + c31).StoreUnsafe(ref t31);
                ref double t40 = ref Unsafe.Add(ref c, 4 * ldc);
                (Vector512.LoadUnsafe(ref t40) + c40).StoreUnsafe(ref t40);
                ref double t41 = ref Unsafe.Add(ref c, 4 * ldc + 8);
                (Vector512.LoadUnsafe(ref t41) + c41).StoreUnsafe(ref t41);
                ref double t50 = ref Unsafe.Add(ref c, 5 * ldc);
                (Vector512.LoadUnsafe(ref t50) + c50).StoreUnsafe(ref t50);
                ref double t51 = ref Unsafe.Add(ref c, 5 * ldc + 8);
                (Vector512.LoadUnsafe(ref t51) + c51).StoreUnsafe(ref t51);
                ref double t60 = ref Unsafe.Add(ref c, 6 * ldc);
                (Vector512.LoadUnsafe(ref t60) + c60).StoreUnsafe(ref t60);
                ref double t61 = ref Unsafe.Add(ref c, 6 * ldc + 8);
                (Vector512.LoadUnsafe(ref t61) + c61).StoreUnsafe(ref t61);
                ref double t70 = ref Unsafe.Add(ref c, 7 * ldc);
                (Vector512.LoadUnsafe(ref t70) + c70).StoreUnsafe(ref t70);
                ref double t71 = ref Unsafe.Add(ref c, 7 * ldc + 8);
                (Vector512.LoadUnsafe(ref t71) + c71).StoreUnsafe(ref t71);
                ref double t80 = ref Unsafe.Add(ref c, 8 * ldc);
                (Vector512.LoadUnsafe(ref t80) + c80).StoreUnsafe(ref t80);
                ref double t81 = ref Unsafe.Add(ref c, 8 * ldc + 8);
                (Vector512.LoadUnsafe(ref t81) + c81).StoreUnsafe(ref t81);
                ref double t90 = ref Unsafe.Add(ref c, 9 * ldc);
                (Vector512.LoadUnsafe(ref t90) + c90).StoreUnsafe(ref t90);
                ref double t91 = ref Unsafe.Add(ref c, 9 * ldc + 8);
                (Vector512.LoadUnsafe(ref t91) + c91).StoreUnsafe(ref t91);
                return;
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

    // 10 rows × 8 columns: 10 accumulators, 1 load of B and 10 broadcasts of A per step of q.
    private readonly struct Kernel10x8 : IMicroKernel
    {
        public static int Rows => 10;

        public static int Columns => 8;

        public static void Run(ref double a, ref double b, int kc, ref double c, nint ldc, ref double tile, bool direct)
        {
            Vector512<double> c00 = default, c10 = default, c20 = default, c30 = default, c40 = default, c50 = default;
            Vector512<double> c60 = default, c70 = default, c80 = default, c90 = default;
            for (int q = 0; q < kc; q++)
            {
                Vector512<double> b0 = Vector512.LoadUnsafe(ref b);
                Vector512<double> x = Vector512.Create(a);
                c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
                x = Vector512.Create(Unsafe.Add(ref a, 1));
                c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
                x = Vector512.Create(Unsafe.Add(ref a, 2));
                c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
                x = Vector512.Create(Unsafe.Add(ref a, 3));
                c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
                x = Vector512.Create(Unsafe.Add(ref a, 4));
                c40 = Vector512.FusedMultiplyAdd(x, b0, c40);
                x = Vector512.Create(Unsafe.Add(ref a, 5));
                c50 = Vector512.FusedMultiplyAdd(x, b0, c50);
                x = Vector512.Create(Unsafe.Add(ref a, 6));
                c60 = Vector512.FusedMultiplyAdd(x, b0, c60);
                x = Vector512.Create(Unsafe.Add(ref a, 7));
                c70 = Vector512.FusedMultiplyAdd(x, b0, c70);
                x = Vector512.Create(Unsafe.Add(ref a, 8));
                c80 = Vector512.FusedMultiplyAdd(x, b0, c80);
                x = Vector512.Create(Unsafe.Add(ref a, 9));
                c90 = Vector512.FusedMultiplyAdd(x, b0, c90);
                a = ref Unsafe.Add(ref a, 10);
                b = ref Unsafe.Add(ref b, 8);
            }

            if (direct)
            {
                ref double t00 = ref c;
                (Vector512.LoadUnsafe(ref t00) + c00).StoreUnsafe(ref t00);
                ref double t10 = ref Unsafe.Add(ref c, ldc);
                (Vector512.LoadUnsafe(ref t10) + c10).StoreUnsafe(ref t10);
                ref double t20 = ref Unsafe.Add(ref c, 2 * ldc);
                (Vector512.LoadUnsafe(ref t20) + c20).StoreUnsafe(ref t20);
                ref double t30 = ref Unsafe.Add(ref c, 3 * ldc);
                (Vector512.LoadUnsafe(ref t30) + c30).StoreUnsafe(ref t30);
                ref double t40 = ref Unsafe.Add(ref c, 4 * ldc);
                (Vector512.LoadUnsafe(ref t40) + c40).StoreUnsafe(ref t40);
                ref double t50 = ref Unsafe.Add(ref c, 5 * ldc);
                (Vector512.LoadUnsafe(ref t50) + c50).StoreUnsafe(ref t50);
                ref double t60 = ref Unsafe.Add(ref c, 6 * ldc);
                (Vector512.LoadUnsafe(ref t60) + c60).StoreUnsafe(ref t60);
                ref double t70 = ref Unsafe.Add(ref c, 7 * ldc);
                (Vector512.LoadUnsafe(ref t70) + c70).StoreUnsafe(ref t70);
                ref double t80 = ref Unsafe.Add(ref c, 8 * ldc);
                (Vector512.LoadUnsafe(ref t80) + c80).StoreUnsafe(ref t80);
                ref double t90 = ref Unsafe.Add(ref c, 9 * ldc);
                (Vector512.LoadUnsafe(ref t90) + c90).StoreUnsafe(ref t90);
                return;
            }

            c00.StoreUnsafe(ref tile);
            c10.StoreUnsafe(ref tile, (nuint)8);
            c20.StoreUnsafe(ref tile, (nuint)16);
            c30.StoreUnsafe(ref tile, (nuint)24);
            c40.StoreUnsafe(ref tile, (nuint)32);
            c50.StoreUnsafe(ref tile, (nuint)40);
            c60.StoreUnsafe(ref tile, (nuint)48);
            c70.StoreUnsafe(ref tile, (nuint)56);
            c80.StoreUnsafe(ref tile, (nuint)64);
            c90.StoreUnsafe(ref tile, (nuint)72);
        }
    }

    // 6 rows × 8 columns: 12 accumulators, 2 loads of B and 6 broadcasts of A per step of q.
    private readonly struct Kernel6x8 : IMicroKernel
    {
        public static int Rows => 6;

        public static int Columns => 8;

        public static void Run(ref double a, ref double b, int kc, ref double c, nint ldc, ref double tile, bool direct)
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

            if (direct)
            {
                ref double t00 = ref c;
                (Vector256.LoadUnsafe(ref t00) + c00).StoreUnsafe(ref t00);
                ref double t01 = ref Unsafe.Add(ref c, 4);
                (Vector256.LoadUnsafe(ref t01) + c01).StoreUnsafe(ref t01);
                ref double t10 = ref Unsafe.Add(ref c, ldc);
                (Vector256.LoadUnsafe(ref t10) + c10).StoreUnsafe(ref t10);
                ref double t11 = ref Unsafe.Add(ref c, ldc + 4);
                (Vector256.LoadUnsafe(ref t11) + c11).StoreUnsafe(ref t11);
                ref double t20 = ref Unsafe.Add(ref c, 2 * ldc);
                (Vector256.LoadUnsafe(ref t20) + c20).StoreUnsafe(ref t20);
                ref double t21 = ref Unsafe.Add(ref c, 2 * ldc + 4);
                (Vector256.LoadUnsafe(ref t21) + c21).StoreUnsafe(ref t21);
                ref double t30 = ref Unsafe.Add(ref c, 3 * ldc);
                (Vector256.LoadUnsafe(ref t30) + c30).StoreUnsafe(ref t30);
                ref double t31 = ref Unsafe.Add(ref c, 3 * ldc + 4);
                (Vector256.LoadUnsafe(ref t31) + c31).StoreUnsafe(ref t31);
                ref double t40 = ref Unsafe.Add(ref c, 4 * ldc);
                (Vector256.LoadUnsafe(ref t40) + c40).StoreUnsafe(ref t40);
                ref double t41 = ref Unsafe.Add(ref c, 4 * ldc + 4);
                (Vector256.LoadUnsafe(ref t41) + c41).StoreUnsafe(ref t41);
                ref double t50 = ref Unsafe.Add(ref c, 5 * ldc);
                (Vector256.LoadUnsafe(ref t50) + c50).StoreUnsafe(ref t50);
                ref double t51 = ref Unsafe.Add(ref c, 5 * ldc + 4);
                (Vector256.LoadUnsafe(ref t51) + c51).StoreUnsafe(ref t51);
                return;
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

    // 6 rows × 4 columns: 6 accumulators, 1 load of B and 6 broadcasts of A per step of q.
    private readonly struct Kernel6x4 : IMicroKernel
    {
        public static int Rows => 6;

        public static int Columns => 4;

        public static void Run(ref double a, ref double b, int kc, ref double c, nint ldc, ref double tile, bool direct)
        {
            Vector256<double> c00 = default, c10 = default, c20 = default, c30 = default, c40 = default, c50 = default;
            for (int q = 0; q < kc; q++)
            {
                Vector256<double> b0 = Vector256.LoadUnsafe(ref b);
                Vector256<double> x = Vector256.Create(a);
                c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
                x = Vector256.Create(Unsafe.Add(ref a, 1));
                c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
                x = Vector256.Create(Unsafe.Add(ref a, 2));
                c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
                x = Vector256.Create(Unsafe.Add(ref a, 3));
                c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
                x = Vector256.Create(Unsafe.Add(ref a, 4));
                c40 = Vector256.FusedMultiplyAdd(x, b0, c40);
                x = Vector256.Create(Unsafe.Add(ref a, 5));
                c50 = Vector256.FusedMultiplyAdd(x, b0, c50);
                a = ref Unsafe.Add(ref a, 6);
                b = ref Unsafe.Add(ref b, 4);
            }

            if (direct)
            {
                ref double t00 = ref c;
                (Vector256.LoadUnsafe(ref t00) + c00).StoreUnsafe(ref t00);
                ref double t10 = ref Unsafe.Add(ref c, ldc);
                (Vector256.LoadUnsafe(ref t10) + c10).StoreUnsafe(ref t10);
                ref double t20 = ref Unsafe.Add(ref c, 2 * ldc);
                (Vector256.LoadUnsafe(ref t20) + c20).StoreUnsafe(ref t20);
                ref double t30 = ref Unsafe.Add(ref c, 3 * ldc);
                (Vector256.LoadUnsafe(ref t30) + c30).StoreUnsafe(ref t30);
                ref double t40 = ref Unsafe.Add(ref c, 4 * ldc);
                (Vector256.LoadUnsafe(ref t40) + c40).StoreUnsafe(ref t40);
                ref double t50 = ref Unsafe.Add(ref c, 5 * ldc);
                (Vector256.LoadUnsafe(ref t50) + c50).StoreUnsafe(ref t50);
                return;
            }

            c00.StoreUnsafe(ref tile);
            c10.StoreUnsafe(ref tile, (nuint)4);
            c20.StoreUnsafe(ref tile, (nuint)8);
            c30.StoreUnsafe(ref tile, (nuint)12);
            c40.StoreUnsafe(ref tile, (nuint)16);
            c50.StoreUnsafe(ref tile, (nuint)20);
        }
    }
}
