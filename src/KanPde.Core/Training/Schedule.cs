namespace KanPde.Core.Training;

/// <summary>Why a stage of training ended.</summary>
public enum StageEndReason
{
    /// <summary>The stage's own step count was reached.</summary>
    Steps,

    /// <summary>The loss stopped improving by the stage's <see cref="StallRule"/>.</summary>
    Stalled,

    /// <summary>The run's total step budget was spent.</summary>
    MaxSteps,

    /// <summary>The stage's budget of loss evaluations was spent (the MLP baseline gets the KAN's count).</summary>
    MaxEvaluations,

    /// <summary>The loss reached the floating-point floor: no further decrease is possible or meaningful.</summary>
    Floor,

    /// <summary>The loss stopped being finite.</summary>
    Diverged,

    /// <summary>Stopped on request.</summary>
    Cancelled,
}

/// <summary>
/// A stage is stalled at step k when its loss has not fallen below <c>(1 − MinDecrease)</c> times its value
/// <paramref name="Window"/> steps earlier.
/// </summary>
public sealed record StallRule
{
    /// <summary>Creates a rule; the window is at least one step and the decrease lies in (0, 1).</summary>
    public StallRule(int window, double minDecrease)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (!(minDecrease > 0 && minDecrease < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minDecrease), minDecrease, "Must lie strictly between 0 and 1.");
        }

        Window = window;
        MinDecrease = minDecrease;
    }

    /// <summary>Steps between the two losses compared.</summary>
    public int Window { get; }

    /// <summary>The smallest relative decrease over a window that counts as progress.</summary>
    public double MinDecrease { get; }

    /// <summary>Whether the losses of a stage so far (one per step) say it has stalled.</summary>
    public bool IsStalled(IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        int k = losses.Count - 1;
        return k >= Window && !(losses[k] < (1 - MinDecrease) * losses[k - Window]);
    }
}

/// <summary>What a schedule sees when it chooses the next stage.</summary>
/// <param name="Stages">The stages run so far, in order.</param>
/// <param name="Steps">Optimizer steps taken so far.</param>
/// <param name="Grid">The KAN's current grid, or null for an MLP.</param>
/// <param name="InitialLoss">The loss of the initial network.</param>
public sealed record ScheduleState(IReadOnlyList<StageResult> Stages, int Steps, int? Grid, double InitialLoss);

/// <summary>Chooses the stages of a run, one at a time, from what the run has done so far.</summary>
public interface ISchedule
{
    /// <summary>The next stage, or null when training is done.</summary>
    TrainingStage? Next(ScheduleState state);
}

/// <summary>A schedule given in full beforehand: its stages in order.</summary>
public sealed class FixedSchedule : ISchedule
{
    private readonly TrainingStage[] _stages;

    /// <summary>A schedule of these stages, at least one, none with negative steps.</summary>
    public FixedSchedule(IReadOnlyList<TrainingStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Count == 0)
        {
            throw new ArgumentException("Need at least one stage.", nameof(stages));
        }

        _stages = [.. stages];
    }

    /// <summary>The stages.</summary>
    public IReadOnlyList<TrainingStage> Stages => _stages;

    /// <inheritdoc/>
    public TrainingStage? Next(ScheduleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Stages.Count < _stages.Length ? _stages[state.Stages.Count] : null;
    }
}
