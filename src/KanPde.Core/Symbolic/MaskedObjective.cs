using KanPde.Core.Optimization;
using KanPde.Core.Training;

namespace KanPde.Core.Symbolic;

/// <summary>
/// A least-squares objective with some parameters held fixed: their gradient entries and Jacobian columns are
/// zero, so L-BFGS and Levenberg–Marquardt never move them (pruned edges stay exactly zero while retraining).
/// </summary>
public sealed class MaskedObjective(ILeastSquaresObjective inner, bool[] frozen) : ILeastSquaresObjective
{
    /// <inheritdoc />
    public int Dimension => inner.Dimension;

    /// <inheritdoc />
    public int ResidualCount => inner.ResidualCount;

    /// <inheritdoc />
    public SparseRows CreateRows() => inner.CreateRows();

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double f = inner.Evaluate(x, gradient);
        if (!gradient.IsEmpty)
        {
            for (int i = 0; i < frozen.Length; i++)
            {
                if (frozen[i])
                {
                    gradient[i] = 0;
                }
            }
        }

        return f;
    }

    /// <inheritdoc />
    public void Residuals(ReadOnlySpan<double> x, Span<double> residuals, SparseRows? rows)
    {
        inner.Residuals(x, residuals, rows);
        if (rows is null)
        {
            return;
        }

        for (int e = 0; e < rows.Indices.Length; e++)
        {
            if (frozen[rows.Indices[e]])
            {
                rows.Values[e] = 0;
            }
        }
    }
}
