namespace KanPde.Core.Training;

/// <summary>
/// The rules of <see cref="AutoSchedule"/>, as data. Each default is measured; the measurements are in the README
/// ("Automatic training").
/// </summary>
/// <param name="StartGrid">The first stage's grid.</param>
/// <param name="MaxGrid">The largest grid the collocation points support (see <see cref="AutoSchedule.LargestGrid"/>).</param>
/// <param name="MaxSteps">Steps over the whole run.</param>
/// <param name="LmParameterLimit">Levenberg–Marquardt while the network has at most this many parameters, L-BFGS beyond
/// (LM factorises a dense normal matrix of that size every step).</param>
/// <param name="LmStall">When an LM stage has stopped making progress.</param>
/// <param name="LbfgsStall">When an L-BFGS stage has stopped making progress.</param>
/// <param name="MinStageGain">The run stops when a grid extension lowered the loss by less than this factor of the
/// previous stage's loss: a finer grid no longer pays.</param>
/// <param name="FloorRatio">A stage ends when its loss falls to this fraction of the initial loss (rounding floor).</param>
/// <param name="Optimizer">The optimizer of every stage when the problem names one; null to choose by size.</param>
public sealed record AutoScheduleSettings(
    int StartGrid,
    int MaxGrid,
    int MaxSteps,
    int LmParameterLimit,
    StallRule LmStall,
    StallRule LbfgsStall,
    double MinStageGain,
    double FloorRatio,
    OptimizerKind? Optimizer = null);

/// <summary>
/// Automatic training of a KAN: start on a coarse grid, train until progress stalls, double the grid, and stop when
/// the largest grid has stalled, an extension no longer pays, the loss reaches the floating-point floor or the step
/// budget is spent. Every decision reads the run's own losses, never the clock, so runs stay reproducible.
/// </summary>
public sealed class AutoSchedule : ISchedule
{
    private readonly AutoScheduleSettings _settings;
    private readonly Func<int, int> _parametersAt;

    /// <summary>A schedule with these rules for a KAN whose parameter count at grid G is <paramref name="parametersAt"/>(G).</summary>
    public AutoSchedule(AutoScheduleSettings settings, Func<int, int> parametersAt)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(parametersAt);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.StartGrid, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxGrid, settings.StartGrid);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxSteps, 1);
        _settings = settings;
        _parametersAt = parametersAt;
    }

    /// <summary>
    /// The largest grid that <paramref name="interiorPoints"/> collocation points in <paramref name="dimension"/>
    /// variables support: about two points per knot interval along each axis (n = points^(1/d) per axis, G ≤ n/2), so
    /// that no spline piece of the first layer is fitted from fewer points than it has freedom; never more than
    /// <paramref name="cap"/>, never less than <paramref name="floor"/>.
    /// </summary>
    public static int LargestGrid(int interiorPoints, int dimension, int floor, int cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interiorPoints, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        double perAxis = Math.Pow(interiorPoints, 1.0 / dimension);
        return Math.Clamp((int)Math.Floor(perAxis / 2 + 1e-9), floor, cap);
    }

    /// <inheritdoc/>
    public TrainingStage? Next(ScheduleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        int left = _settings.MaxSteps - state.Steps;
        if (left <= 0)
        {
            return null;
        }

        int grid;
        if (state.Stages.Count == 0)
        {
            grid = _settings.StartGrid;
        }
        else
        {
            StageResult last = state.Stages[^1];
            if (last.Reason is not (StageEndReason.Stalled or StageEndReason.Steps) || last.Grid is not int current || current >= _settings.MaxGrid)
            {
                return null;
            }

            if (state.Stages.Count >= 2 && !(last.Loss < (1 - _settings.MinStageGain) * state.Stages[^2].Loss))
            {
                return null; // the last extension did not pay: a finer grid will not either
            }

            grid = Math.Min(2 * current, _settings.MaxGrid);
        }

        OptimizerKind optimizer = _settings.Optimizer
            ?? (_parametersAt(grid) <= _settings.LmParameterLimit ? OptimizerKind.LevenbergMarquardt : OptimizerKind.Lbfgs);
        StallRule stall = optimizer == OptimizerKind.LevenbergMarquardt ? _settings.LmStall : _settings.LbfgsStall;
        return new TrainingStage(grid, left, optimizer, stall, _settings.FloorRatio * state.InitialLoss, stepsAreRunBudget: true);
    }
}
