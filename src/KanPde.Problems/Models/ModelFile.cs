using System.Text;
using System.Text.Json;
using KanPde.Core;
using KanPde.Core.Networks;
using KanPde.Core.Splines;
using KanPde.Core.Training;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Models;

/// <summary>
/// <c>&lt;model&gt;/model.json</c> (docs/results-format.md): a trained network with everything needed to evaluate
/// it again without training, as JSON text (no file I/O here: the caller reads and writes the file). Numbers are
/// written in their shortest round-trippable form, so <see cref="Read"/> rebuilds the network bit for bit.
/// </summary>
/// <remarks>
/// Both kinds: <c>format</c> ("kanpde-model"), <c>version</c> (1), <c>kind</c> ("kan" or "mlp"), <c>variables</c>
/// (names, in input order), <c>domain</c> (<c>low</c>, <c>high</c>: the box mapped onto [−1, 1]^d), <c>width</c>,
/// and <c>parameters</c>, the flat parameter vector. A KAN adds <c>order</c> (k), <c>grid</c> (G) and
/// <c>layers</c>: per layer, the grid points g_0 … g_G of each input (the knots without their k padding knots on
/// each side, which continue the end spacing). An MLP adds <c>activation</c>. The parameter layout is in
/// <c>layout</c>, for readers in other languages.
/// </remarks>
public static class ModelFile
{
    private const string Format = "kanpde-model";
    private const int Version = 1;
    private const string KanLayout =
        "per layer, from its offset, one block of B + 2 numbers per edge (i, o), edges in the order i*out + o (o innermost), B = G + k: " +
        "the coefficients c[i][0..B-1][o], then the base weight w_b, then the spline scale w_s; " +
        "edge phi(x) = w_b*silu(x) + w_s*sum_m c[i][m][o]*B_m(x) with B_m the B-splines of order k on input i's knots; " +
        "network inputs are the variables mapped from the domain onto [-1, 1]";

    private const string MlpLayout =
        "per layer l: weights W (out x in, row-major), then biases b (out); hidden layers apply the activation, the output is linear; " +
        "inputs mapped from the domain onto [-1, 1]";

    /// <summary>
    /// The network as JSON text. A <see cref="SystemNetwork"/> is written with <c>kind</c> "system", its unknowns' networks
    /// under <c>unknowns</c> (each a model object with its <c>name</c>) and its trained parameters of the equations under <c>parameter_values</c>
    /// (name → value); <paramref name="unknowns"/> and <paramref name="constants"/> name them (default u0, u1, … and c0, …).
    /// </summary>
    public static string Write(INetwork network, IReadOnlyList<string> variables, IReadOnlyList<string>? unknowns = null, IReadOnlyList<string>? constants = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(variables);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            if (network is SystemNetwork system)
            {
                w.WriteString("kind", "system");
                w.WriteStartArray("variables");
                foreach (string v in variables)
                {
                    w.WriteStringValue(v);
                }

                w.WriteEndArray();
                w.WriteStartArray("unknowns");
                for (int k = 0; k < system.UnknownCount; k++)
                {
                    w.WriteStartObject();
                    w.WriteString("name", unknowns?[k] ?? $"u{k}");
                    WriteModel(w, system.Unknown(k), variables);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartObject("parameter_values");
                for (int c = 0; c < system.ConstantCount; c++)
                {
                    w.WriteNumber(constants?[c] ?? $"c{c}", system.Constant(c));
                }

                w.WriteEndObject();
            }
            else
            {
                WriteModel(w, network, variables);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteModel(Utf8JsonWriter w, INetwork network, IReadOnlyList<string> variables)
    {
        switch (network)
        {
            case PeriodicNetwork periodic:
                WritePeriodic(w, periodic, variables);
                return;
            case KanNetwork kan:
                WriteKan(w, kan, variables);
                break;
            case MlpNetwork mlp:
                WriteMlp(w, mlp, variables);
                break;
            default:
                throw new NotSupportedException($"Cannot save a {network.GetType().Name}.");
        }

        Numbers(w, "parameters", network.Parameters);
    }

    /// <summary>Rebuilds the network from JSON text; throws <see cref="InvalidDataException"/> when the text is not a model file.</summary>
    public static INetwork Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            JsonElement root = doc.RootElement;
            if (root.GetProperty("format").GetString() != Format || root.GetProperty("version").GetInt32() != Version)
            {
                throw new InvalidDataException($"Not a {Format} file of version {Version}.");
            }

            if (root.GetProperty("kind").GetString() == "system")
            {
                INetwork[] parts = [.. root.GetProperty("unknowns").EnumerateArray().Select(ReadModel)];
                return new SystemNetwork(parts, [.. root.GetProperty("parameter_values").EnumerateObject()
                    .Select(c => new ConstantNetwork(parts[0].Domain, c.Value.GetDouble()))]);
            }

            return ReadModel(root);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new InvalidDataException($"Not a valid model file: {e.Message}", e);
        }
    }

    private static INetwork ReadModel(JsonElement root)
    {
        JsonElement domain = root.GetProperty("domain");
        var box = new Box(Doubles(domain.GetProperty("low")), Doubles(domain.GetProperty("high")));
        if (root.GetProperty("kind").GetString() == "periodic")
        {
            string[] variables = [.. root.GetProperty("variables").EnumerateArray().Select(v => v.GetString() ?? "")];
            int[] periodic = [.. root.GetProperty("periodic").EnumerateArray().Select(v => Array.IndexOf(variables, v.GetString()))];
            return new PeriodicNetwork(box, periodic, ReadModel(root.GetProperty("inner")));
        }

        int[] width = [.. root.GetProperty("width").EnumerateArray().Select(e => e.GetInt32())];
        double[] parameters = Doubles(root.GetProperty("parameters"));
        return root.GetProperty("kind").GetString() switch
        {
            string kind => Names.Parse<ModelKind>(kind) switch
            {
                ModelKind.Kan => ReadKan(root, box, width, parameters),
                ModelKind.Mlp => new MlpNetwork(box, width, ParseActivation(root.GetProperty("activation").GetString()), parameters),
                _ => throw new InvalidDataException($"Unknown model kind '{kind}'."),
            },
            null => throw new InvalidDataException("The model kind is missing."),
        };
    }

    // Periodic variables: the inner model sees cos θ in place of each and sin θ after the variables.
    private static void WritePeriodic(Utf8JsonWriter w, PeriodicNetwork periodic, IReadOnlyList<string> variables)
    {
        w.WriteString("kind", "periodic");
        WriteShape(w, periodic, periodic.Widths, variables);
        w.WriteStartArray("periodic");
        foreach (int k in periodic.Periodic)
        {
            w.WriteStringValue(variables[k]);
        }

        w.WriteEndArray();
        w.WriteString("inputs", "each periodic variable x on [low, high] enters the inner model as cos(theta) in its own place and sin(theta) after the variables, " +
            "theta = 2*pi*(x - low)/(high - low), in the order of 'periodic'");
        string[] inner = [.. variables.Select((v, k) => periodic.Periodic.Contains(k) ? $"cos_{v}" : v), .. periodic.Periodic.Select(k => $"sin_{variables[k]}")];
        w.WriteStartObject("inner");
        WriteModel(w, periodic.Inner, inner);
        w.WriteEndObject();
    }

    private static void WriteKan(Utf8JsonWriter w, KanNetwork kan, IReadOnlyList<string> variables)
    {
        w.WriteString("kind", Names.Name(ModelKind.Kan));
        WriteShape(w, kan, kan.Widths, variables);
        w.WriteNumber("order", kan.Order);
        w.WriteNumber("grid", kan.Intervals);
        w.WriteStartArray("layers");
        foreach (KanLayer layer in kan.Layers)
        {
            w.WriteStartObject();
            w.WriteNumber("inputs", layer.InputCount);
            w.WriteNumber("outputs", layer.OutputCount);
            w.WriteNumber("offset", layer.Offset);
            w.WriteStartArray("grids");
            foreach (KnotVector knots in layer.Grids)
            {
                w.WriteStartArray();
                foreach (double g in knots.GridPoints)
                {
                    w.WriteNumberValue(g);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("layout", KanLayout);
    }

    private static void WriteMlp(Utf8JsonWriter w, MlpNetwork mlp, IReadOnlyList<string> variables)
    {
        w.WriteString("kind", Names.Name(ModelKind.Mlp));
        WriteShape(w, mlp, mlp.Widths, variables);
        w.WriteString("activation", Names.Name(mlp.Activation));
        w.WriteString("layout", MlpLayout);
    }

    private static void WriteShape(Utf8JsonWriter w, INetwork network, IReadOnlyList<int> width, IReadOnlyList<string> variables)
    {
        w.WriteStartArray("variables");
        foreach (string v in variables)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
        w.WriteStartObject("domain");
        Numbers(w, "low", network.Domain.Low);
        Numbers(w, "high", network.Domain.High);
        w.WriteEndObject();
        w.WriteStartArray("width");
        foreach (int n in width)
        {
            w.WriteNumberValue(n);
        }

        w.WriteEndArray();
    }

    private static KanNetwork ReadKan(JsonElement root, Box box, int[] width, double[] parameters)
    {
        int order = root.GetProperty("order").GetInt32();
        var layers = new List<KanLayer>();
        int offset = 0;
        foreach (JsonElement layer in root.GetProperty("layers").EnumerateArray())
        {
            KnotVector[] grids = [.. layer.GetProperty("grids").EnumerateArray().Select(g => KnotVector.FromGrid(Doubles(g), order))];
            var built = new KanLayer(layer.GetProperty("outputs").GetInt32(), grids, offset);
            layers.Add(built);
            offset += built.ParameterCount;
        }

        var kan = new KanNetwork(box, layers, parameters);
        if (!kan.Widths.SequenceEqual(width))
        {
            throw new InvalidDataException("The layers do not match the width.");
        }

        return kan;
    }

    private static Activation ParseActivation(string? name) =>
        (name is null ? null : Names.Parse<Activation>(name)) ?? throw new InvalidDataException($"Unknown activation '{name}'.");

    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];
}
