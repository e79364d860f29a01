namespace KanPde.Problems.Diagnostics;

/// <summary>How serious a diagnostic is: errors stop a file from training, warnings do not.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The file cannot be used.</summary>
    Error,

    /// <summary>The file can be used, but something looks wrong.</summary>
    Warning,
}

/// <summary>One finding about a problem file, at a 1-based line and column.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <summary>Whether this is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary><c>FILE:LINE:COLUMN: message</c>, with <c>warning: </c> before a warning's message.</summary>
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(IsError ? "" : "warning: ")}{Message}";
}
