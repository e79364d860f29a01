using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using KanPde.Core.Splines;

using KanPde.Core.LinearAlgebra;

namespace KanPde.Core.Networks;

internal sealed partial class KanWorkspace
{
    public void Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> adjoints)
    {
        if (adjoints.Length < _count * _c)
        {
            throw new ArgumentException("Adjoint buffer too short.", nameof(adjoints));
        }

        Span<double> gradient = _gradient;
        int n = _count;
        ReadOnlySpan<double> adjOut = adjoints[..(_c * n)];
        bool useA = true;
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            Span<double> adjIn = l > 0 ? (useA ? _adjA : _adjB).AsSpan(0, _layers[l].InputCount * _c * n) : default;
            BackwardLayer(parameters, l, adjOut, adjIn, gradient);
            adjOut = adjIn;
            useA = !useA;
        }
    }

    private void BackwardLayer(ReadOnlySpan<double> parameters, int l, ReadOnlySpan<double> adjOut, Span<double> adjIn, Span<double> gradient)
    {
        KanLayer layer = _layers[l];
        int n = _count, nIn = layer.InputCount, nOut = layer.OutputCount, k1 = layer.Order + 1;
        int order = _forwardOrder;
        bool needInputs = l > 0;
        adjIn.Clear();
        Span<double> polyGrad = _polyGrad[l];
        for (int i = 0; i < nIn; i++)
        {
            ReadOnlySpan<double> a = _act[l].AsSpan(i * _c * n, _c * n);
            ReadOnlySpan<double> silu = _silu[l].AsSpan(i * Derivs * n, Derivs * n);
            int rows = layer.Polynomials[i].IntervalCount + 1;
            if (_s > 0)
            {
                PairProducts(l, i);
            }

            for (int o = 0; o < nOut; o++)
            {
                ReadOnlySpan<double> bar = adjOut.Slice(o * _c * n, _c * n);
                ReadOnlySpan<double> spline = _spline[l].AsSpan((i * nOut + o) * Derivs * n, Derivs * n);
                EdgeLambdas(l, i, a, bar);
                double gb = 0, gs = 0;
                for (int r = 0; r <= order; r++)
                {
                    ReadOnlySpan<double> lr = _lambda.AsSpan(r * n, n);
                    gb += Reduction.Dot(lr, silu.Slice(r * n, n));
                    gs += Reduction.Dot(lr, spline.Slice(r * n, n));
                }

                int wbIndex = layer.BaseWeightIndex(i, o), wsIndex = layer.SplineScaleIndex(i, o);
                gradient[wbIndex] += gb;
                gradient[wsIndex] += gs;
                double wb = parameters[wbIndex], ws = parameters[wsIndex];
                ScatterPolynomialGradient(polyGrad.Slice((i * nOut + o) * rows * k1, rows * k1), k1, l, i, order, ws, rows - 1);
                if (needInputs)
                {
                    InputAdjoints(l, i, wb, ws, silu, spline, bar, adjIn.Slice(i * _c * n, _c * n));
                }
            }
        }
    }

    // λ_r, the adjoint of φ⁽ʳ⁾ of an edge from input i (channels a) at each point, into _lambda, from the
    // adjoints bar of the edge's output: λ0 = v̄; λ1 = Σ_f ḡ_f·∂_f a + Σ_s h̄_s·∂²_s a; λ2 = Σ_s h̄_s·∂_a a·∂_b a
    // (the pair products of input i must be current).
    private void EdgeLambdas(int l, int i, ReadOnlySpan<double> a, ReadOnlySpan<double> bar)
    {
        int n = _count;
        Span<double> l0 = _lambda.AsSpan(0, n), l1 = _lambda.AsSpan(n, n), l2 = _lambda.AsSpan(2 * n, n);
        bar[..n].CopyTo(l0);
        l1.Clear();
        l2.Clear();
        for (int f = 1; f <= _f; f++)
        {
            if (l > 0 || _firstVariable[f - 1] == i)
            {
                TensorPrimitives.FusedMultiplyAdd(bar.Slice(f * n, n), a.Slice(f * n, n), l1, l1);
            }
        }

        for (int s = 0; s < _s; s++)
        {
            ReadOnlySpan<double> hb = bar.Slice((1 + _f + s) * n, n);
            if (l > 0)
            {
                TensorPrimitives.FusedMultiplyAdd(hb, a.Slice((1 + _f + s) * n, n), l1, l1);
            }

            TensorPrimitives.FusedMultiplyAdd(hb, _pairProduct.AsSpan(s * n, n), l2, l2);
        }
    }

    public void CollectGradient(Span<double> gradient)
    {
        if (gradient.Length != _net.ParameterCount)
        {
            throw new ArgumentException("Gradient of the wrong length.", nameof(gradient));
        }

        for (int l = 0; l < _layers.Length; l++)
        {
            MapPolynomialGradient(l, gradient);
        }

        TensorPrimitives.Add(gradient, _gradient, gradient);
        Array.Clear(_gradient);
    }

    // Adjoints of input i's channels from edge (i, o):
    // value += λ0·φ1 + λ1·φ2 + λ2·φ3; first_f += φ1·ḡ_f; for s = (a, b): first_a += h̄_s·φ2·∂_b x,
    // first_b += h̄_s·φ2·∂_a x; second_s += φ1·h̄_s.
    private void InputAdjoints(int l, int i, double wb, double ws, ReadOnlySpan<double> silu, ReadOnlySpan<double> spline,
        ReadOnlySpan<double> bar, Span<double> adj)
    {
        int n = _count, top = _forwardOrder + 1;
        ReadOnlySpan<double> a = _act[l].AsSpan(i * _c * n, _c * n);
        for (int r = 1; r <= top; r++)
        {
            Span<double> phi = _phi.AsSpan(r * n, n);
            TensorPrimitives.Multiply(silu.Slice(r * n, n), wb, phi);
            TensorPrimitives.FusedMultiplyAdd(spline.Slice(r * n, n), ws, phi, phi);
        }

        ReadOnlySpan<double> phi1 = _phi.AsSpan(n, n), phi2 = _phi.AsSpan(2 * n, n);
        Span<double> value = adj[..n];
        for (int r = 0; r < top; r++)
        {
            TensorPrimitives.FusedMultiplyAdd(_lambda.AsSpan(r * n, n), _phi.AsSpan((r + 1) * n, n), value, value);
        }

        for (int f = 1; f <= _f; f++)
        {
            Span<double> t = adj.Slice(f * n, n);
            TensorPrimitives.FusedMultiplyAdd(phi1, bar.Slice(f * n, n), t, t);
        }

        Span<double> tmp = _phi.AsSpan(0, n); // φ0 is not needed here
        for (int s = 0; s < _s; s++)
        {
            int ch = 1 + _f + s;
            ReadOnlySpan<double> hb = bar.Slice(ch * n, n);
            TensorPrimitives.Multiply(hb, phi2, tmp);
            Span<double> ta = adj.Slice((1 + _pairA[s]) * n, n), tb = adj.Slice((1 + _pairB[s]) * n, n);
            TensorPrimitives.FusedMultiplyAdd(tmp, a.Slice((1 + _pairB[s]) * n, n), ta, ta);
            TensorPrimitives.FusedMultiplyAdd(tmp, a.Slice((1 + _pairA[s]) * n, n), tb, tb);
            Span<double> t = adj.Slice(ch * n, n);
            TensorPrimitives.FusedMultiplyAdd(phi1, hb, t, t);
        }
    }
}
