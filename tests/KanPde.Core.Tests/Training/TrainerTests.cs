using KanPde.Core.Derivatives;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Tests.Networks;
using KanPde.Core.Training;

namespace KanPde.Core.Tests.Training;

public sealed class TrainerTests
{
    private static readonly Box Domain = new([-1.0, 0.0], [1.0, 3.0]);

    private static TrainingData Data(IResidual? equation = null)
    {
        PointSet interior = NetworkChecks.RandomPoints(Domain, 120, 1);
        var edge = NetworkChecks.RandomPoints(Domain, 30, 2).Coordinates.ToArray();
        edge.AsSpan(0, 30).Fill(Domain.High[0]);
        LossTerm[] terms =
        [
            new("equation", equation ?? new NonlinearPoissonResidual(), interior, 0.01),
            new("robin", new RobinResidual(), new PointSet(2, edge), 1.0),
        ];
        return new TrainingData(terms, [1, 0], [0, 1], null, null);
    }

    private static KanNetwork Kan() => KanNetwork.Create(Domain, [2, 3, 1], 3, 3, seed: 4);

    [Fact]
    public void Train_TwoStages_ExtendsTheGridAndReportsEachStage()
    {
        TrainingStage[] stages = [new(3, 4, OptimizerKind.Lbfgs), new(6, 3, OptimizerKind.LevenbergMarquardt)];

        TrainingResult result = Trainer.Train(ModelKind.Kan, Kan(), Data(), stages, new TrainerSettings());

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Equal([3, 6], result.Stages.Select(s => s.Grid!.Value));
        Assert.Equal([OptimizerKind.Lbfgs, OptimizerKind.LevenbergMarquardt], result.Stages.Select(s => s.Optimizer));
        Assert.Equal(9 * 8, result.Stages[0].Parameters); // 9 edges × (G + k + 2)
        Assert.Equal(9 * 11, result.Stages[1].Parameters);
        Assert.Equal(result.Steps, result.Stages.Sum(s => s.Steps));
        Assert.Equal(result.Steps, result.History.Count);
        Assert.Equal(6, ((KanNetwork)result.Network).Intervals);
        Assert.All(result.Stages, s => Assert.Contains(s.Reason, new[] { StageEndReason.Steps, StageEndReason.Floor }));
        Assert.True(result.Loss < new PinnLoss(Kan(), Data().Terms).Evaluate(Kan().Parameters, default));
    }

    [Fact]
    public void Train_DivergenceRightAfterAGridUpdate_RestoresTheUpdatedNetworkNotTheOldCoefficients()
    {
        // Grid updates every 2 steps: the knots move before step 3, whose loss is made NaN. The network kept must be
        // the updated one (new knots with their refitted coefficients), not step 2's coefficients on the new knots.
        var settings = new TrainerSettings(GridUpdate: new GridUpdateSchedule(Every: 2, Until: 10));
        var poison = new PoisonableResidual();
        TrainingData data = Data(poison);
        TrainingStage[] stages = [new(3, 6, OptimizerKind.Lbfgs)];

        TrainingResult diverged = Trainer.Train(ModelKind.Kan, Kan(), data, stages, settings, step =>
        {
            if (step.Step == 2)
            {
                poison.Poisoned = true;
            }
        });

        poison.Poisoned = false;
        TrainingResult twoSteps = Trainer.Train(ModelKind.Kan, Kan(), data, [new TrainingStage(3, 2, OptimizerKind.Lbfgs)], settings);
        KanNetwork expected = ((KanNetwork)twoSteps.Network).UpdateGrids(data.AllPoints());
        var kept = (KanNetwork)diverged.Network;
        Assert.Equal(TrainingStatus.Diverged, diverged.Status);
        Assert.Equal(3, diverged.DivergedAtStep);
        Assert.Equal(StageEndReason.Diverged, diverged.Stages[0].Reason);
        Assert.Equal(expected.Parameters, kept.Parameters);
        Assert.Equal(expected.Layers[1].Grids[0].Knots.ToArray(), kept.Layers[1].Grids[0].Knots.ToArray());
    }

    [Fact]
    public void Train_CancelledDuringAStage_StopsThereAndKeepsTheModelReached()
    {
        using var cancel = new CancellationTokenSource();
        TrainingStage[] stages = [new(3, 10, OptimizerKind.Lbfgs), new(6, 10, OptimizerKind.Lbfgs)];

        TrainingResult result = Trainer.Train(ModelKind.Kan, Kan(), Data(), stages, new TrainerSettings(), step =>
        {
            if (step.Step == 3)
            {
                cancel.Cancel();
            }
        }, cancel.Token);

        Assert.Equal(TrainingStatus.Cancelled, result.Status);
        Assert.Equal(3, result.Steps);
        StageResult only = Assert.Single(result.Stages);
        Assert.Equal(StageEndReason.Cancelled, only.Reason);
        Assert.All(result.Network.Parameters, p => Assert.True(double.IsFinite(p)));
    }

    [Fact]
    public void Train_StallRule_EndsTheStageAndTheNextOneRuns()
    {
        // A relative decrease of 1 − 1e-12 over two steps is never reached: the stage stalls after its third step.
        var stall = new StallRule(window: 2, minDecrease: 1 - 1e-12);
        TrainingStage[] stages = [new(3, 50, OptimizerKind.Lbfgs, stall), new(6, 2, OptimizerKind.Lbfgs)];

        TrainingResult result = Trainer.Train(ModelKind.Kan, Kan(), Data(), stages, new TrainerSettings());

        Assert.Equal((3, StageEndReason.Stalled), (result.Stages[0].Steps, result.Stages[0].Reason));
        Assert.Equal(2, result.Stages[1].Steps);
    }

    [Fact]
    public void Train_FloorAndRunBudget_AreTheStagesReasons()
    {
        TrainingStage[] stages =
        [
            new(3, 50, OptimizerKind.Lbfgs, floorLoss: 1e300),
            new(3, 2, OptimizerKind.Lbfgs, stepsAreRunBudget: true),
        ];

        TrainingResult result = Trainer.Train(ModelKind.Kan, Kan(), Data(), stages, new TrainerSettings());

        Assert.Equal([(1, StageEndReason.Floor), (2, StageEndReason.MaxSteps)], result.Stages.Select(s => (s.Steps, s.Reason)));
    }

    [Fact]
    public void Train_EvaluationBudget_EndsTheStageOnceSpent()
    {
        TrainingStage[] stages = [new(null, 1000, OptimizerKind.Lbfgs, maxEvaluations: 12)];
        var mlp = MlpNetwork.Create(Domain, [2, 6, 1], Activation.Tanh, seed: 2);

        TrainingResult result = Trainer.Train(ModelKind.Mlp, mlp, Data(), stages, new TrainerSettings());

        Assert.Equal(StageEndReason.MaxEvaluations, Assert.Single(result.Stages).Reason);
        Assert.InRange(result.Evaluations, 12, 12 + 30); // the step that crossed the budget completes (≤ 30 line-search evaluations)
        Assert.True(result.Steps < 1000);
    }

    [Fact]
    public void Train_KeepBestStage_ReturnsTheStageThatEndedLowest()
    {
        // Adam with a huge step makes the second stage end far worse than the first; the first stage's network is kept.
        var settings = new TrainerSettings(LearningRate: 1e3, KeepBestStage: true);
        TrainingStage[] stages = [new(3, 3, OptimizerKind.LevenbergMarquardt), new(3, 2, OptimizerKind.Adam)];

        TrainingResult result = Trainer.Train(ModelKind.Kan, Kan(), Data(), stages, settings);

        Assert.True(result.Stages[1].Loss > result.Stages[0].Loss);
        Assert.Equal(result.Stages[0].Loss, result.Loss, 1e-12 * result.Stages[0].Loss);
    }

    [Fact]
    public void Train_Schedule_SeesEachStageAndTheStepsSoFar()
    {
        var schedule = new RecordingSchedule();

        TrainingResult result = Trainer.Train(ModelKind.Kan, Kan(), Data(), schedule, new TrainerSettings());

        Assert.Equal([(0, 0, 3), (1, 2, 3), (2, 5, 5)], schedule.Seen);
        Assert.Equal([3, 5], result.Stages.Select(s => s.Grid!.Value));
        Assert.True(schedule.InitialLoss > result.Loss);
    }

    [Theory]
    [InlineData(new[] { 1.0, 0.5, 0.3 }, false)]
    [InlineData(new[] { 1.0, 0.9, 0.6 }, true)]
    [InlineData(new[] { 1.0, 0.1 }, false)]
    [InlineData(new[] { 1.0, 1.0, double.NaN }, true)]
    public void StallRule_LossesOverTheWindow_StalledWhenTheDecreaseIsTooSmall(double[] losses, bool stalled)
    {
        Assert.Equal(stalled, new StallRule(window: 2, minDecrease: 0.5).IsStalled(losses));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(5, -1)]
    public void GridUpdateSchedule_InvalidArguments_Throw(int every, int until)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GridUpdateSchedule(every, until));
    }

    [Fact]
    public void TrainingStage_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingStage(0, 5, OptimizerKind.Lbfgs));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingStage(5, -1, OptimizerKind.Lbfgs));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingStage(5, 5, (OptimizerKind)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StallRule(0, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StallRule(3, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerSettings(ErrorEvery: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerSettings(LearningRate: -1));
    }

    private sealed class RecordingSchedule : ISchedule
    {
        public List<(int Stages, int Steps, int Grid)> Seen { get; } = [];

        public double InitialLoss { get; private set; }

        public TrainingStage? Next(ScheduleState state)
        {
            Seen.Add((state.Stages.Count, state.Steps, state.Grid ?? -1));
            InitialLoss = state.InitialLoss;
            return state.Stages.Count switch
            {
                0 => new TrainingStage(3, 2, OptimizerKind.Lbfgs),
                1 => new TrainingStage(5, 3, OptimizerKind.LevenbergMarquardt),
                _ => null,
            };
        }
    }

    /// <summary>The nonlinear Poisson residual, or NaN everywhere once poisoned.</summary>
    private sealed class PoisonableResidual : IResidual
    {
        private readonly NonlinearPoissonResidual _inner = new();

        public bool Poisoned { get; set; }

        public IReadOnlyList<DerivativeTerm> Terms => _inner.Terms;

        public IResidualEvaluator Prepare(PointSet points) => new Evaluator(this, _inner.Prepare(points));

        private sealed class Evaluator(PoisonableResidual owner, IResidualEvaluator inner) : IResidualEvaluator
        {
            public int Count => inner.Count;

            public void Evaluate(int start, int count, ReadOnlySpan<double> fields, Span<double> residual, Span<double> partials)
            {
                inner.Evaluate(start, count, fields, residual, partials);
                if (owner.Poisoned)
                {
                    residual[..count].Fill(double.NaN);
                }
            }
        }
    }
}
