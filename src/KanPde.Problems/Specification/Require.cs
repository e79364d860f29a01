namespace KanPde.Problems.Specification;

/// <summary>Argument checks shared by the specification records (their constructors and <c>with</c> alike).</summary>
internal static class Require
{
    public static int AtLeast(int value, int minimum, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, minimum, name);
        return value;
    }

    public static int? AtLeast(int? value, int minimum, string name)
    {
        if (value is int v)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(v, minimum, name);
        }

        return value;
    }

    public static T Defined<T>(T value, string name)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Not a {typeof(T).Name} value.");
        }

        return value;
    }

    public static T? Defined<T>(T? value, string name)
        where T : struct, Enum => value is T v ? Defined(v, name) : null;

    /// <summary>A network width: at least an input and an output layer, every layer at least one neuron, one output.</summary>
    public static IReadOnlyList<int> Width(IReadOnlyList<int> width, string name)
    {
        ArgumentNullException.ThrowIfNull(width, name);
        if (width.Count < 2 || width.Any(n => n < 1) || width[^1] != 1)
        {
            throw new ArgumentOutOfRangeException(name, $"A width needs at least two layers of at least one neuron each and one output, not [{string.Join(", ", width)}].");
        }

        return width;
    }
}
