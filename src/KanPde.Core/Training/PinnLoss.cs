using KanPde.Core.Derivatives;
using KanPde.Core.Networks;
using KanPde.Core.Optimization;
using KanPde.Core.Parallelism;

namespace KanPde.Core.Training;

/// <summary>
/// The physics-informed loss L(θ) = Σ_t w_t · mean_p ρ_t(p)² of a network over the collocation points
/// of its terms, with its exact gradient (one reverse sweep), and for Gauss–Newton the scaled
/// residuals r = √(w_t/N_t)·ρ_t (so L = Σ r²) with their sparse Jacobian rows.
/// </summary>
/// <remarks>
/// Points are cut into blocks, blocks into a fixed number of chunks; chunks run in parallel, each
/// summing into its own buffer, and the buffers are added in chunk order. The result is therefore
/// the same whatever the number of threads.
/// </remarks>
public sealed partial class PinnLoss : ILeastSquaresObjective
{
    private const int MaxChunks = 8;

    private readonly LossTerm[] _terms;
    private readonly IResidualEvaluator[] _evaluators;
    private readonly DerivativeSet[] _sets;
    private readonly int[][] _fieldChannels; // [term][residual field] -> channel
    private readonly Block[][] _chunks;
    private readonly int[] _rowOffsets;
    private readonly Worker?[] _chunkWorkers;
    private readonly double[][] _chunkGradients;
    private readonly double[][] _chunkSums;
    private readonly int _blockSize;
    private readonly Parallelism.WorkerTeam _team;
    private readonly List<(double[] At, double[] Means, double Loss)> _recent = new();

    /// <summary>
    /// Prepares the terms' residuals at their points (point-only work happens here, once). Chunks of points run on
    /// <paramref name="team"/> (default: the process's shared team) with at most <paramref name="maxDegreeOfParallelism"/> threads.
    /// </summary>
    public PinnLoss(INetwork network, IReadOnlyList<LossTerm> terms, int maxDegreeOfParallelism = -1, Parallelism.WorkerTeam? team = null)
    {
        _team = team ?? Parallelism.WorkerTeam.Shared;
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
        {
            throw new ArgumentException("A loss needs at least one term.", nameof(terms));
        }

        Network = network;
        _terms = terms.ToArray();
        _blockSize = network.PreferredBlockSize;
        MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        _evaluators = new IResidualEvaluator[_terms.Length];
        _sets = new DerivativeSet[_terms.Length];
        _fieldChannels = new int[_terms.Length][];
        _rowOffsets = new int[_terms.Length + 1];
        var blocks = new List<Block>();
        for (int t = 0; t < _terms.Length; t++)
        {
            LossTerm term = _terms[t];
            if (term.Points.Dimension != network.InputCount)
            {
                throw new ArgumentException($"Term '{term.Name}' has points of dimension {term.Points.Dimension}, the network {network.InputCount} inputs.", nameof(terms));
            }

            if (!(term.Weight >= 0) || !double.IsFinite(term.Weight))
            {
                throw new ArgumentException($"Term '{term.Name}' has weight {term.Weight}; it must be finite and ≥ 0.", nameof(terms));
            }

            _sets[t] = DerivativeSet.Create(network.InputCount, term.Residual.Terms);
            _fieldChannels[t] = term.Residual.Terms.Select(_sets[t].IndexOf).ToArray();
            _evaluators[t] = term.Residual.Prepare(term.Points);
            _rowOffsets[t + 1] = _rowOffsets[t] + term.Points.Count;
            for (int start = 0; start < term.Points.Count; start += _blockSize)
            {
                blocks.Add(new Block(t, start, Math.Min(_blockSize, term.Points.Count - start)));
            }
        }

        _chunks = Partition(blocks, Math.Min(MaxChunks, blocks.Count));
        int chunkCount = _chunks.Length;

        _chunkWorkers = new Worker?[chunkCount];
        _chunkGradients = new double[chunkCount][];
        _chunkSums = new double[chunkCount][];
        for (int c = 0; c < chunkCount; c++)
        {
            _chunkGradients[c] = new double[network.ParameterCount];
            _chunkSums[c] = new double[_terms.Length];
        }
    }

    /// <summary>The network whose parameters the loss is a function of.</summary>
    public INetwork Network { get; }

    /// <summary>The terms, in order.</summary>
    public IReadOnlyList<LossTerm> Terms => _terms;

    /// <summary>Threads used at most.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Number of parameters θ.</summary>
    public int ParameterCount => Network.ParameterCount;

    /// <summary>Times the loss or the residuals were computed over all points.</summary>
    public int Evaluations { get; private set; }

    int IObjective.Dimension => ParameterCount;

    double IObjective.Evaluate(ReadOnlySpan<double> x, Span<double> gradient) => Evaluate(x, gradient);

    SparseRows ILeastSquaresObjective.CreateRows() => CreateJacobianRows();

    void ILeastSquaresObjective.Residuals(ReadOnlySpan<double> x, Span<double> residuals, SparseRows? rows) =>
        EvaluateResiduals(x, residuals, rows);

    /// <summary>Total number of collocation points (residuals) over all terms.</summary>
    public int ResidualCount => _rowOffsets[^1];

    /// <summary>The first residual of term t in <see cref="EvaluateResiduals"/>' ordering.</summary>
    public int RowOffset(int term) => _rowOffsets[term];

    /// <summary>
    /// The loss at θ, its gradient (when <paramref name="gradient"/> is not empty), and in
    /// <paramref name="termMeans"/> (when not empty) each term's unweighted mean ρ².
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient, Span<double> termMeans = default)
    {
        if (parameters.Length != ParameterCount || (!gradient.IsEmpty && gradient.Length != ParameterCount))
        {
            throw new ArgumentException("Parameter or gradient vector of the wrong length.");
        }

        bool wantGradient = !gradient.IsEmpty;
        Evaluations++;
        double[] theta = parameters.ToArray();
        RunChunks(c =>
        {
            Worker worker = WorkerFor(c);
            double[] g = _chunkGradients[c];
            double[] sums = _chunkSums[c];
            Array.Clear(sums);
            if (wantGradient)
            {
                Array.Clear(g);
            }

            foreach (Block block in _chunks[c])
            {
                sums[block.Term] += worker.LossBlock(this, theta, block, wantGradient);
            }

            if (wantGradient)
            {
                worker.CollectGradient(g);
            }
        });

        Span<double> means = stackalloc double[_terms.Length];
        double loss = Combine(means);

        if (!termMeans.IsEmpty)
        {
            means.CopyTo(termMeans);
        }

        Remember(parameters, means, loss);

        if (wantGradient)
        {
            gradient.Clear();
            for (int c = 0; c < _chunks.Length; c++)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(gradient, _chunkGradients[c], gradient);
            }
        }

        return loss;
    }

    // Consecutive blocks into chunks of about equal cost (points × channels carried), independent of threads.
    private Block[][] Partition(List<Block> blocks, int chunkCount)
    {
        double[] cost = blocks.Select(b => (double)b.Count * (1 + _sets[b.Term].ChannelCount)).ToArray();
        double total = cost.Sum(), running = 0;
        var chunks = new List<Block[]>();
        int from = 0;
        for (int b = 0; b < blocks.Count; b++)
        {
            running += cost[b];
            bool last = b == blocks.Count - 1;
            if (last || running >= total * (chunks.Count + 1) / chunkCount)
            {
                chunks.Add(blocks.GetRange(from, b + 1 - from).ToArray());
                from = b + 1;
            }
        }

        return [.. chunks];
    }

    private void RunChunks(Action<int> body) => _team.Run(_chunks.Length, body, MaxDegreeOfParallelism);

    /// <summary>
    /// The loss at θ with each term's unweighted mean ρ², reusing the last evaluations when θ is one of the
    /// points they were made at (optimizers have usually just evaluated there).
    /// </summary>
    public double TermMeans(ReadOnlySpan<double> parameters, Span<double> termMeans)
    {
        foreach ((double[] at, double[] means, double loss) in _recent)
        {
            if (parameters.SequenceEqual(at))
            {
                means.CopyTo(termMeans);
                return loss;
            }
        }

        return Evaluate(parameters, default, termMeans);
    }

    private void Remember(ReadOnlySpan<double> parameters, ReadOnlySpan<double> means, double loss)
    {
        if (_recent.Count == 4)
        {
            _recent.RemoveAt(0);
        }

        _recent.Add((parameters.ToArray(), means.ToArray(), loss));
    }

    // Each chunk keeps its own scratch, so what a chunk computes never depends on which chunks shared its
    // workspaces before (the thread that runs it is free to vary).
    private Worker WorkerFor(int chunk) => _chunkWorkers[chunk] ??= new Worker(this);

    private readonly record struct Block(int Term, int Start, int Count);
}
