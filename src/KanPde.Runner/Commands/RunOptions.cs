using KanPde.Core.Training;
using KanPde.Problems.Specification;

namespace KanPde.Runner.Commands;

/// <summary>What <c>kanpde run</c> was asked to do.</summary>
/// <param name="Paths">Problem files or folders of them.</param>
/// <param name="Out">Folder under which each problem's results folder goes.</param>
/// <param name="Models">The models asked for with <c>--models</c>, or null for the default (both, unless the file says <c>mlp: none</c>).</param>
/// <param name="Seed">Overrides training.seed, or null to keep the file's.</param>
/// <param name="Quiet">Print nothing but errors and the final table.</param>
/// <param name="Verbose">Print internal details (stack traces) of unexpected failures.</param>
public sealed record RunOptions(IReadOnlyList<string> Paths, string Out, IReadOnlySet<ModelKind>? Models, int? Seed, bool Quiet, bool Verbose)
{
    /// <summary>
    /// Also extract the KAN's symbolic formula (<c>--symbolic</c>) and write <c>kan/formula.json</c>. A problem file may
    /// ask for it too; see <see cref="WantsFormula"/>.
    /// </summary>
    public bool Symbolic { get; init; }

    /// <summary>Whether the formula is extracted for this problem: asked on the command line (the spec's own switch joins here).</summary>
    public bool WantsFormula(KanPde.Problems.Specification.ProblemSpec spec) => Symbolic || spec.Kan.Symbolic;

    /// <summary>The default results folder.</summary>
    public const string DefaultOut = "results";

    /// <summary>
    /// Parses the value of <c>--models</c>: a comma-separated list of <c>kan</c> and <c>mlp</c>. Returns null and an
    /// explanation when it is not one.
    /// </summary>
    public static IReadOnlySet<ModelKind>? ParseModels(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var models = new HashSet<ModelKind>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (Names.Parse<ModelKind>(part.ToLowerInvariant()) is not ModelKind model)
            {
                problem = $"--models: unknown model '{part}'; expected a comma-separated list of kan and mlp, e.g. --models kan,mlp";
                return null;
            }

            models.Add(model);
        }

        problem = null;
        return models;
    }
}
