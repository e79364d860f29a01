using System.Numerics.Tensors;

using KanPde.Core.LinearAlgebra;

namespace KanPde.Core.Optimization;

/// <summary>
/// Limited-memory BFGS with a strong-Wolfe line search (Nocedal and Wright, Numerical Optimization,
/// algorithms 7.4 and 3.5–3.6). It has no tolerance on gradients or changes: it iterates until its
/// budget is spent, and reports <see cref="OptimizerStep.Stalled"/> only when neither the quasi-Newton
/// direction nor steepest descent can lower the loss at machine precision.
/// </summary>
public sealed class Lbfgs : IOptimizer
{
    private readonly IObjective _objective;
    private readonly int _memory;
    private readonly double _initialStep;
    private readonly List<(double[] S, double[] Y, double Rho)> _pairs = new();
    private readonly double[] _g, _d, _xNew, _gNew, _alpha;
    private double _f = double.NaN;
    private bool _started;

    /// <summary>
    /// L-BFGS keeping <paramref name="memory"/> curvature pairs; <paramref name="initialStep"/> scales the
    /// first iteration's steepest-descent step (x moves by at most that much in norm; default 1).
    /// </summary>
    public Lbfgs(IObjective objective, int memory = 100, double? initialStep = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentOutOfRangeException.ThrowIfLessThan(memory, 1);
        _objective = objective;
        _memory = memory;
        _initialStep = initialStep ?? 1.0;
        if (!(_initialStep > 0) || !double.IsFinite(_initialStep))
        {
            throw new ArgumentOutOfRangeException(nameof(initialStep), "The initial step must be positive.");
        }

        int n = objective.Dimension;
        _g = new double[n];
        _d = new double[n];
        _xNew = new double[n];
        _gNew = new double[n];
        _alpha = new double[memory];
    }

    /// <inheritdoc />
    /// <remarks>x must be the point the previous iteration returned: its loss and gradient are reused.</remarks>
    public OptimizerStep Step(Span<double> x)
    {
        int evaluations = 0;
        if (!_started)
        {
            _f = _objective.Evaluate(x, _g);
            evaluations++;
            _started = true;
        }

        if (!double.IsFinite(_f))
        {
            return new OptimizerStep(_f, evaluations, false);
        }

        bool steepest = _pairs.Count == 0;
        if (!steepest)
        {
            Direction();
            steepest = !(Reduction.Dot(_d, _g) < 0);
        }

        for (int attempt = 0; attempt < 2; attempt++)
        {
            double step = 1.0;
            if (steepest)
            {
                TensorPrimitives.Negate(_g, _d);
                double norm = Reduction.Norm(_d);
                step = norm > 0 ? Math.Min(1.0, _initialStep / norm) : 0;
                if (_pairs.Count > 0)
                {
                    _pairs.Clear(); // the memory gave no descent: start afresh
                }
            }

            LineSearch.Result search = LineSearch.StrongWolfe(_objective, x, _f, _g, _d, step, _xNew, _gNew);
            evaluations += search.Evaluations;
            if (search.Improved)
            {
                Remember(x, search.Loss);
                return new OptimizerStep(_f, evaluations, false);
            }

            if (steepest)
            {
                break;
            }

            steepest = true;
        }

        return new OptimizerStep(_f, evaluations, Stalled: true);
    }

    // Accept x_new: store s = x_new − x, y = g_new − g when the curvature condition sᵀy > 0 holds.
    private void Remember(Span<double> x, double loss)
    {
        int n = x.Length;
        (double[] s, double[] y, double _) = _pairs.Count == _memory ? _pairs[0] : (new double[n], new double[n], 0);
        if (_pairs.Count == _memory)
        {
            _pairs.RemoveAt(0);
        }

        TensorPrimitives.Subtract(_xNew, x, s);
        TensorPrimitives.Subtract(_gNew, _g, y);
        double sy = Reduction.Dot(s, y);
        if (sy > 1e-300 && double.IsFinite(sy))
        {
            _pairs.Add((s, y, 1 / sy));
        }

        _xNew.CopyTo(x);
        _gNew.CopyTo(_g, 0);
        _f = loss;
    }

    // d = −H·g by the two-loop recursion, H₀ = (sᵀy / yᵀy)·I from the newest pair.
    private void Direction()
    {
        _g.CopyTo(_d, 0);
        for (int i = _pairs.Count - 1; i >= 0; i--)
        {
            (double[] s, double[] y, double rho) = _pairs[i];
            _alpha[i] = rho * Reduction.Dot(s, _d);
            TensorPrimitives.FusedMultiplyAdd(y, -_alpha[i], _d, _d);
        }

        (double[] sl, double[] yl, double _) = _pairs[^1];
        TensorPrimitives.Multiply(_d, Reduction.Dot(sl, yl) / Reduction.Dot(yl, yl), _d);
        for (int i = 0; i < _pairs.Count; i++)
        {
            (double[] s, double[] y, double rho) = _pairs[i];
            double beta = rho * Reduction.Dot(y, _d);
            TensorPrimitives.FusedMultiplyAdd(s, _alpha[i] - beta, _d, _d);
        }

        TensorPrimitives.Negate(_d, _d);
    }
}
