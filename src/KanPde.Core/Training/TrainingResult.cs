using KanPde.Core.Networks;

namespace KanPde.Core.Training;

/// <summary>How training ended.</summary>
public enum TrainingStatus
{
    /// <summary>Every planned step ran.</summary>
    Completed,

    /// <summary>The loss stopped being finite; the model kept is the last one with a finite loss.</summary>
    Diverged,

    /// <summary>Stopped on request before the plan was done; the model kept is the last one reached.</summary>
    Cancelled,
}

/// <summary>Errors of a model against the exact solution on the evaluation grid.</summary>
/// <param name="Mse">mean (u − exact)².</param>
/// <param name="RelativeL2">‖u − exact‖₂ / ‖exact‖₂; NaN when the exact solution is zero on every point (there is no
/// relative error then: see <see cref="RootMeanSquare"/>).</param>
/// <param name="MaxAbsError">max |u − exact|.</param>
public sealed record ErrorMetrics(double Mse, double RelativeL2, double MaxAbsError)
{
    /// <summary>The absolute L2 error per point, √mse = ‖u − exact‖₂ / √N.</summary>
    public double RootMeanSquare => Math.Sqrt(Mse);
}

/// <summary>One optimizer step: a row of history.csv.</summary>
/// <param name="Step">1-based step over the whole run.</param>
/// <param name="Stage">0-based stage of the schedule.</param>
/// <param name="Grid">The KAN's grid in that stage; null for an MLP.</param>
/// <param name="Loss">Training loss after the step.</param>
/// <param name="EquationLoss">Mean squared residual of the equation (unweighted).</param>
/// <param name="ConditionLoss">Σ_c weight_c · mean squared residual of condition c.</param>
/// <param name="Mse">Error on the evaluation grid, when measured at this step.</param>
/// <param name="RelativeL2">Relative L2 error, when measured at this step.</param>
/// <param name="Seconds">Wall-clock time since training began.</param>
public sealed record StepRecord(int Step, int Stage, int? Grid, double Loss, double EquationLoss, double ConditionLoss,
    double? Mse, double? RelativeL2, double Seconds)
{
    /// <summary>The trainable constants of a system (<see cref="Networks.SystemNetwork"/>) after the step, in order; empty otherwise.</summary>
    public IReadOnlyList<double> Constants { get; init; } = [];
}

/// <summary>The state at the end of one stage of the schedule.</summary>
/// <param name="Grid">The KAN's grid in the stage; null for an MLP.</param>
/// <param name="Steps">Steps taken in the stage.</param>
/// <param name="Parameters">Trainable parameters in the stage.</param>
/// <param name="Seconds">Training time of the stage.</param>
/// <param name="Loss">Loss at its end.</param>
/// <param name="Errors">Errors at its end, when an exact solution is known.</param>
/// <param name="Optimizer">The stage's optimizer.</param>
/// <param name="Reason">Why the stage ended.</param>
public sealed record StageResult(int? Grid, int Steps, int Parameters, double Seconds, double Loss, ErrorMetrics? Errors,
    OptimizerKind Optimizer, StageEndReason Reason);

/// <summary>Everything a run reports about one trained model.</summary>
/// <param name="Model">Which kind of model was trained.</param>
/// <param name="Status">How training ended.</param>
/// <param name="DivergedAtStep">The step whose loss was not finite, when diverged.</param>
/// <param name="Network">The trained network (for a diverged run, the last one with a finite loss).</param>
/// <param name="Width">Neurons per layer.</param>
/// <param name="Parameters">Trainable parameters of the final network.</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="Evaluations">Loss-and-gradient (or residual-and-Jacobian) evaluations over all points.</param>
/// <param name="Seconds">Wall-clock training time.</param>
/// <param name="Loss">Final training loss.</param>
/// <param name="EquationLoss">Its equation part (mean squared residual, unweighted).</param>
/// <param name="ConditionLoss">Its condition part (Σ weight·mean squared residual).</param>
/// <param name="Errors">Errors against the exact solution, when one is known.</param>
/// <param name="Stages">One entry per stage (one for an MLP).</param>
/// <param name="History">One entry per step.</param>
/// <param name="Optimizers">The optimizer of each stage.</param>
public sealed record TrainingResult(
    ModelKind Model,
    TrainingStatus Status,
    int? DivergedAtStep,
    INetwork Network,
    IReadOnlyList<int> Width,
    int Parameters,
    int Steps,
    int Evaluations,
    double Seconds,
    double Loss,
    double EquationLoss,
    double ConditionLoss,
    ErrorMetrics? Errors,
    IReadOnlyList<StageResult> Stages,
    IReadOnlyList<StepRecord> History,
    IReadOnlyList<OptimizerKind> Optimizers)
{
    /// <summary>
    /// How many times the model was trained from a fresh start to give this result (more than 1 when automatic training
    /// restarted from another initialisation after a run that barely lowered its loss); the figures are those of the best
    /// attempt, except <see cref="Seconds"/>, which counts all of them.
    /// </summary>
    public int Attempts { get; init; } = 1;
}
