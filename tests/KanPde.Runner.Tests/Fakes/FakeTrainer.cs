using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;
using KanPde.Runner.Training;

namespace KanPde.Runner.Tests.Fakes;

/// <summary>Returns made-up results at once, reporting each step; can diverge, cancel or throw on request.</summary>
internal sealed class FakeTrainer : IModelTrainer
{
    public Func<CompiledProblem, ModelKind, TrainingResult>? Behaviour { get; init; }

    public List<(string Problem, ModelKind Model, int? Seed)> Calls { get; } = [];

    public int PlannedSteps(ProblemSpec spec, ModelKind model) =>
        ProblemSolver.PlannedSteps(spec, model);

    public TrainingResult Train(CompiledProblem problem, ModelKind model, SolveOptions options, Action<StepRecord>? progress, CancellationToken cancellation)
    {
        Calls.Add((problem.Spec.Name, model, options.Seed));
        TrainingResult result = Behaviour?.Invoke(problem, model) ?? FakeResults.For(problem, model);
        foreach (StepRecord step in result.History)
        {
            progress?.Invoke(step);
        }

        return result;
    }
}
