using KanPde.Core;
using System.Diagnostics;
using KanPde.Core.Derivatives;
using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Expressions;
using KanPde.Problems.Expressions.Compilation;
using Xunit.Abstractions;

namespace KanPde.Problems.Tests.Expressions.Compilation;

public sealed class CompiledResidualTests(ITestOutputHelper output)
{
    private static readonly Scope XY = new() { Variables = ["x", "y"], AllowVariables = true, AllowU = true };

    private static readonly string[] Texts =
    [
        "u_xx + u_yy - (-pi^2*(1 + 4*y^2)*sin(pi*x)*sin(pi*y^2) + 2*pi*sin(pi*x)*cos(pi*y^2))",
        "u_xx + u_yy - u^3 - sin(x)*exp(y)",
        "u_x + 2*u - cos(y)",
        "u_y + u*u_x - 0.01*u_xx",
        "sqrt(1 + u_x^2)*log(2 + u^2) - abs(x)*max(u_xy, 0.2)/(1 + y^2)",
        "u - 0",
    ];

    public static TheoryData<string> Residuals => [.. Texts];

    [Theory]
    [MemberData(nameof(Residuals))]
    public void Evaluate_Residual_MatchesTreeWalkAtEveryPoint(string text)
    {
        (CompiledResidual residual, PointSet points, double[] fields) = Setup(text, 300);
        int terms = residual.Terms.Count;
        var values = new double[points.Count];
        var partials = new double[terms * points.Count];

        residual.Prepare(points).Evaluate(0, points.Count, fields, values, partials);

        for (int p = 0; p < points.Count; p++)
        {
            double expected = residual.Expression.Evaluate([points.Coordinate(0)[p], points.Coordinate(1)[p]], t => fields[(IndexOf(residual, t) * points.Count) + p]);
            Assert.Equal(expected, values[p], 1e-12 * Math.Max(1, Math.Abs(expected)));
        }
    }

    /// <summary>
    /// ∂ρ/∂field against central differences with h = 1e-6 in each field: for these smooth residuals
    /// the error is below ~1e-9, so 1e-6 relative to max(1, |∂ρ|) separates a right from a wrong partial.
    /// </summary>
    [Theory]
    [MemberData(nameof(Residuals))]
    public void Evaluate_Partials_MatchCentralDifferencesInEachField(string text)
    {
        const double h = 1e-6;
        (CompiledResidual residual, PointSet points, double[] fields) = Setup(text, 40);
        int n = points.Count;
        int terms = residual.Terms.Count;
        IResidualEvaluator evaluator = residual.Prepare(points);
        var partials = new double[terms * n];
        evaluator.Evaluate(0, n, fields, new double[n], partials);

        for (int t = 0; t < terms; t++)
        {
            double[] plus = [.. fields];
            double[] minus = [.. fields];
            for (int p = 0; p < n; p++)
            {
                plus[(t * n) + p] += h;
                minus[(t * n) + p] -= h;
            }

            var up = new double[n];
            var down = new double[n];
            evaluator.Evaluate(0, n, plus, up, new double[terms * n]);
            evaluator.Evaluate(0, n, minus, down, new double[terms * n]);
            for (int p = 0; p < n; p++)
            {
                double fd = (up[p] - down[p]) / (2 * h);
                Assert.True(Math.Abs(fd - partials[(t * n) + p]) < 1e-6 * Math.Max(1, Math.Abs(fd)), $"{residual.Terms[t]} at {p}: {partials[(t * n) + p]} vs {fd}");
            }
        }
    }

    [Fact]
    public void Evaluate_BlocksFromTwoThreads_MatchOneWholeEvaluation()
    {
        (CompiledResidual residual, PointSet points, double[] fields) = Setup(Texts[1], 1000);
        int n = points.Count;
        int terms = residual.Terms.Count;
        IResidualEvaluator evaluator = residual.Prepare(points);
        var whole = new double[n];
        evaluator.Evaluate(0, n, fields, whole, new double[terms * n]);

        var blocked = new double[n];
        Parallel.For(0, (n + 99) / 100, new ParallelOptions { MaxDegreeOfParallelism = 2 }, b =>
        {
            int start = b * 100;
            int count = Math.Min(100, n - start);
            var blockFields = new double[terms * count];
            for (int t = 0; t < terms; t++)
            {
                fields.AsSpan((t * n) + start, count).CopyTo(blockFields.AsSpan(t * count));
            }

            evaluator.Evaluate(start, count, blockFields, blocked.AsSpan(start, count), new double[terms * count]);
        });

        Assert.Equal(whole, blocked);
    }

    [Fact]
    public void Compile_PaperEquation_PrecomputesSourceTermAndUsesConstantPartials()
    {
        (CompiledResidual residual, _, _) = Setup(Texts[0], 10);

        Assert.Equal([DerivativeTerm.D(0, 0), DerivativeTerm.D(1, 1)], residual.Terms);
        Assert.Equal(1, residual.PrecomputedCount);
        Assert.True(residual.InstructionCount <= 2, $"{residual.InstructionCount} instructions");
        Assert.All(residual.Partials, p => Assert.True(p.Is(1)));
    }

    [Fact]
    public void Evaluate_PaperEquationOn10000Points_ReportsMedianTime()
    {
        (CompiledResidual residual, PointSet points, double[] fields) = Setup(Texts[0], 10000);
        int n = points.Count;
        var stopwatch = Stopwatch.StartNew();
        IResidualEvaluator evaluator = residual.Prepare(points);
        double prepareMs = stopwatch.Elapsed.TotalMilliseconds;
        var values = new double[n];
        var partials = new double[2 * n];
        var times = new List<double>();
        double[] blockFields = fields[..512];
        for (int run = 0; run < 251; run++)
        {
            stopwatch.Restart();
            for (int start = 0; start < n; start += 256)
            {
                int count = Math.Min(256, n - start);
                evaluator.Evaluate(start, count, blockFields.AsSpan(0, 2 * count), values.AsSpan(start, count), partials.AsSpan(0, 2 * count));
            }

            if (run >= 50)
            {
                times.Add(stopwatch.Elapsed.TotalMilliseconds); // the first 50 runs warm up the JIT
            }
        }

        times.Sort();
        output.WriteLine($"paper residual, 10000 points in blocks of 256: prepare {prepareMs:F3} ms, evaluate median {times[times.Count / 2]:F4} ms");
        Assert.All(values, v => Assert.True(double.IsFinite(v)));
    }

    private static (CompiledResidual Residual, PointSet Points, double[] Fields) Setup(string text, int count)
    {
        Node node = Binder.ParseAndBind(text, XY, out IReadOnlyList<ExpressionError> errors) ?? throw new InvalidOperationException(errors[0].Message);
        var residual = new CompiledResidual(node);
        PointSet points = Collocation.Interior(new Box([-1.0, -1.0], [1.0, 1.0]), count, SamplingMethod.Uniform, 7);
        var random = new SeededRandom(11);
        double[] fields = [.. Enumerable.Range(0, residual.Terms.Count * count).Select(_ => random.NextDouble() - 0.3)];
        return (residual, points, fields);
    }

    private static int IndexOf(CompiledResidual residual, DerivativeTerm term)
    {
        for (int t = 0; t < residual.Terms.Count; t++)
        {
            if (residual.Terms[t] == term)
            {
                return t;
            }
        }

        throw new InvalidOperationException();
    }
}
