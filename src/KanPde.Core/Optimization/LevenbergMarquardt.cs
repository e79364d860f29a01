using System.Numerics.Tensors;
using KanPde.Core.LinearAlgebra;
using KanPde.Core.Parallelism;
using KanPde.Core.Training;

namespace KanPde.Core.Optimization;

/// <summary>
/// Levenberg–Marquardt for f(x) = Σ rᵢ(x)²: solve (JᵀJ + μ·D)·δ = −Jᵀr with D the diagonal of JᵀJ
/// (floored so flat directions are damped too), accept δ when f drops, and adapt μ by the ratio of
/// actual to predicted reduction (Nielsen's rule: μ ← μ·max(1/3, 1 − (2ρ − 1)³) on success, μ ← μ·ν,
/// ν ← 2ν on failure). One iteration ends at the first accepted step. JᵀJ is formed once per iteration;
/// each damping trial re-factorises it and evaluates the residuals alone (no Jacobian), and only the
/// accepted point's Jacobian rows are computed.
/// </summary>
public sealed class LevenbergMarquardt : IOptimizer
{
    private const int MaxTrials = 30;
    private readonly ILeastSquaresObjective _objective;
    private readonly int _n;
    private readonly NormalEquations _normalEquations;
    private readonly WorkerTeam _team;
    private readonly SparseRows _rows;
    private readonly double[] _r, _trialR, _normal, _system, _g, _delta, _trial, _diagonal;
    private double _f = double.NaN;
    private double _mu;
    private double _nu = 2;
    private bool _started;

    /// <summary>
    /// LM with initial damping <paramref name="initialDamping"/> (default 1e-3), forming and factorising its
    /// normal equations on <paramref name="team"/> (default: the process's shared team; the result does not depend on it).
    /// </summary>
    public LevenbergMarquardt(ILeastSquaresObjective objective, double? initialDamping = null, WorkerTeam? team = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        _objective = objective;
        _n = objective.Dimension;
        _mu = initialDamping ?? 1e-3;
        _rows = objective.CreateRows();
        _team = team ?? WorkerTeam.Shared;
        _normalEquations = new NormalEquations(_team);
        _r = new double[objective.ResidualCount];
        _trialR = new double[objective.ResidualCount];
        _normal = new double[_n * _n];
        _system = new double[_n * _n];
        _g = new double[_n];
        _delta = new double[_n];
        _trial = new double[_n];
        _diagonal = new double[_n];
    }

    /// <summary>The current damping μ.</summary>
    public double Damping => _mu;

    /// <inheritdoc />
    /// <remarks>x must be the point the previous iteration returned: its residuals and Jacobian are reused.</remarks>
    public OptimizerStep Step(Span<double> x)
    {
        int evaluations = 0;
        if (!_started)
        {
            _objective.Residuals(x, _r, _rows);
            _f = Reduction.Dot(_r, _r);
            evaluations++;
            _started = true;
        }

        if (!double.IsFinite(_f))
        {
            return new OptimizerStep(_f, evaluations, false);
        }

        _normalEquations.Accumulate(_rows, _r, _normal, _g);
        double meanDiagonal = 0;
        for (int i = 0; i < _n; i++)
        {
            meanDiagonal += _normal[i * _n + i];
        }

        meanDiagonal = Math.Max(meanDiagonal / _n, 1e-300);
        for (int i = 0; i < _n; i++)
        {
            _diagonal[i] = Math.Max(_normal[i * _n + i], 1e-6 * meanDiagonal);
        }

        for (int trial = 0; trial < MaxTrials; trial++)
        {
            _normal.CopyTo(_system, 0);
            for (int i = 0; i < _n; i++)
            {
                _system[i * _n + i] += _mu * _diagonal[i];
            }

            if (!Cholesky.TryFactor(_system, _n, _team))
            {
                _mu *= 10;
                continue;
            }

            TensorPrimitives.Negate(_g, _delta);
            Cholesky.Solve(_system, _n, _delta);
            // predicted reduction f − ‖r + Jδ‖² = −gᵀδ·2 − δᵀJᵀJδ; with (JᵀJ + μD)δ = −g it is −gᵀδ + μ·δᵀDδ (times 2 for Σr²)
            double predicted = -Reduction.Dot(_g, _delta);
            for (int i = 0; i < _n; i++)
            {
                predicted += _mu * _diagonal[i] * _delta[i] * _delta[i];
            }

            TensorPrimitives.Add(x, _delta, _trial);
            _objective.Residuals(_trial, _trialR, null);
            evaluations++;
            double fTrial = Reduction.Dot(_trialR, _trialR);
            if (double.IsFinite(fTrial) && fTrial < _f)
            {
                double rho = (_f - fTrial) / Math.Max(predicted, 1e-300);
                double shrink = 1 - Math.Pow(2 * rho - 1, 3);
                _mu *= Math.Max(1.0 / 3, double.IsFinite(shrink) ? shrink : 1.0 / 3);
                _mu = Math.Max(_mu, 1e-15);
                _nu = 2;
                _trial.CopyTo(x);
                _objective.Jacobian(x, _r, _rows);
                _f = fTrial;
                return new OptimizerStep(_f, evaluations, false);
            }

            _mu *= _nu;
            _nu *= 2;
            if (_mu > 1e20)
            {
                break;
            }
        }

        return new OptimizerStep(_f, evaluations, Stalled: true);
    }
}
