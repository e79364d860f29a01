namespace KanPde.Core.Networks;

/// <summary>The reverse sweep: adjoints of every carried channel, in closed form.</summary>
internal sealed partial class KanPointwiseWorkspace
{
    public void Backward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> adjoints)
    {
        if (adjoints.Length < _count * _c)
        {
            throw new ArgumentException("Adjoint buffer too short.", nameof(adjoints));
        }

        _accumulator ??= new double[_net.ParameterCount];
        var sink = new DenseSink(_accumulator);
        for (int p = 0; p < _count; p++)
        {
            BackwardPoint(parameters, adjoints, p, ref sink);
        }
    }

    public void CollectGradient(Span<double> gradient)
    {
        if (_accumulator is null)
        {
            return;
        }

        System.Numerics.Tensors.TensorPrimitives.Add(gradient, _accumulator, gradient);
        Array.Clear(_accumulator);
    }

    public void JacobianRows(ReadOnlySpan<double> parameters, ReadOnlySpan<double> weights, Span<int> indices, Span<double> values)
    {
        if (indices.Length < _count * RowLength || values.Length < _count * RowLength || weights.Length < _count * _c)
        {
            throw new ArgumentException("Row buffers too short.");
        }

        for (int p = 0; p < _count; p++)
        {
            var sink = new RowSink(indices.Slice(p * RowLength, RowLength), values.Slice(p * RowLength, RowLength));
            BackwardPoint(parameters, weights, p, ref sink);
        }
    }

    private void BackwardPoint<TSink>(ReadOnlySpan<double> parameters, ReadOnlySpan<double> adjoints, int p, ref TSink sink)
        where TSink : IParameterSink, allows ref struct
    {
        Span<double> adjOut = _adjA;
        Span<double> adjIn = _adjB;
        for (int c = 0; c < _c; c++)
        {
            adjOut[c] = adjoints[c * _count + p];
        }

        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            sink.Seek(_rowOffsets[l]); // rows list the layers first to last, so their indices increase
            BackwardLayer(parameters, l, p, adjOut, adjIn, ref sink);
            Span<double> swap = adjOut;
            adjOut = adjIn;
            adjIn = swap;
        }
    }

    // adjOut: adjoints of this layer's outputs [o * C + c]; adjIn receives those of its inputs (l > 0).
    private void BackwardLayer<TSink>(ReadOnlySpan<double> parameters, int l, int p, ReadOnlySpan<double> adjOut, Span<double> adjIn, ref TSink sink)
        where TSink : IParameterSink, allows ref struct
    {
        KanLayer layer = _layers[l];
        int nIn = layer.InputCount, nOut = layer.OutputCount, w = layer.Order + 1;
        int order = _forwardOrder;
        bool needInputs = l > 0;
        ReadOnlySpan<double> a = _act[l].AsSpan(p * nIn * _c, nIn * _c);
        if (needInputs)
        {
            adjIn[..(nIn * _c)].Clear();
        }

        for (int i = 0; i < nIn; i++)
        {
            int node = p * nIn + i;
            ReadOnlySpan<double> ai = a.Slice(i * _c, _c);
            ReadOnlySpan<double> basis = _basis[l].AsSpan(node * Derivs * w, Derivs * w);
            ReadOnlySpan<double> silu = _silu[l].AsSpan(node * Derivs, Derivs);
            ReadOnlySpan<double> spline = _spline[l].AsSpan(node * nOut * Derivs, nOut * Derivs);
            int start = _start[l][node];

            Span<double> adjI = needInputs ? adjIn.Slice(i * _c, _c) : default;
            for (int o = 0; o < nOut; o++)
            {
                ReadOnlySpan<double> bar = adjOut.Slice(o * _c, _c);
                // λ_r = adjoint of φ⁽ʳ⁾(a) for this edge.
                double l0 = bar[0], l1 = 0, l2 = 0;
                for (int f = 1; f <= _f; f++)
                {
                    l1 += bar[f] * ai[f];
                }

                for (int s = 0; s < _s; s++)
                {
                    int ch = 1 + _f + s;
                    l1 += bar[ch] * ai[ch];
                    l2 += bar[ch] * ai[1 + _pairA[s]] * ai[1 + _pairB[s]];
                }

                int wbIndex = layer.BaseWeightIndex(i, o), wsIndex = layer.SplineScaleIndex(i, o);
                double wb = parameters[wbIndex], ws = parameters[wsIndex];
                ReadOnlySpan<double> so = spline.Slice(o * Derivs, Derivs);
                int coefficient = layer.CoefficientIndex(i, start, o);
                for (int m = 0; m < w; m++)
                {
                    double g = l0 * basis[m];
                    if (order >= 1)
                    {
                        g += l1 * basis[w + m];
                    }

                    if (order >= 2)
                    {
                        g += l2 * basis[2 * w + m];
                    }

                    sink.Add(coefficient + m, ws * g);
                }

                double gb = l0 * silu[0], gs = l0 * so[0];
                if (order >= 1)
                {
                    gb += l1 * silu[1];
                    gs += l1 * so[1];
                }

                if (order >= 2)
                {
                    gb += l2 * silu[2];
                    gs += l2 * so[2];
                }

                sink.Add(wbIndex, gb);
                sink.Add(wsIndex, gs);
                if (!needInputs)
                {
                    continue;
                }

                double phi1 = wb * silu[1] + ws * so[1];
                double phi2 = order >= 1 ? wb * silu[2] + ws * so[2] : 0;
                double phi3 = order >= 2 ? wb * silu[3] + ws * so[3] : 0;
                adjI[0] += l0 * phi1 + l1 * phi2 + l2 * phi3;
                for (int f = 1; f <= _f; f++)
                {
                    adjI[f] += phi1 * bar[f];
                }

                for (int s = 0; s < _s; s++)
                {
                    int ch = 1 + _f + s;
                    double hb = bar[ch];
                    adjI[1 + _pairA[s]] += hb * phi2 * ai[1 + _pairB[s]];
                    adjI[1 + _pairB[s]] += hb * phi2 * ai[1 + _pairA[s]];
                    adjI[ch] += phi1 * hb;
                }
            }
        }
    }
}
