using KanPde.Core.Networks;
using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;
using KanPde.Runner.Results;
using KanPde.Runner.Training;

namespace KanPde.Runner.Tests.Fakes;

/// <summary>
/// Training results built without training: real networks from their initialisers, a made-up falling loss, and
/// errors measured for real on the evaluation grid.
/// </summary>
internal static class FakeResults
{
    public static TrainingResult Kan(CompiledProblem problem, TrainingStatus status = TrainingStatus.Completed, int? stopAt = null)
    {
        var spec = problem.Spec;
        IReadOnlyList<StageSpec> schedule = ProblemSolver.KanStages(spec);
        KanNetwork network = KanNetwork.Create(problem.Box, spec.Kan.Width, schedule[0].Grid, spec.Kan.Order, seed: 1);
        var stages = new List<StageResult>();
        var history = new List<StepRecord>();
        int step = 0;
        for (int s = 0; s < schedule.Count; s++)
        {
            int grid = schedule[s].Grid;
            if (s > 0)
            {
                network = network.ExtendGrid(grid);
            }

            int stageSteps = 0;
            for (int k = 0; k < schedule[s].Steps && (stopAt is null || step < stopAt); k++, stageSteps++)
            {
                history.Add(Record(++step, s, grid, problem.Exact is not null));
            }

            stages.Add(new StageResult(grid, stageSteps, network.ParameterCount, 0.1 * (s + 1), Loss(step), Errors(problem, network), OptimizerKind.Lbfgs, StageEndReason.Steps));
        }

        return Result(ModelKind.Kan, status, stopAt + 1, network, spec.Kan.Width, stages, history, problem);
    }

    public static TrainingResult Mlp(CompiledProblem problem, TrainingStatus status = TrainingStatus.Completed, int? stopAt = null)
    {
        var spec = problem.Spec;
        MlpNetwork network = MlpNetwork.Create(problem.Box, spec.Mlp!.Width, Activation.Tanh, seed: 2);
        int steps = stopAt ?? ProblemSolver.PlannedSteps(spec, ModelKind.Mlp);
        StepRecord[] history = [.. Enumerable.Range(1, steps).Select(s => Record(s, 0, null, problem.Exact is not null))];
        StageResult[] stages = [new StageResult(null, steps, network.ParameterCount, 0.3, Loss(steps), Errors(problem, network), OptimizerKind.Lbfgs, StageEndReason.Steps)];
        return Result(ModelKind.Mlp, status, stopAt + 1, network, spec.Mlp.Width, stages, history, problem);
    }

    public static ProblemOutcome Outcome(CompiledProblem problem) =>
        new(problem, Kan(problem), problem.Spec.Mlp is null ? null : Mlp(problem));

    public static TrainingResult For(CompiledProblem problem, ModelKind model, TrainingStatus status = TrainingStatus.Completed, int? stopAt = null) =>
        model == ModelKind.Kan ? Kan(problem, status, stopAt) : Mlp(problem, status, stopAt);

    private static TrainingResult Result(ModelKind model, TrainingStatus status, int? divergedAt, INetwork network, IReadOnlyList<int> width,
        IReadOnlyList<StageResult> stages, IReadOnlyList<StepRecord> history, CompiledProblem problem) =>
        new(model, status, status == TrainingStatus.Diverged ? divergedAt : null, network, width, network.ParameterCount, history.Count,
            history.Count + 3, 0.5, Loss(history.Count), 0.7 * Loss(history.Count), 0.3 * Loss(history.Count), Errors(problem, network),
            stages, history, [OptimizerKind.Lbfgs]);

    private static StepRecord Record(int step, int stage, int? grid, bool exact) =>
        new(step, stage, grid, Loss(step), 0.7 * Loss(step), 0.3 * Loss(step),
            exact && step % 5 == 0 ? 0.1 / step : null, exact && step % 5 == 0 ? 0.2 / step : null, 0.01 * step);

    private static double Loss(int step) => Math.Exp(-0.3 * step) / 3;

    private static ErrorMetrics? Errors(CompiledProblem problem, INetwork network)
    {
        if (problem.Exact is null)
        {
            return null;
        }

        var grid = problem.EvaluationGrid();
        return NetworkEvaluation.Errors(NetworkEvaluation.Values(network, grid), problem.Exact.Evaluate(grid));
    }
}
