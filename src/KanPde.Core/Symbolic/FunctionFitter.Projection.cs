namespace KanPde.Core.Symbolic;

public static partial class FunctionFitter
{
    /// <summary>
    /// The variable-projection problem of one function on normalised samples t ∈ [−1, 1]: for (α, β) the best c, d
    /// in closed form, and the search over (α, β).
    /// </summary>
    private sealed class Projection(SymbolicFunction function, double[] t, double[] y)
    {
        private readonly double[] _g = new double[t.Length];

        private bool FreeAlpha => function is SymbolicFunction.Sin or SymbolicFunction.Cos or SymbolicFunction.Tan
            or SymbolicFunction.Tanh or SymbolicFunction.Exp;

        private bool FreeBeta => function is not (SymbolicFunction.X or SymbolicFunction.Exp);

        /// <summary>The best grid point (α, β), or null when no grid point is admissible.</summary>
        public (double, double)? Search()
        {
            (double, double)? best = null;
            double bestResidual = double.PositiveInfinity;
            foreach (double alpha in Alphas())
            {
                foreach (double beta in Betas(alpha))
                {
                    double r = Solve(alpha, beta).Residual;
                    if (r < bestResidual)
                    {
                        bestResidual = r;
                        best = (alpha, beta);
                    }
                }
            }

            return best;
        }

        /// <summary>Levenberg–Marquardt on the free ones of (α, β), with the Jacobian of the projected residuals by central differences.</summary>
        public (double Alpha, double Beta) Refine((double Alpha, double Beta) start)
        {
            if (!FreeAlpha && !FreeBeta)
            {
                return start;
            }

            double[] p = [start.Alpha, start.Beta];
            bool[] free = [FreeAlpha, FreeBeta];
            double f = Solve(p[0], p[1]).Residual, mu = 1e-3;
            var r = new double[t.Length];
            var jac = new double[2][];
            for (int iteration = 0; iteration < 100 && f > 0; iteration++)
            {
                Residuals(p[0], p[1], r);
                for (int k = 0; k < 2; k++)
                {
                    jac[k] = new double[t.Length];
                    if (!free[k])
                    {
                        continue;
                    }

                    double step = 1e-6 * Math.Max(1, Math.Abs(p[k]));
                    double[] plus = (double[])p.Clone(), minus = (double[])p.Clone();
                    plus[k] += step;
                    minus[k] -= step;
                    var rp = new double[t.Length];
                    var rm = new double[t.Length];
                    if (!Residuals(plus[0], plus[1], rp) || !Residuals(minus[0], minus[1], rm))
                    {
                        free[k] = false; // at the edge of the domain: hold this parameter
                        continue;
                    }

                    for (int i = 0; i < t.Length; i++)
                    {
                        jac[k][i] = (rp[i] - rm[i]) / (2 * step);
                    }
                }

                double a00 = Dot(jac[0], jac[0]), a01 = Dot(jac[0], jac[1]), a11 = Dot(jac[1], jac[1]);
                double g0 = Dot(jac[0], r), g1 = Dot(jac[1], r);
                bool improved = false;
                for (int trial = 0; trial < 20 && !improved; trial++)
                {
                    double m00 = a00 + mu * Math.Max(a00, 1e-12) + (free[0] ? 0 : 1), m11 = a11 + mu * Math.Max(a11, 1e-12) + (free[1] ? 0 : 1);
                    double det = m00 * m11 - a01 * a01;
                    double d0 = free[0] ? -(m11 * g0 - a01 * g1) / det : 0;
                    double d1 = free[1] ? -(m00 * g1 - a01 * g0) / det : 0;
                    if (!free[0] || !free[1])
                    {
                        d0 = free[0] ? -g0 / m00 : 0;
                        d1 = free[1] ? -g1 / m11 : 0;
                    }

                    double fTrial = Solve(p[0] + d0, p[1] + d1).Residual;
                    if (fTrial < f)
                    {
                        improved = true;
                        double gain = (f - fTrial) / Math.Max(f, 1e-300);
                        p[0] += d0;
                        p[1] += d1;
                        f = fTrial;
                        mu = Math.Max(mu / 3, 1e-12);
                        if (gain < 1e-14)
                        {
                            return (p[0], p[1]);
                        }
                    }
                    else
                    {
                        mu *= 4;
                    }
                }

                if (!improved)
                {
                    break;
                }
            }

            return (p[0], p[1]);
        }

        /// <summary>The best c, d for (α, β) and the residual sum of squares (+∞ outside the domain).</summary>
        public (double C, double D, double Residual) Solve(double alpha, double beta)
        {
            if (!Admissible(alpha, beta))
            {
                return (0, 0, double.PositiveInfinity);
            }

            int n = t.Length;
            double gm = 0, ym = 0;
            for (int i = 0; i < n; i++)
            {
                _g[i] = SymbolicFunctions.Apply(function, alpha * t[i] + beta);
                gm += _g[i];
                ym += y[i];
            }

            gm /= n;
            ym /= n;
            double sgg = 0, sgy = 0;
            for (int i = 0; i < n; i++)
            {
                sgg += (_g[i] - gm) * (_g[i] - gm);
                sgy += (_g[i] - gm) * (y[i] - ym);
            }

            if (!double.IsFinite(sgg) || !double.IsFinite(sgy))
            {
                return (0, 0, double.PositiveInfinity);
            }

            double c = sgg > 0 ? sgy / sgg : 0, d = ym - c * gm, residual = 0;
            for (int i = 0; i < n; i++)
            {
                double e = y[i] - c * _g[i] - d;
                residual += e * e;
            }

            return (c, d, residual);
        }

        private bool Residuals(double alpha, double beta, double[] r)
        {
            (double c, double d, double residual) = Solve(alpha, beta);
            if (!double.IsFinite(residual))
            {
                return false;
            }

            for (int i = 0; i < t.Length; i++)
            {
                r[i] = y[i] - c * _g[i] - d;
            }

            return true;
        }

        // z = α·t + β over t ∈ [−1, 1] must stay inside the domain, with a margin from poles and edges.
        private bool Admissible(double alpha, double beta) => function switch
        {
            SymbolicFunction.Inverse => Math.Abs(beta) - Math.Abs(alpha) > 1e-3,
            SymbolicFunction.Sqrt => beta - Math.Abs(alpha) >= 0,
            SymbolicFunction.Log => beta - Math.Abs(alpha) > 1e-3,
            SymbolicFunction.Tan => Math.Abs(beta) + Math.Abs(alpha) < Math.PI / 2 - 1e-3,
            SymbolicFunction.Exp => Math.Abs(alpha) <= 30,
            _ => double.IsFinite(alpha) && double.IsFinite(beta),
        };

        private IEnumerable<double> Alphas() => function switch
        {
            SymbolicFunction.Sin or SymbolicFunction.Cos => Range(0.1, 6 * Math.PI, 90),
            SymbolicFunction.Tanh => Geometric(0.05, 20, 40),
            SymbolicFunction.Tan => Range(0.05, 1.5, 30),
            SymbolicFunction.Exp => Range(-10, 10, 81).Where(a => a != 0),
            SymbolicFunction.Sqrt or SymbolicFunction.Log => [-1, 1],
            _ => [1],
        };

        private IEnumerable<double> Betas(double alpha) => function switch
        {
            SymbolicFunction.Sin or SymbolicFunction.Cos => Range(-Math.PI, Math.PI * 23 / 24, 48),
            SymbolicFunction.Tanh => Range(-alpha - 3, alpha + 3, 41),
            SymbolicFunction.Tan => Range(-1.5, 1.5, 31),
            SymbolicFunction.X2 or SymbolicFunction.X3 or SymbolicFunction.X4 or SymbolicFunction.Abs => Range(-3, 3, 121),
            SymbolicFunction.Inverse => [.. Geometric(1.002, 50, 60), .. Geometric(1.002, 50, 60).Select(b => -b)],
            SymbolicFunction.Sqrt => Geometric(1, 50, 60),
            SymbolicFunction.Log => Geometric(1.002, 50, 60),
            _ => [0],
        };

        private static IEnumerable<double> Range(double low, double high, int count) =>
            Enumerable.Range(0, count).Select(q => low + (high - low) * q / (count - 1));

        private static IEnumerable<double> Geometric(double low, double high, int count) =>
            Enumerable.Range(0, count).Select(q => low * Math.Pow(high / low, (double)q / (count - 1)));

        private static double Dot(double[] a, double[] b)
        {
            double s = 0;
            for (int i = 0; i < a.Length; i++)
            {
                s += a[i] * b[i];
            }

            return s;
        }
    }
}
