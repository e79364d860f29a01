namespace KanPde.Core.Splines;

/// <summary>
/// The B-spline basis functions that can be non-zero at a point, with their derivatives, in closed form.
/// At any x only k + 1 basis functions of order k are non-zero; only those are evaluated.
/// </summary>
public static class BSplineBasis
{
    /// <summary>Highest derivative order supported.</summary>
    public const int MaxDerivative = 3;

    /// <summary>
    /// Evaluates the window of k + 1 consecutive basis functions B_start … B_{start+k} at x and their
    /// derivatives: effectively <c>values[r * (k + 1) + m] = dʳ/dxʳ B_{start+m}(x)</c> for
    /// r = 0 … <paramref name="derivatives"/>. The window always lies inside 0 … G+k−1; entries of basis
    /// functions that vanish at x are 0, and outside [t_0, t_{G+2k}) every entry is 0.
    /// </summary>
    /// <returns>The index of the first basis function of the window.</returns>
    public static int Evaluate(KnotVector knots, double x, int derivatives, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(knots);
        int k = knots.Order;
        int width = k + 1;
        if ((uint)derivatives > MaxDerivative)
        {
            throw new ArgumentOutOfRangeException(nameof(derivatives));
        }

        if (values.Length < width * (derivatives + 1))
        {
            throw new ArgumentException("Destination too short.", nameof(values));
        }

        values = values[..(width * (derivatives + 1))];
        int j = knots.FindInterval(x);
        if (j < 0)
        {
            values.Clear();
            return 0;
        }

        if (knots.IsUniform)
        {
            double f = (x - knots[j]) / knots.Spacing;
            CardinalPieces.Evaluate(k, f, 1.0 / knots.Spacing, derivatives, values);
        }
        else
        {
            EvaluateGeneral(knots, j, x, derivatives, values);
        }

        int first = j - k;
        int start = Math.Clamp(first, 0, knots.Intervals - 1);
        if (start != first)
        {
            ShiftWindow(values, width, derivatives, first, start, knots.BasisCount);
        }

        return start;
    }

    /// <summary>
    /// The spline Σ cᵢBᵢ(x) and its first <paramref name="derivatives"/> derivatives:
    /// <c>result[r] = dʳ/dxʳ Σ cᵢBᵢ(x)</c>. Allocation-free; for single points and tests.
    /// </summary>
    public static void EvaluateSpline(KnotVector knots, ReadOnlySpan<double> coefficients, double x, int derivatives, Span<double> result)
    {
        ArgumentNullException.ThrowIfNull(knots);
        if (coefficients.Length != knots.BasisCount)
        {
            throw new ArgumentException($"Expected {knots.BasisCount} coefficients.", nameof(coefficients));
        }

        int width = knots.Order + 1;
        Span<double> basis = stackalloc double[width * (MaxDerivative + 1)];
        int start = Evaluate(knots, x, derivatives, basis);
        for (int r = 0; r <= derivatives; r++)
        {
            double sum = 0;
            for (int m = 0; m < width; m++)
            {
                sum += coefficients[start + m] * basis[r * width + m];
            }

            result[r] = sum;
        }
    }

    // Moves the values of basis functions first..first+k into the window start..start+k, dropping the
    // virtual ones (index < 0 or ≥ basisCount) and zero-filling the rest.
    private static void ShiftWindow(Span<double> values, int width, int derivatives, int first, int start, int basisCount)
    {
        Span<double> row = stackalloc double[width];
        for (int r = 0; r <= derivatives; r++)
        {
            Span<double> dest = values.Slice(r * width, width);
            dest.CopyTo(row);
            dest.Clear();
            for (int m = 0; m < width; m++)
            {
                int i = first + m;
                int target = i - start;
                if (i >= 0 && i < basisCount && (uint)target < (uint)width)
                {
                    dest[target] = row[m];
                }
            }
        }
    }

    // (Any number of derivatives; values has (k+1)·(derivatives+1) entries.)
    // De Boor's triangle on interval j for degrees 0..k, then derivatives as combinations of the
    // lower-degree values: Dʳ N_{i,k} = Σ_l a_l N_{i+l,k−r}, with
    // a ← d·(a_l − a_{l−1}) / (t_{i+l+d} − t_{i+l}) applied for d = k, k−1, …, k−r+1.
    internal static void EvaluateGeneral(KnotVector t, int j, double x, int derivatives, Span<double> values)
    {
        int k = t.Order;
        int width = k + 1;
        // tri[d * width + l] = N_{j-d+l, d}(x), l = 0..d
        Span<double> tri = stackalloc double[width * width];
        tri[0] = 1.0;
        for (int d = 1; d <= k; d++)
        {
            for (int l = 0; l <= d; l++)
            {
                int i = j - d + l;
                double left = l - 1 >= 0 ? tri[(d - 1) * width + l - 1] : 0.0;
                double right = l <= d - 1 ? tri[(d - 1) * width + l] : 0.0;
                double sum = 0;
                double den1 = t[i + d] - t[i];
                if (left != 0 && den1 > 0)
                {
                    sum += (x - t[i]) / den1 * left;
                }

                double den2 = t[i + d + 1] - t[i + 1];
                if (right != 0 && den2 > 0)
                {
                    sum += (t[i + d + 1] - x) / den2 * right;
                }

                tri[d * width + l] = sum;
            }
        }

        tri.Slice(k * width, width).CopyTo(values);
        Span<double> a = stackalloc double[derivatives + 2];
        Span<double> b = stackalloc double[derivatives + 2];
        for (int r = 1; r <= derivatives; r++)
        {
            Span<double> row = values.Slice(r * width, width);
            if (r > k)
            {
                row.Clear();
                continue;
            }

            int low = k - r; // degree of the functions combined
            for (int m = 0; m < width; m++)
            {
                int i = j - k + m;
                a.Clear();
                a[0] = 1.0;
                for (int s = 1; s <= r; s++)
                {
                    int d = k - s + 1;
                    for (int l = 0; l <= s; l++)
                    {
                        double cur = l < s ? a[l] : 0.0;
                        double prev = l > 0 ? a[l - 1] : 0.0;
                        double den = t[i + l + d] - t[i + l];
                        b[l] = den > 0 ? d * (cur - prev) / den : 0.0;
                    }

                    b[..(s + 1)].CopyTo(a);
                }

                double sum = 0;
                for (int l = 0; l <= r; l++)
                {
                    int q = i + l - (j - low); // position in the degree-`low` row
                    if ((uint)q <= (uint)low)
                    {
                        sum += a[l] * tri[low * width + q];
                    }
                }

                row[m] = sum;
            }
        }
    }
}
