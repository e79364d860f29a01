using KanPde.Core;
using KanPde.Core.Geometry;
using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Expressions.Compilation;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Compilation;

/// <summary>
/// A problem ready for training: the box, the compiled residuals of the equation and of every
/// condition, the exact solution (if any), and collocation points drawn from the seed.
/// </summary>
public sealed class CompiledProblem
{
    private CompiledProblem(ProblemSpec spec)
    {
        Spec = spec;
        Box = new Box([.. spec.Variables.Select(v => v.Low)], [.. spec.Variables.Select(v => v.High)]);
        Domain = spec.Domain;
        Equations = [.. spec.Equations.Select(e => new CompiledResidual(e.Residual))];
        Conditions = [.. spec.Conditions.Select((c, i) => new CompiledCondition(i, c, new CompiledResidual(c.Equation.Residual)) { VariableCount = spec.Variables.Count })];
        Exacts = [.. spec.Exacts.Select(e => e is null ? null : new PointFunction(e.Expression))];
    }

    /// <summary>The validated problem.</summary>
    public ProblemSpec Spec { get; }

    /// <summary>The box of the variables, in their order.</summary>
    public Box Box { get; }

    /// <summary>The region where the equations hold, or null for the whole <see cref="Box"/>.</summary>
    public Shape? Domain { get; }

    /// <summary>The PDE's residual LHS − RHS, with its partials (the first equation of a system).</summary>
    public CompiledResidual Equation => Equations[0];

    /// <summary>Every equation's residual, in file order.</summary>
    public IReadOnlyList<CompiledResidual> Equations { get; }

    /// <summary>Each condition's residual, faces, weight and points per face.</summary>
    public IReadOnlyList<CompiledCondition> Conditions { get; }

    /// <summary>The exact solution (of the first unknown in a system), or null.</summary>
    public PointFunction? Exact => Exacts[0];

    /// <summary>Each unknown's exact solution, null where it has none.</summary>
    public IReadOnlyList<PointFunction?> Exacts { get; }

    /// <summary>
    /// The exact values at <paramref name="points"/> of every unknown, unknown after unknown (as
    /// <c>NetworkEvaluation.Values</c> stacks a system's outputs); null unless every unknown has an exact solution.
    /// </summary>
    public double[]? ExactValues(PointSet points) =>
        Exacts.Any(e => e is null) ? null : [.. Exacts.SelectMany(e => e!.Evaluate(points))];

    /// <summary>
    /// The observations of <c>data</c> as loss terms, one per observed unknown of each entry: the points where it was
    /// observed and the residual u_k − observed. Synthetic entries (<c>from_exact</c>) draw their Sobol points and noise
    /// from <paramref name="seed"/>.
    /// </summary>
    public IReadOnlyList<LossTerm> ObservationTerms(long seed)
    {
        var terms = new List<LossTerm>();
        for (int i = 0; i < Spec.Data.Count; i++)
        {
            DataSpec data = Spec.Data[i];
            ObservationTable table = data.Table ?? Synthetic(data, seed, stream: 7000 + i);
            foreach ((int unknown, double[] values) in table.Columns)
            {
                int[] observed = [.. Enumerable.Range(0, table.Count).Where(p => double.IsFinite(values[p]))];
                if (observed.Length == 0)
                {
                    continue;
                }

                int d = Box.Dimension, n = observed.Length;
                var coordinates = new double[d * n];
                for (int k = 0; k < d; k++)
                {
                    for (int p = 0; p < n; p++)
                    {
                        coordinates[k * n + p] = table.Coordinates[k * table.Count + observed[p]];
                    }
                }

                terms.Add(new LossTerm($"{data.Name}: {Spec.Unknowns[unknown]}", new ObservationResidual(unknown, [.. observed.Select(p => values[p])]),
                    new PointSet(d, coordinates), data.Weight));
            }
        }

        return terms;
    }

    private ObservationTable Synthetic(DataSpec data, long seed, long stream)
    {
        PointSet points = Interior(data.FromExact ?? 1, SamplingMethod.Sobol, seed + stream);
        var random = new SeededRandom(seed, stream);
        var columns = new List<(int, double[])>();
        for (int k = 0; k < Exacts.Count; k++)
        {
            if (Exacts[k] is not { } exact)
            {
                continue;
            }

            double[] values = exact.Evaluate(points);
            double rms = Math.Sqrt(values.Sum(v => v * v) / values.Length);
            for (int p = 0; p < values.Length; p++)
            {
                values[p] += data.Noise * rms * Gaussian(random);
            }

            columns.Add((k, values));
        }

        return new ObservationTable(points.Count, points.Coordinates.ToArray(), columns);
    }

    // A standard normal deviate (Box–Muller).
    private static double Gaussian(SeededRandom random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Compiles a validated problem.</summary>
    public static CompiledProblem Compile(ProblemSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new CompiledProblem(spec);
    }

    /// <summary>The interior collocation points (training.points.interior, training.sampling, training.seed), inside the domain.</summary>
    public PointSet InteriorPoints() => Interior(Spec.Training.Points.Interior, Spec.Training.Sampling, Spec.Training.Seed);

    private PointSet Interior(int count, SamplingMethod method, long seed) =>
        Domain is null ? Collocation.Interior(Box, count, method, seed) : ShapeSampling.Interior(Domain, count, method, seed);

    /// <summary>
    /// The collocation points of condition <paramref name="index"/>: its points per place on each of its places, place
    /// after place (in one dimension a face is one point).
    /// </summary>
    public PointSet ConditionPoints(int index) => ConditionBoundary(index).Points;

    /// <summary>The collocation points of condition <paramref name="index"/> with the domain's outward unit normal at each.</summary>
    public BoundaryPoints ConditionBoundary(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Conditions.Count);
        CompiledCondition condition = Conditions[index];
        return BoundaryPlaces.Sample(Box, Domain, condition.Spec, condition.Spec.PointsPerFace, Spec.Training.Sampling, Spec.Training.Seed, index * 64);
    }

    /// <summary>
    /// Condition <paramref name="index"/> as a loss term's residual and points: a residual that reads <c>u_n</c> is given
    /// the normals at its points.
    /// </summary>
    public (IResidual Residual, PointSet Points) ConditionTerm(int index)
    {
        BoundaryPoints boundary = ConditionBoundary(index);
        CompiledCondition condition = Conditions[index];
        return (condition.UsesNormals ? new NormalResidual(condition.Residual, boundary.Normals) : condition.Residual, boundary.Points);
    }

    /// <summary>The evaluation grid: evaluation.points per axis, bounds included; with a domain, only its nodes inside it.</summary>
    public PointSet EvaluationGrid() => Inside(Collocation.Grid(Box, Spec.Evaluation.Points));

    /// <summary>The points of <paramref name="points"/> inside the domain, in order (all of them without a domain).</summary>
    public PointSet Inside(PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (Domain is null)
        {
            return points;
        }

        bool[] inside = InsideMask(points);
        int d = points.Dimension, n = inside.Count(b => b);
        var coordinates = new double[d * n];
        for (int k = 0; k < d; k++)
        {
            ReadOnlySpan<double> from = points.Coordinate(k);
            int j = 0;
            for (int p = 0; p < points.Count; p++)
            {
                if (inside[p])
                {
                    coordinates[(k * n) + j++] = from[p];
                }
            }
        }

        return new PointSet(d, coordinates);
    }

    /// <summary>For each point, whether it lies in the domain (closed, with the shape's tolerance); all true without a domain.</summary>
    public bool[] InsideMask(PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var mask = new bool[points.Count];
        var point = new double[points.Dimension];
        for (int p = 0; p < points.Count; p++)
        {
            for (int k = 0; k < point.Length; k++)
            {
                point[k] = points.Coordinate(k)[p];
            }

            mask[p] = Domain?.Contains(point) ?? true;
        }

        return mask;
    }
}

/// <summary>A condition compiled: which faces, its loss weight, points per face, and its residual.</summary>
public sealed record CompiledCondition(int Index, ConditionSpec Spec, CompiledResidual Residual)
{
    /// <summary>The faces the condition holds on.</summary>
    public IReadOnlyList<FaceSpec> Faces => Spec.Faces;

    /// <summary>The condition's own loss weight.</summary>
    public double Weight => Spec.Weight;

    /// <summary>Requested collocation points per face.</summary>
    public int PointsPerFace => Spec.PointsPerFace;

    /// <summary>Whether the residual reads the outward normal (<c>u_n</c>): a variable past the problem's own.</summary>
    public bool UsesNormals
    {
        get
        {
            bool reads = false;
            Residual.Expression.Substitute(leaf =>
            {
                reads |= leaf is Expressions.VariableNode v && v.Index >= VariableCount;
                return null;
            });
            return reads;
        }
    }

    /// <summary>The problem's number of variables (normal components are read as the variables after them).</summary>
    public int VariableCount { get; init; }
}
