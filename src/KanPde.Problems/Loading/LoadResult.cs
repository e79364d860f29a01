using KanPde.Problems.Diagnostics;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

/// <summary>The outcome of reading a problem file: the problem when it has no errors, and every diagnostic.</summary>
public sealed record LoadResult(ProblemSpec? Problem, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether the file has no errors (it may have warnings).</summary>
    public bool Succeeded => Problem is not null;

    /// <summary>The errors, in file order.</summary>
    public IReadOnlyList<Diagnostic> Errors => [.. Diagnostics.Where(d => d.IsError)];

    /// <summary>The warnings, in file order.</summary>
    public IReadOnlyList<Diagnostic> Warnings => [.. Diagnostics.Where(d => !d.IsError)];
}
