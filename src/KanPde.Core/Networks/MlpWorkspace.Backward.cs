using System.Numerics.Tensors;
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
            Gemm.MultiplyAdd(adjZ, cols, _a[l], cols, gradW, nIn, nOut, cols, nIn, GemmTranspose.B);
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
    // z̄ = ā·σ′ + Σ_f ā_f·σ″·z_f + Σ_s ā_s·(σ‴·z_a·z_b + σ″·z_s).
    private void ActivationAdjoint(int l, int o, ReadOnlySpan<double> bar, Span<double> zBar)
    {
        int n = _count, cols = _c * n;
        ReadOnlySpan<double> z = _z[l].AsSpan(o * cols, cols);
        ReadOnlySpan<double> sig = _sig[l].AsSpan(o * 4 * n, 4 * n);
        ReadOnlySpan<double> s1 = sig.Slice(n, n), s2 = sig.Slice(2 * n, n), s3 = sig.Slice(3 * n, n);
        Span<double> tmp = _tmp.AsSpan(0, n);
        for (int ch = 0; ch < _c; ch++)
        {
            TensorPrimitives.Multiply(bar.Slice(ch * n, n), s1, zBar.Slice(ch * n, n));
        }

        Span<double> value = zBar[..n];
        for (int f = 1; f <= _f; f++)
        {
            TensorPrimitives.Multiply(bar.Slice(f * n, n), s2, tmp);
            TensorPrimitives.FusedMultiplyAdd(tmp, z.Slice(f * n, n), value, value);
        }

        for (int s = 0; s < _s; s++)
        {
            int ch = 1 + _f + s;
            ReadOnlySpan<double> hb = bar.Slice(ch * n, n);
            ReadOnlySpan<double> za = z.Slice((1 + _pairA[s]) * n, n), zb = z.Slice((1 + _pairB[s]) * n, n);
            TensorPrimitives.Multiply(hb, s2, tmp); // ā_s·σ″
            Span<double> fa = zBar.Slice((1 + _pairA[s]) * n, n), fb = zBar.Slice((1 + _pairB[s]) * n, n);
            TensorPrimitives.FusedMultiplyAdd(tmp, zb, fa, fa);
            TensorPrimitives.FusedMultiplyAdd(tmp, za, fb, fb);
            TensorPrimitives.FusedMultiplyAdd(tmp, z.Slice(ch * n, n), value, value);
            TensorPrimitives.Multiply(hb, s3, tmp); // ā_s·σ‴·z_a·z_b
            TensorPrimitives.Multiply(tmp, za, tmp);
            TensorPrimitives.FusedMultiplyAdd(tmp, zb, value, value);
        }
    }
}
