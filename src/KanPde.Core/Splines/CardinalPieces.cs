namespace KanPde.Core.Splines;

/// <summary>
/// The polynomial pieces of the uniform (cardinal) B-spline of order k. On a uniform knot interval
/// [t_j, t_j + h) with local coordinate f = (x − t_j)/h ∈ [0, 1), basis B_{j−k+m} equals piece k − m of
/// the cardinal B-spline, a fixed polynomial in f. Built exactly from the recurrence
/// N_k(s) = s/k·N_{k−1}(s) + (k+1−s)/k·N_{k−1}(s−1).
/// </summary>
internal static class CardinalPieces
{
    private const int MaxOrder = 12;
    private static readonly double[]?[] Cache = new double[MaxOrder + 1][];

    /// <summary>
    /// Coefficients for order k: <c>table[m * (k+1) + q]</c> is the coefficient of f^q in the value of
    /// the window's basis m (m = 0 … k).
    /// </summary>
    public static double[] For(int k)
    {
        if ((uint)k > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(k), $"Spline order must be at most {MaxOrder}.");
        }

        return Cache[k] ??= Build(k);
    }

    /// <summary>
    /// Effectively <c>values[r * (k+1) + m] = dʳ/dxʳ B_{j−k+m}</c> at local coordinate f, where
    /// <paramref name="inverseSpacing"/> = 1/h.
    /// </summary>
    public static void Evaluate(int k, double f, double inverseSpacing, int derivatives, Span<double> values)
    {
        double[] table = For(k);
        int width = k + 1;
        for (int m = 0; m < width; m++)
        {
            ReadOnlySpan<double> c = table.AsSpan(m * width, width);
            // Horner's scheme carrying the first three derivatives.
            double p0 = c[k], p1 = 0, p2 = 0, p3 = 0;
            for (int q = k - 1; q >= 0; q--)
            {
                p3 = p3 * f + p2;
                p2 = p2 * f + p1;
                p1 = p1 * f + p0;
                p0 = p0 * f + c[q];
            }

            values[m] = p0;
            if (derivatives >= 1)
            {
                values[width + m] = p1 * inverseSpacing;
            }

            if (derivatives >= 2)
            {
                values[2 * width + m] = 2 * p2 * inverseSpacing * inverseSpacing;
            }

            if (derivatives >= 3)
            {
                values[3 * width + m] = 6 * p3 * inverseSpacing * inverseSpacing * inverseSpacing;
            }
        }
    }

    private static double[] Build(int k)
    {
        // pieces[p] = polynomial in f of N_d on [p, p+1), for the current degree d.
        var pieces = new List<double[]> { new[] { 1.0 } };
        for (int d = 1; d <= k; d++)
        {
            var next = new List<double[]>(d + 1);
            for (int p = 0; p <= d; p++)
            {
                var poly = new double[d + 1];
                // s/d · N_{d−1}(s) with s = p + f, piece p of N_{d−1}
                if (p <= d - 1)
                {
                    AddScaledLinear(poly, pieces[p], p / (double)d, 1.0 / d);
                }

                // (d+1−s)/d · N_{d−1}(s−1), piece p−1 of N_{d−1}
                if (p >= 1)
                {
                    AddScaledLinear(poly, pieces[p - 1], (d + 1 - p) / (double)d, -1.0 / d);
                }

                next.Add(poly);
            }

            pieces = next;
        }

        int width = k + 1;
        var table = new double[width * width];
        for (int m = 0; m < width; m++)
        {
            pieces[k - m].CopyTo(table, m * width);
        }

        return table;
    }

    // poly += (c0 + c1·f) · source
    private static void AddScaledLinear(double[] poly, double[] source, double c0, double c1)
    {
        for (int q = 0; q < source.Length; q++)
        {
            poly[q] += c0 * source[q];
            poly[q + 1] += c1 * source[q];
        }
    }
}
