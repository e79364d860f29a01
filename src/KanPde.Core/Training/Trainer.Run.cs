using System.Diagnostics;
using KanPde.Core.Networks;
using KanPde.Core.Optimization;
using KanPde.Core.Sampling;

namespace KanPde.Core.Training;

public static partial class Trainer
{
    /// <summary>The state of one training run.</summary>
    private sealed class Run(ModelKind model, INetwork network, TrainingData data, TrainerSettings settings,
        Action<StepRecord>? progress, CancellationToken cancellation)
    {
        private readonly Stopwatch _clock = new();
        private readonly List<StepRecord> _history = new();
        private readonly List<StageResult> _stages = new();
        private readonly List<OptimizerKind> _optimizers = new();
        private readonly double[] _means = new double[data.Terms.Count];
        private PointSet? _allPoints;
        private INetwork _network = network;
        private double[] _lastFinite = (double[])network.Parameters.Clone();
        private double _loss = double.NaN;
        private int _steps;
        private int _evaluations;
        private int? _divergedAt;
        private double? _initialLoss;
        private (double Loss, INetwork Network, ErrorMetrics? Errors)? _best;
        private ErrorMetrics? _errors;

        public TrainingStatus Status { get; private set; } = TrainingStatus.Completed;

        /// <summary>What the schedule sees: the stages so far, the steps taken, the grid, the initial loss.</summary>
        public ScheduleState State => new(_stages, _steps, Intervals(_network), _initialLoss ??= Measure(new PinnLoss(_network, data.Terms)));

        public void Stage(TrainingStage stage)
        {
            int index = _stages.Count;
            _clock.Start();
            double stageStart = _clock.Elapsed.TotalSeconds;
            GridUpdateSchedule? updates = settings.GridUpdateStages is int n && index >= n ? null : settings.GridUpdate;
            if (Intervals(_network) is int intervals && stage.Grid is int grid && grid != intervals)
            {
                if (updates is not null)
                {
                    _network = UpdateGrids(_network, AllPoints());
                }

                _network = _network switch
                {
                    KanNetwork kan => kan.ExtendGrid(grid),
                    PeriodicNetwork periodic => periodic.ExtendGrid(grid),
                    SystemNetwork system => system.ExtendGrid(grid),
                    _ => _network,
                };
                _lastFinite = CopyInto(_lastFinite, _network.Parameters);
            }

            _optimizers.Add(stage.Optimizer);
            PinnLoss loss = new(_network, data.Terms);
            IOptimizer optimizer = CreateOptimizer(stage.Optimizer, loss, settings);
            var losses = new List<double>();
            int evaluationsBefore = _evaluations;
            int taken = 0;
            StageEndReason reason = stage.StepsAreRunBudget ? StageEndReason.MaxSteps : StageEndReason.Steps;
            for (int k = 0; k < stage.Steps; k++)
            {
                if (cancellation.IsCancellationRequested)
                {
                    Status = TrainingStatus.Cancelled;
                    reason = StageEndReason.Cancelled;
                    break;
                }

                if (k > 0 && updates is { } update && Intervals(_network) is not null && k % update.Every == 0 && k < update.Until)
                {
                    _evaluations += loss.Evaluations;
                    _network = UpdateGrids(_network, AllPoints());
                    _lastFinite = CopyInto(_lastFinite, _network.Parameters); // the knots moved: the old coefficients belong to the old ones
                    loss = new PinnLoss(_network, data.Terms);
                    optimizer = CreateOptimizer(stage.Optimizer, loss, settings);
                }

                OptimizerStep step = optimizer.Step(_network.Parameters);
                _steps++;
                taken++;
                if (!double.IsFinite(step.Loss) || !AllFinite(_network.Parameters))
                {
                    _divergedAt = _steps;
                    _lastFinite.CopyTo(_network.Parameters, 0);
                    Status = TrainingStatus.Diverged;
                    reason = StageEndReason.Diverged;
                    break;
                }

                _lastFinite = CopyInto(_lastFinite, _network.Parameters);
                _loss = step.Loss;
                losses.Add(step.Loss);
                StageEndReason? end = step.Stalled || step.Loss <= stage.FloorLoss ? StageEndReason.Floor
                    : stage.Stall?.IsStalled(losses) == true ? StageEndReason.Stalled
                    : _evaluations - evaluationsBefore + loss.Evaluations >= stage.MaxEvaluations ? StageEndReason.MaxEvaluations
                    : null;
                Record(index, stage, loss, measure: end is not null || k == stage.Steps - 1 || _steps % settings.ErrorEvery == 0);
                if (end is { } e)
                {
                    reason = e; // the rest of the stage's budget cannot help
                    break;
                }
            }

            _evaluations += loss.Evaluations;
            if (Status == TrainingStatus.Diverged || double.IsNaN(_loss))
            {
                _loss = Measure(loss);
            }

            _clock.Stop();
            _errors = Errors();
            if (settings.KeepBestStage && Status != TrainingStatus.Diverged && !(_best is { } b && b.Loss <= _loss))
            {
                _best = (_loss, Copy(_network), _errors);
            }

            _stages.Add(new StageResult(stage.Grid, taken, _network.ParameterCount, _clock.Elapsed.TotalSeconds - stageStart, _loss, _errors,
                stage.Optimizer, reason));
        }

        public TrainingResult Result()
        {
            if (settings.KeepBestStage && _best is { } best && best.Loss < _loss)
            {
                (_network, _errors) = (best.Network, best.Errors);
            }

            var finalLoss = new PinnLoss(_network, data.Terms);
            double loss = finalLoss.Evaluate(_network.Parameters, default, _means);
            (double equation, double conditions) = Parts();
            IReadOnlyList<int> width = _network switch
            {
                KanNetwork kan => kan.Widths,
                MlpNetwork mlp => mlp.Widths,
                PeriodicNetwork periodic => periodic.Widths,
                SystemNetwork system => system.Widths,
                _ => [],
            };
            return new TrainingResult(model, Status, _divergedAt, _network, width, _network.ParameterCount, _steps, _evaluations,
                _clock.Elapsed.TotalSeconds, loss, equation, conditions, _errors ?? Errors(), _stages, _history, _optimizers);
        }

        private void Record(int stageIndex, TrainingStage stage, PinnLoss loss, bool measure)
        {
            _clock.Stop();
            double value = loss.TermMeans(_network.Parameters, _means); // the parts of the loss at the new point
            (double equation, double conditions) = Parts();
            ErrorMetrics? errors = measure ? Errors() : null;
            var record = new StepRecord(_steps, stageIndex, stage.Grid, value, equation, conditions, errors?.Mse, errors?.RelativeL2, _clock.Elapsed.TotalSeconds)
            {
                Constants = _network is SystemNetwork system ? system.Constants() : [],
            };
            _history.Add(record);
            progress?.Invoke(record);
            _clock.Start();
        }

        private double Measure(PinnLoss loss) => loss.TermMeans(_network.Parameters, _means);

        private (double Equation, double Conditions) Parts()
        {
            double equation = 0, conditions = 0;
            for (int t = 0; t < _means.Length; t++)
            {
                equation += data.EquationShare[t] * _means[t];
                conditions += data.ConditionShare[t] * _means[t];
            }

            return (equation, conditions);
        }

        private ErrorMetrics? Errors()
        {
            if (data.EvaluationPoints is null || data.ExactValues is null)
            {
                return null;
            }

            double[] values = NetworkEvaluation.Values(_network, data.EvaluationPoints);
            return NetworkEvaluation.Errors(values, data.ExactValues.ToArray());
        }

        private static int? Intervals(INetwork network) => network switch
        {
            KanNetwork kan => kan.Intervals,
            PeriodicNetwork periodic => periodic.Intervals,
            SystemNetwork system => system.Intervals,
            _ => null,
        };

        private static INetwork UpdateGrids(INetwork network, PointSet points) => network switch
        {
            KanNetwork kan => kan.UpdateGrids(points),
            PeriodicNetwork periodic => periodic.UpdateGrids(points),
            SystemNetwork system => system.UpdateGrids(points),
            _ => network,
        };

        private PointSet AllPoints() => _allPoints ??= data.AllPoints();

        private static bool AllFinite(double[] values) => Array.TrueForAll(values, double.IsFinite);

        private static double[] CopyInto(double[] target, double[] source)
        {
            if (target.Length != source.Length)
            {
                return (double[])source.Clone();
            }

            source.CopyTo(target, 0);
            return target;
        }
    }
}
