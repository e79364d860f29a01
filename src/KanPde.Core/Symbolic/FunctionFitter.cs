namespace KanPde.Core.Symbolic;

/// <summary>
/// Fits c·f(a·x + b) + d to samples (x, y) by least squares, for each function of the library, and picks one by a
/// documented rule (<see cref="SelectionRule"/>).
/// </summary>
/// <remarks>
/// The fit works on t = (x − m)/h ∈ [−1, 1] (m, h the centre and half-width of the samples) with z = α·t + β, so
/// the search does not depend on the units of x. For fixed (α, β) the best c and d solve a 2×2 linear
/// least-squares problem in closed form (variable projection); (α, β) are found by a coarse grid search and
/// refined by Levenberg–Marquardt on the projected residuals. Parameters that the linear part absorbs are held
/// fixed (α = 1 for powers, |x| and 1/x; α = ±1 for √ and log; β = 0 for exp), so the search is never flat in
/// a direction. Domains are respected: the pole of 1/x and of tan, and the edge of the domains of √ and log, stay
/// outside the samples' range. The result is converted back to x: a = α/h, b = β − α·m/h.
/// </remarks>
public static partial class FunctionFitter
{
    /// <summary>Samples at most this many points (quantiles of x) before fitting.</summary>
    public const int MaxSamples = 600;

    /// <summary>Fits every function of <paramref name="rule"/>'s library and picks one; Chosen is null when none fits.</summary>
    public static EdgeSelection Select(ReadOnlySpan<double> x, ReadOnlySpan<double> y, SelectionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        (double[] xs, double[] ys) = Subsample(x, y);
        var candidates = new List<EdgeFit>();
        if (ys.All(v => v == 0))
        {
            var zero = new EdgeFit(SymbolicFunction.Zero, 0, 0, 0, 0, 1);
            return new EdgeSelection(zero, [zero]);
        }

        foreach (SymbolicFunction f in rule.Library)
        {
            if (f != SymbolicFunction.Zero && FitSamples(f, xs, ys) is { } fit)
            {
                candidates.Add(fit);
            }
        }

        return new EdgeSelection(rule.Choose(candidates), candidates);
    }

    /// <summary>The least-squares fit of c·f(a·x + b) + d to the samples, or null when no admissible (a, b) exists.</summary>
    public static EdgeFit? Fit(SymbolicFunction function, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        (double[] xs, double[] ys) = Subsample(x, y);
        return FitSamples(function, xs, ys);
    }

    private static EdgeFit? FitSamples(SymbolicFunction function, double[] x, double[] y)
    {
        if (x.Length != y.Length || x.Length < 2)
        {
            throw new ArgumentException("Need at least two samples and one y per x.");
        }

        double mean = y.Average();
        double total = y.Sum(v => (v - mean) * (v - mean));
        double scale = y.Max(Math.Abs);
        bool constant = total <= x.Length * Math.Pow(1e-10 * scale, 2);
        double low = x.Min(), high = x.Max();
        double m = 0.5 * (low + high), h = 0.5 * (high - low);
        if (function == SymbolicFunction.Zero)
        {
            return new EdgeFit(function, 0, 0, 0, 0, RSquared(y.Sum(v => v * v), total, constant && scale == 0));
        }

        if (function == SymbolicFunction.Constant || constant || h <= 0)
        {
            return function == SymbolicFunction.Constant || constant
                ? new EdgeFit(SymbolicFunction.Constant, 0, 0, 0, mean, constant ? 1 : 0)
                : null;
        }

        double[] t = [.. x.Select(v => (v - m) / h)];
        var problem = new Projection(function, t, y);
        (double alpha, double beta)? best = problem.Search();
        if (best is not { } start)
        {
            return null;
        }

        (double alpha, double beta) = problem.Refine(start);
        (double c, double d, double residual) = problem.Solve(alpha, beta);
        return new EdgeFit(function, alpha / h, beta - alpha * m / h, c, d, RSquared(residual, total, false));
    }

    private static double RSquared(double residual, double total, bool exact) =>
        exact ? 1 : total > 0 ? 1 - residual / total : 0;

    private static (double[] X, double[] Y) Subsample(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("Need one y per x.");
        }

        double[] xv = x.ToArray(), yv = y.ToArray();
        int[] order = [.. Enumerable.Range(0, xv.Length).Where(i => double.IsFinite(xv[i]) && double.IsFinite(yv[i]))];
        Array.Sort([.. order.Select(i => xv[i])], order);
        if (order.Length > MaxSamples)
        {
            order = [.. Enumerable.Range(0, MaxSamples).Select(q => order[(int)((long)q * (order.Length - 1) / (MaxSamples - 1))])];
        }

        return ([.. order.Select(i => xv[i])], [.. order.Select(i => yv[i])]);
    }
}

/// <summary>The chosen fit of one edge (null: keep the spline) and every candidate that was fitted.</summary>
public sealed record EdgeSelection(EdgeFit? Chosen, IReadOnlyList<EdgeFit> Candidates);
