using System.Text;
using System.Text.Json;
using KanPde.Core.Training;
using KanPde.Problems.Solving;
using KanPde.Problems.Specification;

namespace KanPde.Runner.Results;

/// <summary>
/// <c>&lt;model&gt;/metrics.json</c> and <c>summary.json</c> (docs/results-format.md), with exactly the spec's keys in its
/// order. Numbers are written in their shortest round-trippable form; a number that is not finite (which
/// JSON cannot hold) is written as null.
/// </summary>
public static class MetricsJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    /// <summary>The metrics of one trained model; a system adds <c>unknowns</c> and <c>parameter_values</c>.</summary>
    public static string Metrics(string problem, TrainingResult result, SystemFigures? system = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            WriteMetrics(w, problem, result, system);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary><c>{"problem": NAME, "kan": metrics or null, "mlp": metrics or null}</c>.</summary>
    public static string Summary(string problem, TrainingResult? kan, TrainingResult? mlp, KanPde.Problems.Compilation.CompiledProblem? compiled = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("problem", problem);
            w.WritePropertyName("kan");
            WriteMetricsOrNull(w, problem, kan, compiled);
            w.WritePropertyName("mlp");
            WriteMetricsOrNull(w, problem, mlp, compiled);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The status as written: completed, diverged or cancelled.</summary>
    public static string StatusName(TrainingStatus status) => Names.Name(status);

    private static void WriteMetricsOrNull(Utf8JsonWriter w, string problem, TrainingResult? result, KanPde.Problems.Compilation.CompiledProblem? compiled)
    {
        if (result is null)
        {
            w.WriteNullValue();
        }
        else
        {
            WriteMetrics(w, problem, result, compiled is null ? null : SystemFigures.Of(compiled, result));
        }
    }

    private static void WriteMetrics(Utf8JsonWriter w, string problem, TrainingResult r, SystemFigures? system = null)
    {
        w.WriteStartObject();
        w.WriteString("problem", problem);
        w.WriteString("model", Names.Name(r.Model));
        w.WriteString("status", StatusName(r.Status));
        if (r.Status == TrainingStatus.Diverged)
        {
            Number(w, "diverged_at_step", r.DivergedAtStep);
        }

        w.WriteStartArray("width");
        foreach (int n in r.Width)
        {
            w.WriteNumberValue(n);
        }

        w.WriteEndArray();
        w.WriteNumber("parameters", r.Parameters);
        w.WriteNumber("steps", r.Steps);
        w.WriteNumber("evaluations", r.Evaluations);
        w.WriteNumber("attempts", r.Attempts);
        Number(w, "seconds", r.Seconds);
        Number(w, "loss", r.Loss);
        Number(w, "equation_loss", r.EquationLoss);
        Number(w, "condition_loss", r.ConditionLoss);
        WriteErrors(w, r.Errors);
        if (system is not null)
        {
            WriteSystem(w, system);
        }

        w.WriteStartArray("stages");
        foreach (StageResult s in r.Stages)
        {
            w.WriteStartObject();
            Number(w, "grid", s.Grid);
            w.WriteNumber("steps", s.Steps);
            w.WriteNumber("parameters", s.Parameters);
            Number(w, "seconds", s.Seconds);
            Number(w, "loss", s.Loss);
            WriteErrors(w, s.Errors);
            w.WriteString("optimizer", OptimizerName(s.Optimizer));
            w.WriteString("reason", ReasonName(s.Reason));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSystem(Utf8JsonWriter w, SystemFigures system)
    {
        w.WriteStartObject("unknowns");
        foreach (UnknownErrors u in system.Unknowns)
        {
            w.WriteStartObject(u.Name);
            WriteErrors(w, u.Errors);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("parameter_values");
        foreach (ParameterValue p in system.Parameters)
        {
            w.WriteStartObject(p.Name);
            Number(w, "value", p.Value);
            Number(w, "initial", p.Initial);
            Number(w, "exact", p.Exact);
            Number(w, "relative_error", p.RelativeError);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteErrors(Utf8JsonWriter w, ErrorMetrics? errors)
    {
        Number(w, "mse", errors?.Mse);
        Number(w, "relative_l2", errors?.RelativeL2);
        Number(w, "max_abs_error", errors?.MaxAbsError);
        Number(w, "abs_l2", errors?.RootMeanSquare);
    }

    /// <summary>The stage end reasons as metrics.json names them.</summary>
    public static string ReasonName(StageEndReason reason) => reason switch
    {
        StageEndReason.Steps => "steps",
        StageEndReason.Stalled => "stalled",
        StageEndReason.MaxSteps => "max_steps",
        StageEndReason.MaxEvaluations => "max_evaluations",
        StageEndReason.Floor => "floor",
        StageEndReason.Diverged => "diverged",
        StageEndReason.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown reason."),
    };

    private static string OptimizerName(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Lbfgs => "lbfgs",
        OptimizerKind.Adam => "adam",
        OptimizerKind.LevenbergMarquardt => "lm",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimizer."),
    };

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}

/// <summary>What a system adds to a model's metrics: each unknown's errors and each parameter's value.</summary>
public sealed record SystemFigures(IReadOnlyList<UnknownErrors> Unknowns, IReadOnlyList<ParameterValue> Parameters)
{
    /// <summary>The figures of <paramref name="result"/>'s network, or null when the problem is not a system.</summary>
    public static SystemFigures? Of(KanPde.Problems.Compilation.CompiledProblem problem, TrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        return problem.Spec.IsSystem
            ? new SystemFigures(SystemResults.Unknowns(problem, result.Network), SystemResults.Parameters(problem.Spec, result.Network))
            : null;
    }
}
