using KanPde.Core.Parallelism;
using KanPde.Core.Sampling;
using KanPde.Core.Splines;

namespace KanPde.Core.Networks;

/// <summary>Grid extension and grid update: new knots, with the splines refitted so the function is kept.</summary>
public sealed partial class KanNetwork
{
    /// <summary>
    /// Grid extension G → G′ (the KAN paper's eq. 2.16): every spline moves to G′ intervals on the same
    /// range, its coefficients fitted by least squares to the old spline at dense samples of that range.
    /// When the new grid nests the old one (G′ a multiple of G on a uniform grid) the fit is exact; w_b and
    /// w_s are kept.
    /// </summary>
    public KanNetwork ExtendGrid(int intervals)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervals, 1);
        return Refit(intervals, (l, i, old) =>
        {
            KnotVector knots = old.IsUniform
                ? KnotVector.Uniform(old.Low, old.High, intervals, old.Order)
                : KnotVector.FromGrid(Resample(old.GridPoints, intervals), old.Order);
            return (knots, UniformSamples(old.Low, old.High, 8 * (intervals + old.Order) + 1));
        });
    }

    /// <summary>
    /// Grid update: the knots of every hidden layer's inputs are moved to span the values those inputs take
    /// at <paramref name="points"/> (widened by <paramref name="margin"/> of the span on each side), and the
    /// splines are refitted by least squares to the old ones at those values and at uniform samples of the
    /// new range. The first layer keeps its grid, which always spans the problem's domain.
    /// </summary>
    public KanNetwork UpdateGrids(PointSet points, double margin = 0.01)
    {
        ArgumentNullException.ThrowIfNull(points);
        double[][][] inputs = LayerInputs(points);
        return Refit(Intervals, (l, i, old) =>
        {
            if (l == 0)
            {
                return (old, UniformSamples(old.Low, old.High, 8 * old.BasisCount + 1));
            }

            double[] seen = inputs[l][i].Where(double.IsFinite).ToArray();
            if (seen.Length == 0)
            {
                return (old, UniformSamples(old.Low, old.High, 8 * old.BasisCount + 1));
            }

            double low = seen.Min(), high = seen.Max();
            double pad = Math.Max(margin * (high - low), 1e-6 * Math.Max(1, Math.Abs(high) + Math.Abs(low)));
            low -= pad;
            high += pad;
            var knots = KnotVector.Uniform(low, high, old.Intervals, old.Order);
            double[] samples = [.. Subsample(seen, 4096), .. UniformSamples(low, high, 8 * knots.BasisCount + 1)];
            return (knots, samples);
        });
    }

    /// <summary>The values each layer's inputs take at the points: result[layer][input][point].</summary>
    public double[][][] LayerInputs(PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Dimension != InputCount)
        {
            throw new ArgumentException("Points of the wrong dimension.", nameof(points));
        }

        var result = _layers.Select(layer => Enumerable.Range(0, layer.InputCount).Select(_ => new double[points.Count]).ToArray()).ToArray();
        var valueOnly = Derivatives.DerivativeSet.ValueOnly(InputCount);
        NetworkEvaluation.ForEachBlock(this, points, () => new KanWorkspace(this, valueOnly, PreferredBlockSize), (ws, start, count, _) =>
        {
            for (int l = 0; l < _layers.Length; l++)
            {
                for (int i = 0; i < _layers[l].InputCount; i++)
                {
                    for (int p = 0; p < count; p++)
                    {
                        result[l][i][start + p] = ws.LayerInput(l, i, p);
                    }
                }
            }
        });
        return result;
    }

    private delegate (KnotVector Knots, double[] Samples) KnotChoice(int layer, int input, KnotVector old);

    private KanNetwork Refit(int intervals, KnotChoice choose)
    {
        var layers = new KanLayer[_layers.Length];
        var parameters = new double[CountParameters(_widths, intervals, Order)];
        int offset = 0;
        for (int l = 0; l < _layers.Length; l++)
        {
            KanLayer old = _layers[l];
            var grids = new KnotVector[old.InputCount];
            var samples = new double[old.InputCount][];
            for (int i = 0; i < old.InputCount; i++)
            {
                (grids[i], samples[i]) = choose(l, i, old.Grids[i]);
            }

            var layer = new KanLayer(old.OutputCount, grids, offset);
            layers[l] = layer;
            offset += layer.ParameterCount;
            // Each input's splines are refitted on their own (a QR least squares each): in parallel, each
            // writing only its own coefficients.
            WorkerTeam.Shared.Run(old.InputCount, i => RefitInput(old, layer, grids[i], samples[i], i, parameters));
        }

        return new KanNetwork(Domain, layers, parameters);
    }

    // Input i's edges on the new knots: the least-squares fit to the old splines at the samples; w_b, w_s kept.
    private void RefitInput(KanLayer old, KanLayer layer, KnotVector knots, double[] x, int i, double[] parameters)
    {
        int nOut = old.OutputCount;
        Span<double> spline = stackalloc double[1];
        var y = new double[x.Length * nOut];
        var coefficients = new double[knots.BasisCount * nOut];
        var oldCoefficients = new double[old.BasisCount];
        for (int o = 0; o < nOut; o++)
        {
            for (int m = 0; m < old.BasisCount; m++)
            {
                oldCoefficients[m] = Parameters[old.CoefficientIndex(i, m, o)];
            }

            for (int p = 0; p < x.Length; p++)
            {
                BSplineBasis.EvaluateSpline(old.Grids[i], oldCoefficients, x[p], 0, spline);
                y[p * nOut + o] = spline[0];
            }

            parameters[layer.BaseWeightIndex(i, o)] = Parameters[old.BaseWeightIndex(i, o)];
            parameters[layer.SplineScaleIndex(i, o)] = Parameters[old.SplineScaleIndex(i, o)];
        }

        SplineFit.LeastSquares(knots, x, y, nOut, coefficients);
        for (int m = 0; m < knots.BasisCount; m++)
        {
            for (int o = 0; o < nOut; o++)
            {
                parameters[layer.CoefficientIndex(i, m, o)] = coefficients[m * nOut + o];
            }
        }
    }

    private static double[] UniformSamples(double low, double high, int count) =>
        Enumerable.Range(0, count).Select(q => low + (high - low) * q / (count - 1)).ToArray();

    private static double[] Subsample(double[] values, int max)
    {
        if (values.Length <= max)
        {
            return values;
        }

        double[] sorted = values.Order().ToArray();
        return Enumerable.Range(0, max).Select(q => sorted[(int)((long)q * (sorted.Length - 1) / (max - 1))]).ToArray();
    }

    // Piecewise-linear resampling of a non-uniform grid onto G′ intervals (keeps its shape, refines it).
    private static double[] Resample(ReadOnlySpan<double> grid, int intervals)
    {
        var result = new double[intervals + 1];
        int g = grid.Length - 1;
        for (int q = 0; q <= intervals; q++)
        {
            double u = (double)q * g / intervals;
            int j = Math.Min((int)u, g - 1);
            result[q] = grid[j] + (u - j) * (grid[j + 1] - grid[j]);
        }

        return result;
    }
}
