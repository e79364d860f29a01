using KanPde.Core;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Problems.Compilation;

namespace KanPde.Runner.Reporting;

/// <summary>A plane through the box: variables <see cref="XAxis"/> and <see cref="YAxis"/> vary, the others are fixed.</summary>
/// <param name="Fixed">Values of every variable; those of the two plotted axes are ignored.</param>
/// <param name="Label">Which values are fixed, e.g. "t = 0.5", or null when none are.</param>
public sealed record Slice(int XAxis, int YAxis, IReadOnlyList<double> Fixed, string? Label);

/// <summary>A model's values (and the exact solution's, when known) at plotting points.</summary>
public sealed record SampledField(double[] Values, double[]? Exact);

/// <summary>Where fields are sampled for plots, and the sampling itself.</summary>
public static class FieldSampler
{
    /// <summary>n equally spaced values from low to high, both included.</summary>
    public static double[] Linspace(double low, double high, int n) =>
        [.. Enumerable.Range(0, n).Select(i => i == n - 1 ? high : low + (high - low) * i / (n - 1))];

    /// <summary>Points on a line along variable 0 of a one-variable box.</summary>
    public static PointSet Line(Box box, int n) => new(1, Linspace(box.Low[0], box.High[0], n));

    /// <summary>
    /// The slices plotted for a box: for two variables the box itself; for three or more, the plane of the last two
    /// variables at four values of the first (its ends and thirds), any variables between at their centres.
    /// </summary>
    public static IReadOnlyList<Slice> Slices(Box box, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(box);
        int d = box.Dimension;
        double[] centre = [.. Enumerable.Range(0, d).Select(box.Center)];
        if (d == 2)
        {
            return [new Slice(0, 1, centre, null)];
        }

        string others = string.Concat(Enumerable.Range(1, d - 3).Select(k => $", {names[k]} = {Format(centre[k])}"));
        return [.. Linspace(box.Low[0], box.High[0], 4).Select(v =>
        {
            double[] values = [.. centre];
            values[0] = v;
            return new Slice(d - 2, d - 1, values, $"{names[0]} = {Format(v)}{others}");
        })];
    }

    /// <summary>An n × n grid on the slice, its x axis varying fastest (point j·n + i).</summary>
    public static PointSet Grid(Box box, Slice slice, int n)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(slice);
        int d = box.Dimension, count = n * n;
        double[] xs = Linspace(box.Low[slice.XAxis], box.High[slice.XAxis], n);
        double[] ys = Linspace(box.Low[slice.YAxis], box.High[slice.YAxis], n);
        var data = new double[d * count];
        for (int p = 0; p < data.Length; p++)
        {
            int k = p / count, j = p % count / n, i = p % n;
            data[p] = k == slice.XAxis ? xs[i] : k == slice.YAxis ? ys[j] : slice.Fixed[k];
        }

        return new PointSet(d, data);
    }

    /// <summary>
    /// The values of unknown <paramref name="unknown"/>, and its exact solution's when the problem has one; NaN at points
    /// outside the problem's domain.
    /// </summary>
    public static SampledField Sample(INetwork network, CompiledProblem problem, PointSet points, int unknown = 0)
    {
        ArgumentNullException.ThrowIfNull(problem);
        INetwork part = network is SystemNetwork system ? system.Unknown(unknown) : network;
        var field = new SampledField(NetworkEvaluation.Values(part, points), problem.Exacts[unknown]?.Evaluate(points));
        if (problem.Domain is not null)
        {
            // Outside the domain nothing was solved: blank (NaN is drawn as the plot's "no value" colour).
            bool[] inside = problem.InsideMask(points);
            for (int p = 0; p < inside.Length; p++)
            {
                if (!inside[p])
                {
                    field.Values[p] = double.NaN;
                    if (field.Exact is not null)
                    {
                        field.Exact[p] = double.NaN;
                    }
                }
            }
        }

        return field;
    }

    /// <summary>A number for a label: up to four significant digits.</summary>
    public static string Format(double value) => value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
