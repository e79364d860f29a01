using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using KanPde.Core.LinearAlgebra;

namespace KanPde.Core.Networks;

internal sealed partial class MlpWorkspace
{
    public void Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> adjoints) =>
        BackwardInto(parameters, adjoints, _gradient);

    public void CollectGradient(Span<double> gradient)
    {
        TensorPrimitives.Add(gradient, _gradient, gradient);
        Array.Clear(_gradient);
    }

    /// <summary>Dense rows, one reverse sweep per point: for tests and small networks, not for training an MLP.</summary>
    public void JacobianRows(ReadOnlySpan<double> parameters, ReadOnlySpan<double> weights, Span<int> indices, Span<double> values)
    {
        int n = _count, p = RowLength;
        var single = new double[_c * n];
        for (int point = 0; point < n; point++)
        {
            Array.Clear(single);
            for (int c = 0; c < _c; c++)
            {
                single[c * n + point] = weights[c * n + point];
            }

            Span<double> row = values.Slice(point * p, p);
            row.Clear();
            BackwardInto(parameters, single, row);
            for (int e = 0; e < p; e++)
            {
                indices[point * p + e] = e;
            }
        }
    }

    private void BackwardInto(ReadOnlySpan<double> parameters, ReadOnlySpan<double> adjoints, Span<double> gradient)
    {
        int n = _count, cols = _c * n;
        if (adjoints.Length < cols)
        {
            throw new ArgumentException("Adjoint buffer too short.", nameof(adjoints));
        }

        ReadOnlySpan<double> adjZ = adjoints[..cols];
        for (int l = _layers - 1; l >= 0; l--)
        {
            int nIn = _widths[l], nOut = _widths[l + 1];
            // ∂/∂W = adjZ · Aᵀ (summed over every channel column), ∂/∂b = Σ value columns.
            Span<double> gradW = gradient.Slice(_net.WeightOffset(l), nOut * nIn);
            if (nIn < 8 || nOut < 4)
            {
                Gemm.MultiplyAddTransposed(adjZ, _a[l].AsSpan(0, nIn * cols), gradW, nOut, cols, nIn); // few long dot products
            }
            else
            {
                Gemm.MultiplyAdd(adjZ, cols, _a[l], cols, gradW, nIn, nOut, cols, nIn, GemmTranspose.B);
            }

            int bias = _net.BiasOffset(l);
            for (int o = 0; o < nOut; o++)
            {
                gradient[bias + o] += Reduction.Sum(adjZ.Slice(o * cols, n));
            }

            if (l == 0)
            {
                break;
            }

            // adjA = Wᵀ·adjZ, then through the activation of layer l−1's neurons.
            Span<double> adjA = _adjA.AsSpan(0, nIn * cols);
            adjA.Clear();
            Gemm.MultiplyAdd(parameters.Slice(_net.WeightOffset(l), nOut * nIn), nIn, adjZ, cols, adjA, cols, nIn, nOut, cols, GemmTranspose.A);
            Span<double> nextAdjZ = _adjZ.AsSpan(0, nIn * cols);
            for (int o = 0; o < nIn; o++)
            {
                ActivationAdjoint(l - 1, o, adjA.Slice(o * cols, cols), nextAdjZ.Slice(o * cols, cols));
            }

            adjZ = nextAdjZ;
        }
    }

    // From the adjoints ā of neuron o's channels to those of its pre-activation z:
    // z̄_s = ā_s·σ′; z̄_f = ā_f·σ′ + Σ_s ā_s·σ″·(the other factor of s, when s involves f);
    // z̄ = ā·σ′ + Σ_f ā_f·σ″·z_f + Σ_s ā_s·(σ‴·z_a·z_b + σ″·z_s). One pass over the points, vectors then a
    // scalar tail with the same operations in the same order.
    private void ActivationAdjoint(int l, int o, ReadOnlySpan<double> barSpan, Span<double> zBarSpan)
    {
        int n = _count, cols = _c * n;
        ref double z = ref MemoryMarshal.GetReference(_z[l].AsSpan(o * cols, cols));
        ref double s1 = ref MemoryMarshal.GetReference(_sig[l].AsSpan(o * 4 * n + n, 3 * n));
        ref double s2 = ref Unsafe.Add(ref s1, n);
        ref double s3 = ref Unsafe.Add(ref s2, n);
        ref double bar = ref MemoryMarshal.GetReference(barSpan[..cols]);
        ref double zBar = ref MemoryMarshal.GetReference(zBarSpan[..cols]);
        int p = 0;
        for (; p + 4 <= n; p += 4)
        {
            Vector256<double> d1 = Vector256.LoadUnsafe(ref s1, (nuint)p), d2 = Vector256.LoadUnsafe(ref s2, (nuint)p), d3 = Vector256.LoadUnsafe(ref s3, (nuint)p);
            for (int ch = 1; ch < _c; ch++)
            {
                (Vector256.LoadUnsafe(ref bar, (nuint)(ch * n + p)) * d1).StoreUnsafe(ref zBar, (nuint)(ch * n + p));
            }

            Vector256<double> value = Vector256.LoadUnsafe(ref bar, (nuint)p) * d1;
            for (int f = 1; f <= _f; f++)
            {
                value = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref bar, (nuint)(f * n + p)) * d2, Vector256.LoadUnsafe(ref z, (nuint)(f * n + p)), value);
            }

            for (int s = 0; s < _s; s++)
            {
                nuint ch = (nuint)((1 + _f + s) * n + p), ia = (nuint)((1 + _pairA[s]) * n + p), ib = (nuint)((1 + _pairB[s]) * n + p);
                Vector256<double> hb = Vector256.LoadUnsafe(ref bar, ch), za = Vector256.LoadUnsafe(ref z, ia), zb = Vector256.LoadUnsafe(ref z, ib);
                Vector256<double> tmp = hb * d2; // ā_s·σ″
                Vector256.FusedMultiplyAdd(tmp, zb, Vector256.LoadUnsafe(ref zBar, ia)).StoreUnsafe(ref zBar, ia);
                Vector256.FusedMultiplyAdd(tmp, za, Vector256.LoadUnsafe(ref zBar, ib)).StoreUnsafe(ref zBar, ib);
                value = Vector256.FusedMultiplyAdd(tmp, Vector256.LoadUnsafe(ref z, ch), value);
                value = Vector256.FusedMultiplyAdd(hb * d3 * za, zb, value); // ā_s·σ‴·z_a·z_b
            }

            value.StoreUnsafe(ref zBar, (nuint)p);
        }

        for (; p < n; p++)
        {
            double d1 = Unsafe.Add(ref s1, p), d2 = Unsafe.Add(ref s2, p), d3 = Unsafe.Add(ref s3, p);
            for (int ch = 1; ch < _c; ch++)
            {
                Unsafe.Add(ref zBar, ch * n + p) = Unsafe.Add(ref bar, ch * n + p) * d1;
            }

            double value = Unsafe.Add(ref bar, p) * d1;
            for (int f = 1; f <= _f; f++)
            {
                value = Math.FusedMultiplyAdd(Unsafe.Add(ref bar, f * n + p) * d2, Unsafe.Add(ref z, f * n + p), value);
            }

            for (int s = 0; s < _s; s++)
            {
                int ch = (1 + _f + s) * n + p, ia = (1 + _pairA[s]) * n + p, ib = (1 + _pairB[s]) * n + p;
                double hb = Unsafe.Add(ref bar, ch), za = Unsafe.Add(ref z, ia), zb = Unsafe.Add(ref z, ib);
                double tmp = hb * d2;
                Unsafe.Add(ref zBar, ia) = Math.FusedMultiplyAdd(tmp, zb, Unsafe.Add(ref zBar, ia));
                Unsafe.Add(ref zBar, ib) = Math.FusedMultiplyAdd(tmp, za, Unsafe.Add(ref zBar, ib));
                value = Math.FusedMultiplyAdd(tmp, Unsafe.Add(ref z, ch), value);
                value = Math.FusedMultiplyAdd(hb * d3 * za, zb, value);
            }

            Unsafe.Add(ref zBar, p) = value;
        }
    }
}
