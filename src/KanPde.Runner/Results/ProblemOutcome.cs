using KanPde.Core.Training;
using KanPde.Problems.Compilation;

namespace KanPde.Runner.Results;

/// <summary>What one problem's run produced: the compiled problem and each trained model (null when not trained).</summary>
public sealed record ProblemOutcome(CompiledProblem Problem, TrainingResult? Kan, TrainingResult? Mlp)
{
    /// <summary>The KAN's symbolic formula, when one was asked for.</summary>
    public KanPde.Problems.Symbolic.FormulaResult? Formula { get; init; }

    /// <summary>The problem's name.</summary>
    public string Name => Problem.Spec.Name;

    /// <summary>The trained models, KAN first.</summary>
    public IEnumerable<TrainingResult> Models => new[] { Kan, Mlp }.OfType<TrainingResult>();

    /// <summary>The model whose solution is plotted: the KAN when trained, else the MLP.</summary>
    public TrainingResult Plotted => Kan ?? Mlp ?? throw new InvalidOperationException("No model was trained.");
}
