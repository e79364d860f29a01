using KanPde.Core.Symbolic;

namespace KanPde.Core.Tests.Symbolic;

public sealed class FunctionFitterTests
{
    private static (double[] X, double[] Y) Samples(Func<double, double> f, double low = -1, double high = 1, int count = 401)
    {
        double[] x = [.. Enumerable.Range(0, count).Select(i => low + (high - low) * i / (count - 1))];
        return (x, [.. x.Select(f)]);
    }

    [Fact]
    public void Select_ShiftedScaledSine_SineWithItsConstants()
    {
        // 2·sin(3x + 0.5) − 1, written c·sin(a·x + b) + d with a > 0 and b in [−π, π): c = 2, b = 0.5 or c = −2, b = 0.5 − π
        (double[] x, double[] y) = Samples(v => 2 * Math.Sin(3 * v + 0.5) - 1);
        var rule = new SelectionRule { Library = [.. SymbolicFunctions.All.Where(f => f != SymbolicFunction.Cos)] };

        EdgeFit fit = FunctionFitter.Select(x, y, rule).Chosen!;

        Assert.Equal(SymbolicFunction.Sin, fit.Function);
        Assert.Equal(3, fit.A, 1e-7);
        Assert.Equal(-1, fit.D, 1e-7);
        bool positive = fit.C > 0;
        Assert.Equal(positive ? 2 : -2, fit.C, 1e-7);
        Assert.Equal(positive ? 0.5 : 0.5 - Math.PI, fit.B, 1e-7);
        Assert.True(1 - fit.RSquared < 1e-12, $"R² = {fit.RSquared}");
    }

    [Fact]
    public void Select_SineWithFullLibrary_ATrigonometricFitThatReproducesTheSamples()
    {
        (double[] x, double[] y) = Samples(v => 2 * Math.Sin(3 * v + 0.5) - 1);

        EdgeFit fit = FunctionFitter.Select(x, y, new SelectionRule()).Chosen!;

        Assert.Contains(fit.Function, (SymbolicFunction[])[SymbolicFunction.Sin, SymbolicFunction.Cos]);
        Assert.All(x, v => Assert.Equal(2 * Math.Sin(3 * v + 0.5) - 1, fit.Evaluate(v), 1e-7));
    }

    [Fact]
    public void Select_Square_SquareNotAHigherPower()
    {
        (double[] x, double[] y) = Samples(v => v * v);

        EdgeFit fit = FunctionFitter.Select(x, y, new SelectionRule()).Chosen!;

        Assert.Equal(SymbolicFunction.X2, fit.Function);
        Assert.All(x, v => Assert.Equal(v * v, fit.Evaluate(v), 1e-9));
    }

    [Fact]
    public void Select_Line_X()
    {
        (double[] x, double[] y) = Samples(v => 0.3 * v - 2, 2, 5);

        EdgeFit fit = FunctionFitter.Select(x, y, new SelectionRule()).Chosen!;

        Assert.Equal(SymbolicFunction.X, fit.Function);
        Assert.All(x, v => Assert.Equal(0.3 * v - 2, fit.Evaluate(v), 1e-9));
    }

    [Fact]
    public void Select_Constant_ConstantWithItsValue()
    {
        (double[] x, double[] y) = Samples(_ => 1.25);

        EdgeFit fit = FunctionFitter.Select(x, y, new SelectionRule()).Chosen!;

        Assert.Equal(SymbolicFunction.Constant, fit.Function);
        Assert.Equal(1.25, fit.D, 1e-15);
    }

    [Fact]
    public void Select_ZeroSamples_Zero()
    {
        (double[] x, double[] y) = Samples(_ => 0);

        Assert.Equal(SymbolicFunction.Zero, FunctionFitter.Select(x, y, new SelectionRule()).Chosen!.Function);
    }

    [Fact]
    public void Select_LogarithmAwayFromZero_LogInsideItsDomain()
    {
        (double[] x, double[] y) = Samples(v => 0.7 * Math.Log(v + 1.5) + 0.1);

        EdgeSelection selection = FunctionFitter.Select(x, y, new SelectionRule());

        Assert.Equal(SymbolicFunction.Log, selection.Chosen!.Function);
        Assert.All(x, v => Assert.Equal(0.7 * Math.Log(v + 1.5) + 0.1, selection.Chosen.Evaluate(v), 1e-7));
        Assert.All(selection.Candidates, c => Assert.All(x, v => Assert.True(double.IsFinite(c.Evaluate(v)), $"{c.Name} at {v}")));
    }

    [Fact]
    public void Select_NoisyOscillation_KeepsTheSpline()
    {
        var random = new Random(7);
        (double[] x, double[] y) = Samples(v => Math.Sin(25 * v * v) * Math.Exp(v) + 0.05 * (random.NextDouble() - 0.5));

        EdgeSelection selection = FunctionFitter.Select(x, y, new SelectionRule());

        Assert.Null(selection.Chosen);
        Assert.NotEmpty(selection.Candidates);
        Assert.All(selection.Candidates, c => Assert.True(c.RSquared < 0.999));
    }

    [Fact]
    public void Choose_ExactCandidates_SimplestEvenIfAnotherFitsBetter()
    {
        var rule = new SelectionRule();
        EdgeFit sin = new(SymbolicFunction.Sin, 1, 0, 1, 0, 1 - 1e-9), tanh = new(SymbolicFunction.Tanh, 1, 0, 1, 0, 1 - 1e-14);

        Assert.Equal(sin, rule.Choose([tanh, sin]));
    }

    [Fact]
    public void Choose_NoExactCandidate_BestRSquaredAboveTheMinimum()
    {
        var rule = new SelectionRule();
        EdgeFit constant = new(SymbolicFunction.Constant, 0, 0, 0, 1, 0), sin = new(SymbolicFunction.Sin, 1, 0, 1, 0, 0.9995);

        Assert.Equal(sin, rule.Choose([constant, sin]));
        Assert.Null(rule.Choose([constant, sin with { RSquared = 0.99 }]));
    }
}
