namespace KanPde.Core.Training;

public sealed partial class PinnLoss
{
    /// <summary>Allocates rows for <see cref="EvaluateResiduals"/>: one per collocation point.</summary>
    public SparseRows CreateJacobianRows()
    {
        int rowLength = Network.CreateWorkspace(_sets[0], 1).RowLength;
        return new SparseRows(ResidualCount, rowLength, ParameterCount);
    }

    /// <summary>
    /// The scaled residuals r = √(w_t/N_t)·ρ_t of every term (term by term, points in order; so the loss
    /// is Σ r²) and, when <paramref name="rows"/> is given, each residual's sparse Jacobian row ∂r/∂θ.
    /// </summary>
    public void EvaluateResiduals(ReadOnlySpan<double> parameters, Span<double> residuals, SparseRows? rows)
    {
        if (parameters.Length != ParameterCount || residuals.Length != ResidualCount)
        {
            throw new ArgumentException("Parameter or residual vector of the wrong length.");
        }

        Evaluations++;
        double[] theta = parameters.ToArray();
        double[] result = new double[ResidualCount];
        RunChunks(c =>
        {
            Worker worker = Rent();
            foreach (Block block in _chunks[c])
            {
                worker.ResidualBlock(this, theta, block, result, rows);
            }

            _workers.Add(worker);
        });
        result.CopyTo(residuals);
    }
}
