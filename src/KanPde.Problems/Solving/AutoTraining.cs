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

    /// <summary>A run whose final loss is not below this fraction of its first step's loss is restarted (see <see cref="Restarts"/>).</summary>
    public const double RestartRatio = 1e-3;

    /// <summary>At most this many restarts from other initialisations after a stuck run; the best attempt by loss is kept.</summary>
    public const int Restarts = 2;

    /// <summary>Scattered points: at least this many interior points per parameter of a network (see <see cref="MaxGrid"/>).</summary>
    public const int PointsPerParameter = 8;

    /// <summary>
    /// The largest grid auto extends to. On a tensor grid of points (<c>sampling: grid</c>) each variable takes only
    /// n = N^(1/d) distinct values, and a spline with more than n/2 intervals along it is underdetermined
    /// (<see cref="AutoSchedule.LargestGrid"/>). Scattered points give every first-layer edge N distinct values, so
    /// there the grid may also grow until a network has one parameter per <see cref="PointsPerParameter"/> interior
    /// points, whichever allows more (in 1-D and 2-D the per-axis rule, 3-D and up the parameter rule: at 10,000
    /// points G = 26 in 3-D and 15 in 5-D where the per-axis rule gave 10 and 5). Never beyond <see cref="GridCap"/>.
    /// </summary>
    public static int MaxGrid(IReadOnlyList<int> width, int order, int interiorPoints, int dimension, int startGrid, bool scattered)
    {
        ArgumentNullException.ThrowIfNull(width);
        int cap = Math.Max(GridCap, startGrid);
        int perAxis = AutoSchedule.LargestGrid(interiorPoints, dimension, startGrid, cap);
        if (!scattered)
        {
            return perAxis;
        }

        int byParameters = (interiorPoints / PointsPerParameter / Math.Max(1, Edges(width))) - order - 2;
        return Math.Clamp(Math.Max(perAxis, byParameters), startGrid, cap);
    }

    private static int Edges(IReadOnlyList<int> width)
    {
        int edges = 0;
        for (int l = 0; l + 1 < width.Count; l++)
        {
            edges += width[l] * width[l + 1];
        }

        return edges;
    }

    /// <summary>The automatic schedule for a KAN of <paramref name="width"/> and spline order <paramref name="order"/>
    /// trained on <paramref name="interiorPoints"/> points in <paramref name="dimension"/> variables.</summary>
    /// <param name="startGrid">The first stage's grid (<c>kan.grid</c>, or <see cref="StartGrid"/>).</param>
    /// <param name="maxSteps">The run's step budget.</param>
    /// <param name="optimizer">The file's <c>training.optimizer</c>: every stage uses it; null lets the schedule choose.</param>
    /// <param name="unknowns">The number of unknowns, each with its own KAN of <paramref name="width"/>.</param>
    /// <param name="constants">The number of trainable parameters of the equations (one each).</param>
    /// <param name="scattered">Whether the points are scattered (uniform, Sobol, Halton) rather than a tensor grid (see <see cref="MaxGrid"/>).</param>
    public static AutoSchedule Schedule(IReadOnlyList<int> width, int order, int interiorPoints, int dimension, int startGrid, int maxSteps,
        OptimizerKind? optimizer, int unknowns = 1, int constants = 0, bool scattered = true)
    {
        ArgumentNullException.ThrowIfNull(width);
        int edges = Edges(width);
        int maxGrid = MaxGrid(width, order, interiorPoints, dimension, startGrid, scattered);
        var settings = new AutoScheduleSettings(startGrid, maxGrid, maxSteps, LmParameterLimit, LmStall, LbfgsStall, MinStageGain, FloorRatio, optimizer);
        return new AutoSchedule(settings, grid => (unknowns * edges * (grid + order + 2)) + constants);
    }
}
