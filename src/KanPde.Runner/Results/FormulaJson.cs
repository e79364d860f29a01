using System.Text;
using System.Text.Json;
using KanPde.Problems.Symbolic;

namespace KanPde.Runner.Results;

/// <summary>
/// <c>kan/formula.json</c>: the KAN's symbolic formula (null when no formula fits, with the reason), its errors on the
/// evaluation grid against exact, its equation loss, the pruned width and every edge's chosen function. Numbers
/// that are not finite, or not measured, are null.
/// </summary>
public static class FormulaJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    /// <summary>The file's text.</summary>
    public static string Write(FormulaResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            if (result.Formula is null)
            {
                w.WriteNull("formula");
            }
            else
            {
                w.WriteString("formula", result.Formula);
            }

            Number(w, "mse", result.Mse);
            Number(w, "relative_l2", result.RelativeL2);
            Number(w, "max_abs_error", result.MaxAbsError);
            Number(w, "equation_loss", result.EquationLoss);
            Number(w, "loss", result.Loss);
            w.WriteStartArray("pruned_width");
            foreach (int n in result.PrunedWidth)
            {
                w.WriteNumberValue(n);
            }

            w.WriteEndArray();
            if (result.Reason is not null)
            {
                w.WriteString("reason", result.Reason);
            }

            Number(w, "seconds", result.Seconds);
            w.WriteStartArray("edges");
            foreach (EdgeReport edge in result.Edges)
            {
                w.WriteStartObject();
                w.WriteNumber("layer", edge.Layer);
                w.WriteNumber("from", edge.From);
                w.WriteNumber("to", edge.To);
                w.WriteString("function", edge.Function);
                Number(w, "a", edge.Fit?.A);
                Number(w, "b", edge.Fit?.B);
                Number(w, "c", edge.Fit?.C);
                Number(w, "d", edge.Fit?.D);
                Number(w, "r2", edge.Fit?.RSquared ?? edge.BestRSquared);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
