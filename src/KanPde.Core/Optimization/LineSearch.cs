using System.Numerics.Tensors;

using KanPde.Core.LinearAlgebra;

namespace KanPde.Core.Optimization;

/// <summary>
/// A line search for the strong Wolfe conditions (Nocedal and Wright, algorithms 3.5 and 3.6, with
/// safeguarded cubic interpolation): f(x + a·d) ≤ f + c₁·a·∇fᵀd and |∇f(x + a·d)ᵀd| ≤ c₂·|∇fᵀd|, with
/// c₁ = 1e-4, c₂ = 0.9. Non-finite values count as "too far". When the conditions cannot be met within
/// the budget, the best point with a strictly lower loss is returned, so that progress is never thrown away.
/// </summary>
internal static class LineSearch
{
    private const double C1 = 1e-4, C2 = 0.9;
    private const int MaxEvaluations = 30;

    public readonly record struct Result(bool Improved, double Loss, int Evaluations);

    /// <summary>Searches along d from x (loss f, gradient g); on success xNew, gNew hold the new point.</summary>
    public static Result StrongWolfe(IObjective objective, ReadOnlySpan<double> x, double f, ReadOnlySpan<double> g,
        ReadOnlySpan<double> d, double firstStep, Span<double> xNew, Span<double> gNew)
    {
        double slope0 = Reduction.Dot(g, d);
        if (!(slope0 < 0) || !(firstStep > 0))
        {
            return new Result(false, f, 0);
        }

        var state = new State(objective, x, f, slope0, d, xNew, gNew);
        double aPrev = 0, fPrev = f, slopePrev = slope0, a = firstStep;
        for (int i = 0; i < MaxEvaluations && state.Evaluations < MaxEvaluations; i++)
        {
            (double fa, double slope) = state.At(a);
            if (!double.IsFinite(fa) || fa > f + C1 * a * slope0 || (i > 0 && fa >= fPrev))
            {
                return state.Zoom(aPrev, fPrev, slopePrev, a, fa, slope);
            }

            if (Math.Abs(slope) <= -C2 * slope0)
            {
                return state.Accept();
            }

            if (slope >= 0)
            {
                return state.Zoom(a, fa, slope, aPrev, fPrev, slopePrev);
            }

            aPrev = a;
            fPrev = fa;
            slopePrev = slope;
            a *= 4;
        }

        return state.Best();
    }

    private ref struct State(IObjective objective, ReadOnlySpan<double> x, double f0, double slope0, ReadOnlySpan<double> d,
        Span<double> xNew, Span<double> gNew)
    {
        private readonly ReadOnlySpan<double> _x = x, _d = d;
        private readonly Span<double> _xNew = xNew, _gNew = gNew;
        private double[]? _bestX, _bestG;
        private readonly double _f0 = f0;
        private double _bestA = double.NaN, _bestF = f0, _lastA = double.NaN, _lastF = double.NaN;

        public int Evaluations { get; private set; }

        public (double F, double Slope) At(double a)
        {
            TensorPrimitives.FusedMultiplyAdd(_d, a, _x, _xNew);
            double fa = objective.Evaluate(_xNew, _gNew);
            Evaluations++;
            _lastA = a;
            _lastF = fa;
            double slope = double.IsFinite(fa) ? Reduction.Dot(_gNew, _d) : double.NaN;
            if (double.IsFinite(fa) && fa < _bestF)
            {
                _bestF = fa;
                _bestA = a;
                _bestX ??= new double[_x.Length];
                _bestG ??= new double[_x.Length];
                _xNew.CopyTo(_bestX);
                _gNew.CopyTo(_bestG);
            }

            return (fa, slope);
        }

        // The last point evaluated met both conditions (so its loss is below f0); xNew and gNew hold it.
        public readonly Result Accept() => new(true, _lastF, Evaluations);

        public Result Best()
        {
            if (double.IsNaN(_bestA))
            {
                return new Result(false, _f0, Evaluations);
            }

            if (_bestA != _lastA)
            {
                _bestX!.CopyTo(_xNew);
                _bestG!.CopyTo(_gNew);
            }

            return new Result(true, _bestF, Evaluations);
        }

        // Between a low end (sufficient decrease holds) and a high end: shrink with safeguarded cubic steps.
        public Result Zoom(double aLo, double fLo, double sLo, double aHi, double fHi, double sHi)
        {
            while (Evaluations < MaxEvaluations)
            {
                double a = Interpolate(aLo, fLo, sLo, aHi, fHi, sHi);
                if (!(Math.Abs(aHi - aLo) > 1e-16 * Math.Max(Math.Abs(aLo), Math.Abs(aHi))) || a == aLo || a == aHi)
                {
                    break;
                }

                (double fa, double slope) = At(a);
                if (!double.IsFinite(fa) || fa > _f0 + C1 * a * slope0 || fa >= fLo)
                {
                    (aHi, fHi, sHi) = (a, fa, slope);
                    continue;
                }

                if (Math.Abs(slope) <= -C2 * slope0)
                {
                    return Accept();
                }

                if (slope * (aHi - aLo) >= 0)
                {
                    (aHi, fHi, sHi) = (aLo, fLo, sLo);
                }

                (aLo, fLo, sLo) = (a, fa, slope);
            }

            return Best();
        }

        // Minimiser of the cubic through both ends' values and slopes, kept inside the middle 80 % of the
        // bracket; bisection when an end is not finite or the cubic has no minimiser there.
        private static double Interpolate(double a0, double f0, double s0, double a1, double f1, double s1)
        {
            double lo = Math.Min(a0, a1), hi = Math.Max(a0, a1), width = hi - lo;
            double mid = 0.5 * (lo + hi);
            if (!double.IsFinite(f1) || !double.IsFinite(s1) || !double.IsFinite(s0))
            {
                return mid;
            }

            double d1 = s0 + s1 - 3 * (f0 - f1) / (a0 - a1);
            double disc = d1 * d1 - s0 * s1;
            if (!(disc >= 0))
            {
                return mid;
            }

            double d2 = Math.Sign(a1 - a0) * Math.Sqrt(disc);
            double a = a1 - (a1 - a0) * (s1 + d2 - d1) / (s1 - s0 + 2 * d2);
            if (!double.IsFinite(a))
            {
                return mid;
            }

            return Math.Clamp(a, lo + 0.1 * width, hi - 0.1 * width);
        }
    }
}
