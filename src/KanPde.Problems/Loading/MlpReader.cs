using KanPde.Core.Networks;
using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

/// <summary><c>mlp</c>: <c>none</c>, or width, activation and steps.</summary>
internal static class MlpReader
{
    /// <summary>The baseline, or null for <c>mlp: none</c>.</summary>
    public static MlpSpec? Read(ReadContext context, YamlTree? node, int variables)
    {
        var defaults = new MlpSpec([Math.Max(1, variables), 100, 100, 100, 1], Activation.Tanh, null);
        if (node is null)
        {
            return defaults;
        }

        if (ReadContext.IsWord(node, "none"))
        {
            return null;
        }

        if (context.Map(node, "mlp ('none' or a map)", "mlp", ProblemKeys.Mlp) is not YamlMap map)
        {
            return defaults;
        }

        return new MlpSpec(
            ReadContext.Optional(map, "width") is { } w ? context.Width(w, "mlp.width", variables) ?? defaults.Width : defaults.Width,
            ReadContext.Optional(map, "activation") is { } a ? context.Choice(a, "activation", Names.Table<Activation>()) ?? Activation.Tanh : Activation.Tanh,
            ReadContext.Optional(map, "steps") is { } s ? context.Int(s, "mlp.steps", 1) ?? 1 : defaults.Steps);
    }
}
