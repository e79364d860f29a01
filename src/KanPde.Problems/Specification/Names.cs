using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Training;

namespace KanPde.Problems.Specification;

/// <summary>
/// The one table between Core's enums and the names files use (problem files, <c>metrics.json</c>,
/// <c>summary.json</c>, <c>model.json</c>, the command line's <c>--models</c>). Every switch names every
/// value and throws on anything else; parsing goes through the same switches, so a name is written in one
/// place only.
/// </summary>
public static class Names
{
    /// <summary><c>kan</c> or <c>mlp</c>.</summary>
    public static string Name(ModelKind kind) => kind switch
    {
        ModelKind.Kan => "kan",
        ModelKind.Mlp => "mlp",
        _ => throw Unknown(kind),
    };

    /// <summary><c>lbfgs</c>, <c>adam</c> or <c>lm</c>.</summary>
    public static string Name(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Lbfgs => "lbfgs",
        OptimizerKind.Adam => "adam",
        OptimizerKind.LevenbergMarquardt => "lm",
        _ => throw Unknown(kind),
    };

    /// <summary><c>tanh</c>, <c>sin</c>, <c>silu</c> or <c>softplus</c>.</summary>
    public static string Name(Activation activation) => activation switch
    {
        Activation.Tanh => "tanh",
        Activation.Sin => "sin",
        Activation.Silu => "silu",
        Activation.Softplus => "softplus",
        _ => throw Unknown(activation),
    };

    /// <summary><c>uniform</c>, <c>grid</c>, <c>sobol</c> or <c>halton</c>.</summary>
    public static string Name(SamplingMethod method) => method switch
    {
        SamplingMethod.Uniform => "uniform",
        SamplingMethod.Grid => "grid",
        SamplingMethod.Sobol => "sobol",
        SamplingMethod.Halton => "halton",
        _ => throw Unknown(method),
    };

    /// <summary><c>completed</c>, <c>diverged</c> or <c>cancelled</c>.</summary>
    public static string Name(TrainingStatus status) => status switch
    {
        TrainingStatus.Completed => "completed",
        TrainingStatus.Diverged => "diverged",
        TrainingStatus.Cancelled => "cancelled",
        _ => throw Unknown(status),
    };

    /// <summary>Every value of <typeparamref name="T"/> by its name, in declaration order.</summary>
    public static IReadOnlyDictionary<string, T> Table<T>()
        where T : struct, Enum => TableOf<T>.Entries;

    /// <summary>The value named <paramref name="name"/> (exact, case-sensitive), or null.</summary>
    public static T? Parse<T>(string name)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(name);
        return TableOf<T>.Entries.TryGetValue(name, out T value) ? value : null;
    }

    private static ArgumentOutOfRangeException Unknown<T>(T value)
        where T : struct, Enum =>
        new(nameof(value), value, $"Not a {typeof(T).Name} value.");

    private static string NameOf<T>(T value)
        where T : struct, Enum => value switch
        {
            ModelKind m => Name(m),
            OptimizerKind o => Name(o),
            Activation a => Name(a),
            SamplingMethod s => Name(s),
            TrainingStatus t => Name(t),
            _ => throw new NotSupportedException($"{typeof(T).Name} has no file names."),
        };

    private static class TableOf<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyDictionary<string, T> Entries = Build();

        private static Dictionary<string, T> Build()
        {
            var entries = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (T value in Enum.GetValues<T>())
            {
                entries.Add(NameOf(value), value);
            }

            return entries;
        }
    }
}
