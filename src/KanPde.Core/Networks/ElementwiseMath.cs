using System.Numerics.Tensors;

namespace KanPde.Core.Networks;

/// <summary>
/// tanh and the logistic sigmoid over spans, vectorised by <see cref="TensorPrimitives"/>, such that every
/// element's result depends on that element's value alone.
/// </summary>
/// <remarks>
/// <see cref="TensorPrimitives"/> does not promise that on its own, and it does not hold for double: its
/// exp-based kernels compute a whole vector by scalar code as soon as one lane is outside |x| ≤ 708, spans
/// shorter than a vector take narrower kernels or scalar code, and which elements share a vector depends on the
/// buffer's memory alignment. The last bits of an element then depended on its neighbours and on where the
/// allocator put the buffer, which differs from one run to the next. Here inputs are first clamped to a range
/// where the result is already saturated (tanh) or where no lane leaves the vector kernel (sigmoid), and spans
/// shorter than <see cref="PaddedLength"/> are padded, so every finite element goes through the same vector code.
/// (Sine has lane-dependent paths even for small arguments; it is evaluated with scalar <see cref="Math"/>.)
/// </remarks>
internal static class ElementwiseMath
{
    /// <summary>Beyond this |x|, tanh x rounds to ±1 (it does from |x| ≈ 19.06).</summary>
    internal const double TanhSaturation = 20;

    /// <summary>exp's vector kernel handles |x| ≤ 708 lane by lane; σ(±700) differs from σ(±∞) by less than 1e-304.</summary>
    internal const double SigmoidLimit = 700;

    /// <summary>The widest vector of doubles: shorter spans are padded to it.</summary>
    internal const int PaddedLength = 8;

    private delegate void Kernel(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>Effectively <c>destination[i] = tanh(x[i])</c>.</summary>
    public static void Tanh(ReadOnlySpan<double> x, Span<double> destination) =>
        Apply(x, destination, TanhSaturation, static (a, b) => TensorPrimitives.Tanh(a, b));

    /// <summary>Effectively <c>destination[i] = 1 / (1 + exp(−x[i]))</c>.</summary>
    public static void Sigmoid(ReadOnlySpan<double> x, Span<double> destination) =>
        Apply(x, destination, SigmoidLimit, static (a, b) => TensorPrimitives.Sigmoid(a, b));

    private static void Apply(ReadOnlySpan<double> x, Span<double> destination, double limit, Kernel kernel)
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException("Destination too short.", nameof(destination));
        }

        if (x.Length >= PaddedLength)
        {
            Span<double> d = destination[..x.Length];
            TensorPrimitives.Clamp(x, -limit, limit, d);
            kernel(d, d);
            return;
        }

        Span<double> padded = stackalloc double[PaddedLength];
        padded.Clear();
        x.CopyTo(padded);
        TensorPrimitives.Clamp(padded, -limit, limit, padded);
        kernel(padded, padded);
        padded[..x.Length].CopyTo(destination);
    }
}
