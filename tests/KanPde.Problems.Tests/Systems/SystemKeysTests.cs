using KanPde.Core.Derivatives;
using KanPde.Core.Training;
using KanPde.Problems.Compilation;
using KanPde.Problems.Diagnostics;
using KanPde.Problems.Expressions;
using KanPde.Problems.Loading;
using KanPde.Problems.Specification;
using KanPde.Tests.Shared;

namespace KanPde.Problems.Tests.Systems;

/// <summary>The keys of systems and inverse problems: unknowns, equations, the exact map, parameters and data.</summary>
public sealed class SystemKeysTests
{
    private const string Inverse = """
        name: inv
        variables:
          t: [0, 1]
          x: [0, 1]
        parameters:
          kappa: {initial: 0.5, exact: 0.1}
        equation: u_t = kappa*u_xx
        conditions:
          - at: t = 0
            equation: u = sin(pi*x)
          - at: [x = 0, x = 1]
            equation: u = 0
        exact: exp(-0.1*pi^2*t)*sin(pi*x)

        """;

    [Fact]
    public void Parse_System_ReadsUnknownsEquationsAndExactMap()
    {
        ProblemSpec p = Load(BrokenFiles.ValidSystem);

        Assert.Equal(["u", "v"], p.Unknowns);
        Assert.Equal(2, p.Equations.Count);
        Assert.Same(p.Equations[0], p.Equation);
        Assert.Equal(2, p.Exacts.Count);
        Assert.All(p.Exacts, e => Assert.NotNull(e));
        Assert.True(p.IsSystem);
        IReadOnlyList<DerivativeTerm> terms = p.Equations[0].Residual.Fields();
        Assert.Equal([DerivativeTerm.D(0, 0), DerivativeTerm.D(1, 1), DerivativeTerm.Value.Of(1)], terms);
        Assert.Equal([DerivativeTerm.Value.Of(1)], p.Equations[1].Residual.Fields());
    }

    [Fact]
    public void Parse_SingleUnknownFile_MeansWhatItAlwaysMeant()
    {
        ProblemSpec p = Load(BrokenFiles.Valid);

        Assert.Equal(["u"], p.Unknowns);
        Assert.Equal([p.Equation], p.Equations);
        Assert.Equal([p.Exact], p.Exacts);
        Assert.Empty(p.Parameters);
        Assert.Empty(p.Data);
        Assert.False(p.IsSystem);
        Assert.Equal(0.01, p.Training.Weights.Equation);
    }

    [Fact]
    public void Derivative_OfAnotherUnknown_KeepsItsLetterAndIndex()
    {
        ProblemSpec p = Load(BrokenFiles.ValidSystem.Replace("  - v = -2", "  - v_x = -2", StringComparison.Ordinal));
        Node raised = p.Equations[1].Left.DifferentiateByVariable(1, p.VariableNames);

        FieldNode field = Assert.IsType<FieldNode>(raised);
        Assert.Equal("v_xy", field.Name);
        Assert.Equal(DerivativeTerm.D(0, 1).Of(1), field.Term);
    }

    [Fact]
    public void Parameter_IsAConstantField_WhoseDerivativeVanishes()
    {
        ProblemSpec p = Load(Inverse);

        ParameterSpec kappa = Assert.Single(p.Parameters);
        Assert.Equal(new ParameterSpec("kappa", 0.5, 0.1), kappa);
        FieldNode field = Assert.Single(Leaves(p.Equation.Right), f => f.IsParameter);
        Assert.Equal(DerivativeTerm.Value.Of(1), field.Term);
        Assert.True(Node.Product(field, field).DifferentiateByVariable(1, p.VariableNames).Is(0));
    }

    [Fact]
    public void ExactCheck_UsesTheParametersExactValue()
    {
        ProblemSpec right = Load(Inverse);
        ProblemSpec wrong = Load(Inverse.Replace("exact: 0.1}", "exact: 0.2}", StringComparison.Ordinal));

        Assert.All(ExactSolutionCheck.Run(right)!, r => Assert.True(r.Relative < 1e-12, r.Equation));
        Assert.True(ExactSolutionCheck.Run(wrong)![0].Relative > 0.1);
    }

    [Fact]
    public void ExactCheck_ParameterWithoutExact_LeavesItsEquationUnchecked()
    {
        ProblemSpec p = Load(Inverse.Replace("{initial: 0.5, exact: 0.1}", "0.5", StringComparison.Ordinal));

        Assert.Null(p.Parameters[0].Exact);
        IReadOnlyList<ExactCheckResult> results = ExactSolutionCheck.Run(p)!;
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.StartsWith("condition", r.Equation, StringComparison.Ordinal));
    }

    [Fact]
    public void Data_DefaultEquationWeight_IsOneUnlessGiven()
    {
        ProblemSpec withData = Load(Inverse + "data:\n  - from_exact: 20\n");
        ProblemSpec given = Load(Inverse + "data:\n  - from_exact: 20\ntraining:\n  weights: {equation: 0.5}\n");

        Assert.Equal(1, withData.Training.Weights.Equation);
        Assert.Equal(0.5, given.Training.Weights.Equation);
    }

    [Fact]
    public void FromExact_SameSeedSameObservations_NoiseHasTheRequestedSize()
    {
        CompiledProblem clean = CompiledProblem.Compile(Load(Inverse + "data:\n  - from_exact: 4000\n"));
        CompiledProblem noisy = CompiledProblem.Compile(Load(Inverse + "data:\n  - from_exact: 4000\n    noise: 0.05\n"));

        LossTerm a = Assert.Single(noisy.ObservationTerms(3));
        LossTerm b = Assert.Single(noisy.ObservationTerms(3));
        LossTerm exact = Assert.Single(clean.ObservationTerms(3));
        double[] d = [.. ((ObservationResidual)a.Residual).Values];
        double[] e = [.. ((ObservationResidual)exact.Residual).Values];
        Assert.Equal(d, ((ObservationResidual)b.Residual).Values);
        Assert.Equal(a.Points.Coordinates.ToArray(), exact.Points.Coordinates.ToArray());
        Assert.Equal(e, noisy.Exact!.Evaluate(a.Points), new ToleranceComparer(1e-15));
        double rms = Math.Sqrt(e.Average(v => v * v));
        double sd = Math.Sqrt(d.Zip(e, (x, y) => (x - y) * (x - y)).Average());
        Assert.InRange(sd / rms, 0.045, 0.055);
        Assert.NotEqual(d, ((ObservationResidual)Assert.Single(noisy.ObservationTerms(4)).Residual).Values);
    }

    [Fact]
    public void ObservationResidual_IsValueMinusObservation_WithUnitPartial()
    {
        var residual = new ObservationResidual(2, [1.0, 2.0, 3.0]);
        IResidualEvaluator evaluator = residual.Prepare(Core.Sampling.PointSet.FromRows([[0.0], [0.5], [1.0]]));
        var r = new double[2];
        var partials = new double[2];

        evaluator.Evaluate(1, 2, [10.0, 20.0], r, partials);

        Assert.Equal([DerivativeTerm.Value.Of(2)], residual.Terms);
        Assert.Equal([8.0, 17.0], r);
        Assert.Equal([1.0, 1.0], partials);
    }

    private static ProblemSpec Load(string yaml)
    {
        LoadResult result = ProblemLoader.Parse(yaml, "system.yaml");
        return result.Problem ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    private static IEnumerable<FieldNode> Leaves(Node node) => node switch
    {
        FieldNode f => [f],
        NegateNode n => Leaves(n.Operand),
        BinaryNode b => Leaves(b.Left).Concat(Leaves(b.Right)),
        CallNode c => Leaves(c.Argument),
        _ => [],
    };

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
