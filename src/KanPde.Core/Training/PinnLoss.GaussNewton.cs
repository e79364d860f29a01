using KanPde.Core.Networks;
using KanPde.Core.Optimization;

namespace KanPde.Core.Training;

public sealed partial class PinnLoss
{
    // Each term's mean ρ² from the chunk sums (added in chunk order), and the weighted loss.
    private double Combine(Span<double> means)
    {
        means.Clear();
        for (int c = 0; c < _chunks.Length; c++)
        {
            for (int t = 0; t < _terms.Length; t++)
            {
                means[t] += _chunkSums[c][t];
            }
        }

        double loss = 0;
        for (int t = 0; t < _terms.Length; t++)
        {
            means[t] /= _terms[t].Points.Count;
            loss += _terms[t].Weight * means[t];
        }

        return loss;
    }

    /// <summary>Allocates rows for <see cref="EvaluateResiduals"/>: one per collocation point.</summary>
    public SparseRows CreateJacobianRows()
    {
        INetworkWorkspace workspace = Network.CreateWorkspace(_sets[0], 1);
        return new SparseRows(ResidualCount, workspace.RowLength, ParameterCount, workspace.RowGroupLength);
    }

    /// <summary>
    /// The scaled residuals r = √(w_t/N_t)·ρ_t of every term (term by term, points in order; so the loss
    /// is Σ r²) and, when <paramref name="rows"/> is given, each residual's sparse Jacobian row ∂r/∂θ.
    /// </summary>
    public void EvaluateResiduals(ReadOnlySpan<double> parameters, Span<double> residuals, SparseRows? rows) =>
        EvaluateResiduals(parameters, residuals, rows, count: true);

    // The Jacobian at a point whose residuals were just evaluated (by a trial of Levenberg–Marquardt): the
    // same residuals again, not counted as another evaluation.
    void ILeastSquaresObjective.Jacobian(ReadOnlySpan<double> x, Span<double> residuals, SparseRows rows) =>
        EvaluateResiduals(x, residuals, rows, count: false);

    private void EvaluateResiduals(ReadOnlySpan<double> parameters, Span<double> residuals, SparseRows? rows, bool count)
    {
        if (parameters.Length != ParameterCount || residuals.Length != ResidualCount)
        {
            throw new ArgumentException("Parameter or residual vector of the wrong length.");
        }

        Evaluations += count ? 1 : 0;
        double[] theta = parameters.ToArray();
        double[] result = new double[ResidualCount];
        RunChunks(c =>
        {
            Worker worker = WorkerFor(c);
            double[] sums = _chunkSums[c];
            Array.Clear(sums);
            foreach (Block block in _chunks[c])
            {
                sums[block.Term] += worker.ResidualBlock(this, theta, block, result, rows);
            }

        });
        result.CopyTo(residuals);
        Span<double> means = stackalloc double[_terms.Length];
        double loss = Combine(means);
        Remember(parameters, means, loss);
    }
}
