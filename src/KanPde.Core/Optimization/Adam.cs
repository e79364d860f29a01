namespace KanPde.Core.Optimization;

/// <summary>
/// Adam (Kingma and Ba 2015): x ← x − α·m̂/(√v̂ + ε), with bias-corrected first and second moments
/// (β₁ = 0.9, β₂ = 0.999, ε = 1e-8). One iteration is one gradient evaluation.
/// </summary>
public sealed class Adam : IOptimizer
{
    private readonly IObjective _objective;
    private readonly double _rate;
    private readonly double[] _m, _v, _g;
    private double _f = double.NaN;
    private int _t;

    /// <summary>Adam with step size <paramref name="learningRate"/> (the usual 1e-3 when null).</summary>
    public Adam(IObjective objective, double? learningRate = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        _objective = objective;
        _rate = learningRate ?? 1e-3;
        if (!(_rate > 0) || !double.IsFinite(_rate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), "The learning rate must be positive.");
        }

        _m = new double[objective.Dimension];
        _v = new double[objective.Dimension];
        _g = new double[objective.Dimension];
    }

    /// <inheritdoc />
    /// <remarks>x must be the point the previous iteration returned: its gradient is reused.</remarks>
    public OptimizerStep Step(Span<double> x)
    {
        const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        int evaluations = 0;
        if (_t == 0)
        {
            _f = _objective.Evaluate(x, _g);
            evaluations++;
        }

        if (!double.IsFinite(_f))
        {
            return new OptimizerStep(_f, evaluations, false);
        }

        _t++;
        double c1 = 1 - Math.Pow(beta1, _t), c2 = 1 - Math.Pow(beta2, _t);
        for (int i = 0; i < x.Length; i++)
        {
            _m[i] = beta1 * _m[i] + (1 - beta1) * _g[i];
            _v[i] = beta2 * _v[i] + (1 - beta2) * _g[i] * _g[i];
            x[i] -= _rate * (_m[i] / c1) / (Math.Sqrt(_v[i] / c2) + epsilon);
        }

        // The loss of the new point, with the gradient the next iteration starts from.
        _f = _objective.Evaluate(x, _g);
        return new OptimizerStep(_f, evaluations + 1, false);
    }
}
