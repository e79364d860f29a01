using KanPde.Core.Training;

namespace KanPde.Problems.Solving;

/// <summary>
/// The settings of <c>training.schedule: auto</c> (the default): one place for every number the automatic schedule
/// uses, each measured (README, "Automatic training").
/// </summary>
public static class AutoTraining
{
    /// <summary>The step budget when <c>training.max_steps</c> is not given.</summary>
    public const int DefaultMaxSteps = 2000;

    /// <summary>The first grid when <c>kan.grid</c> is not given.</summary>
    public const int StartGrid = 5;

    /// <summary>No grid beyond this, whatever the points (the largest grid measured).</summary>
    public const int GridCap = 100;

    /// <summary>LM up to this many KAN parameters, L-BFGS beyond (one LM step factorises a dense matrix of that order).</summary>
    public const int LmParameterLimit = 1500;

    /// <summary>An LM stage stalls when its loss fell by less than 10 % over 10 steps.</summary>
    public static StallRule LmStall { get; } = new(window: 10, minDecrease: 0.1);

    /// <summary>An L-BFGS stage stalls when its loss fell by less than 10 % over 100 steps.</summary>
    public static StallRule LbfgsStall { get; } = new(window: 100, minDecrease: 0.1);

    /// <summary>The run stops when a grid extension lowered the loss by less than 10 %.</summary>
    public const double MinStageGain = 0.1;

    /// <summary>A stage ends when the loss falls to 1e-26 of the initial loss (residuals near rounding).</summary>
    public const double FloorRatio = 1e-26;

    /// <summary>The automatic schedule for a KAN of <paramref name="width"/> and spline order <paramref name="order"/>
    /// trained on <paramref name="interiorPoints"/> points in <paramref name="dimension"/> variables.</summary>
    /// <param name="startGrid">The first stage's grid (<c>kan.grid</c>, or <see cref="StartGrid"/>).</param>
    /// <param name="maxSteps">The run's step budget.</param>
    /// <param name="optimizer">The file's <c>training.optimizer</c>: every stage uses it; null lets the schedule choose.</param>
    /// <param name="unknowns">The number of unknowns, each with its own KAN of <paramref name="width"/>.</param>
    /// <param name="constants">The number of trainable parameters of the equations (one each).</param>
    public static AutoSchedule Schedule(IReadOnlyList<int> width, int order, int interiorPoints, int dimension, int startGrid, int maxSteps,
        OptimizerKind? optimizer, int unknowns = 1, int constants = 0)
    {
        ArgumentNullException.ThrowIfNull(width);
        int edges = 0;
        for (int l = 0; l + 1 < width.Count; l++)
        {
            edges += width[l] * width[l + 1];
        }

        int maxGrid = AutoSchedule.LargestGrid(interiorPoints, dimension, startGrid, Math.Max(GridCap, startGrid));
        var settings = new AutoScheduleSettings(startGrid, maxGrid, maxSteps, LmParameterLimit, LmStall, LbfgsStall, MinStageGain, FloorRatio, optimizer);
        return new AutoSchedule(settings, grid => (unknowns * edges * (grid + order + 2)) + constants);
    }
}
