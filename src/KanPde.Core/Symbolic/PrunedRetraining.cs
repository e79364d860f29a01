using KanPde.Core.Optimization;
using KanPde.Core.Training;

namespace KanPde.Core.Symbolic;

/// <summary>A short retraining of a pruned KAN on its loss, with the pruned edges held at exactly zero.</summary>
public static class PrunedRetraining
{
    /// <summary>
    /// <paramref name="steps"/> Levenberg–Marquardt steps on the PINN loss of <paramref name="terms"/> (the pruned
    /// edges' parameters frozen); returns the retrained copy and its loss. Stops early when no step lowers the loss.
    /// </summary>
    public static (PrunedKan Network, double Loss) Retrain(PrunedKan pruned, IReadOnlyList<LossTerm> terms, int steps)
    {
        ArgumentNullException.ThrowIfNull(pruned);
        ArgumentNullException.ThrowIfNull(terms);
        var network = pruned.Network.Clone();
        var loss = new PinnLoss(network, terms);
        double value = loss.Evaluate(network.Parameters, default);
        if (steps <= 0)
        {
            return (pruned with { Network = network }, value);
        }

        var optimizer = new LevenbergMarquardt(new MaskedObjective(loss, pruned.FrozenParameters()));
        double[] best = (double[])network.Parameters.Clone();
        for (int k = 0; k < steps; k++)
        {
            OptimizerStep step = optimizer.Step(network.Parameters);
            if (!double.IsFinite(step.Loss))
            {
                break;
            }

            if (step.Loss < value)
            {
                value = step.Loss;
                network.Parameters.CopyTo(best, 0);
            }

            if (step.Stalled)
            {
                break;
            }
        }

        best.CopyTo(network.Parameters, 0);
        return (pruned with { Network = network }, value);
    }
}
