using KanPde.Core.Training;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Solving;

/// <summary>
/// What the implementation chooses where docs/problem-format.md leaves it open. Documented in the README with
/// the measurements behind each choice.
/// </summary>
public static class Defaults
{
    /// <summary>The optimizer when neither the stage nor <c>training.optimizer</c> names one.</summary>
    public const OptimizerKind Optimizer = OptimizerKind.Lbfgs;

    /// <summary>
    /// The MLP's optimizer when the file asks for <c>lm</c>: the dense normal matrix of a 20,601-parameter
    /// MLP would take 3.4 GB and a Cholesky factorisation per step, so the baseline uses L-BFGS instead.
    /// </summary>
    public const OptimizerKind MlpInsteadOfLm = OptimizerKind.Lbfgs;

    /// <summary>The MLP's step limit under an evaluation budget (the budget ends it first; this only bounds a run
    /// whose steps would use no evaluations).</summary>
    public const int MlpStepCap = 1_000_000;

    /// <summary>Grid updates: as the file says, or the default schedule when it says nothing.</summary>
    public static GridUpdateSchedule? GridUpdate(KanSpec kan)
    {
        ArgumentNullException.ThrowIfNull(kan);
        return kan.GridUpdate switch
        {
            null => new GridUpdateSchedule(Every: 10, Until: 30),
            { Enabled: false } => null,
            { } update => new GridUpdateSchedule(update.Every, update.Until),
        };
    }

    /// <summary>Measure errors at about 200 steps over the run (and at the end of every stage).</summary>
    public static int ErrorEvery(int totalSteps) => Math.Max(1, totalSteps / 200);
}
