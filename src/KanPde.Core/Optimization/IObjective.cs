using KanPde.Core.Training;

namespace KanPde.Core.Optimization;

/// <summary>A smooth function f: ℝⁿ → ℝ with its gradient.</summary>
public interface IObjective
{
    /// <summary>n.</summary>
    int Dimension { get; }

    /// <summary>f(x), and ∇f(x) into <paramref name="gradient"/> unless it is empty.</summary>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);
}

/// <summary>f(x) = Σ rᵢ(x)² with residuals whose Jacobian rows are sparse (for Gauss–Newton).</summary>
public interface ILeastSquaresObjective : IObjective
{
    /// <summary>Number of residuals.</summary>
    int ResidualCount { get; }

    /// <summary>Storage for the Jacobian rows.</summary>
    SparseRows CreateRows();

    /// <summary>The residuals r(x) and, when <paramref name="rows"/> is given, their Jacobian rows.</summary>
    void Residuals(ReadOnlySpan<double> x, Span<double> residuals, SparseRows? rows);

    /// <summary>
    /// The Jacobian rows (and again the residuals) at a point whose residuals were just evaluated: an
    /// optimizer that tries points by their residuals alone asks for the Jacobian of the one it accepts.
    /// An objective that counts evaluations does not count this one a second time.
    /// </summary>
    void Jacobian(ReadOnlySpan<double> x, Span<double> residuals, SparseRows rows) => Residuals(x, residuals, rows);
}

/// <summary>What one optimizer iteration did.</summary>
/// <param name="Loss">f at the new point; not finite when the iteration met a non-finite loss and could not recover.</param>
/// <param name="Evaluations">Function (or residual) evaluations the iteration used.</param>
/// <param name="Stalled">No decrease was possible at machine precision; further iterations cannot help.</param>
public readonly record struct OptimizerStep(double Loss, int Evaluations, bool Stalled);

/// <summary>An iterative minimizer; its memory (curvature pairs, moments, damping) is its only state.</summary>
public interface IOptimizer
{
    /// <summary>One iteration from <paramref name="x"/>, which is updated in place.</summary>
    OptimizerStep Step(Span<double> x);
}
