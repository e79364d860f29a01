using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

/// <summary><c>kan</c>: width, starting grid, spline order and grid updates.</summary>
internal static class KanReader
{
    /// <summary>The grid when neither <c>kan.grid</c> nor an explicit schedule gives one.</summary>
    public const int DefaultGrid = 5;

    public static KanSpec Read(ReadContext context, YamlTree? node, int variables, TrainingSpec training)
    {
        int defaultGrid = training.Schedule is [StageSpec first, ..] ? first.Grid : DefaultGrid;
        var defaults = new KanSpec([Math.Max(1, variables), 10, 1], defaultGrid, 3, null);
        if (node is null || context.Map(node, "kan", "kan", ProblemKeys.Kan) is not YamlMap map)
        {
            return defaults;
        }

        GridUpdateSpec? update = null;
        if (ReadContext.Optional(map, "grid_update") is { } u)
        {
            update = ReadContext.IsWord(u, "none")
                ? GridUpdateSpec.Disabled
                : context.Map(u, "kan.grid_update ('none' or {every: N, until: M})", "kan.grid_update", ProblemKeys.GridUpdate) is YamlMap um
                    ? new GridUpdateSpec(
                        true,
                        context.Required(um, "every", " in kan.grid_update") is { } every ? context.Int(every, "kan.grid_update.every", 1) ?? 1 : 1,
                        context.Required(um, "until", " in kan.grid_update") is { } until ? context.Int(until, "kan.grid_update.until", 0) ?? 0 : 0)
                    : null;
        }

        return new KanSpec(
            ReadContext.Optional(map, "width") is { } w ? context.Width(w, "kan.width", variables) ?? defaults.Width : defaults.Width,
            ReadContext.Optional(map, "grid") is { } g ? context.Int(g, "kan.grid", 1) ?? defaultGrid : defaultGrid,
            ReadContext.Optional(map, "order") is { } o ? context.Int(o, "kan.order (at least 2, so that second derivatives exist)", 2) ?? 3 : 3,
            update,
            ReadContext.Optional(map, "symbolic") is { } sym && Flag(context, sym, "kan.symbolic"));
    }

    private static bool Flag(ReadContext context, YamlTree node, string what)
    {
        if (ReadContext.IsWord(node, "true"))
        {
            return true;
        }

        if (!ReadContext.IsWord(node, "false"))
        {
            context.Error(node, $"{what} must be true or false");
        }

        return false;
    }
}
