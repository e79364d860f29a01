using KanPde.Core.Optimization;
using KanPde.Core.Training;

namespace KanPde.Core.Tests.Optimization;

public sealed class NormalEquationsTests
{
    [Fact]
    public void Accumulate_KanEdgeGroups_MatchesDenseProduct()
    {
        // Rows shaped like a cubic KAN's (groups of 4 window coefficients + w_b, w_s per edge), with
        // windows anywhere in each edge block, including next to w_b; tolerance 1e-12.
        const int edges = 5, basis = 8, block = basis + 2, n = edges * block, rowsCount = 40;
        var random = new Random(2);
        var rows = new SparseRows(rowsCount, edges * 6, n, groupLength: 6);
        var dense = new double[rowsCount, n];
        for (int r = 0; r < rowsCount; r++)
        {
            for (int e = 0; e < edges; e++)
            {
                int start = random.Next(basis - 3), at = r * edges * 6 + e * 6;
                int[] columns = [e * block + start, e * block + start + 1, e * block + start + 2, e * block + start + 3, e * block + basis, e * block + basis + 1];
                for (int q = 0; q < 6; q++)
                {
                    double value = random.NextDouble() - 0.5;
                    rows.Indices[at + q] = columns[q];
                    rows.Values[at + q] = value;
                    dense[r, columns[q]] = value;
                }
            }
        }

        AssertMatchesDense(rows, dense, random);
    }

    private static void AssertMatchesDense(SparseRows rows, double[,] dense, Random random)
    {
        int n = rows.ColumnCount, rowsCount = rows.RowCount;
        double[] residuals = Enumerable.Range(0, rowsCount).Select(_ => random.NextDouble()).ToArray();
        var normal = new double[n * n];
        var gradient = new double[n];
        new NormalEquations().Accumulate(rows, residuals, normal, gradient);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = 0;
                for (int r = 0; r < rowsCount; r++)
                {
                    sum += dense[r, i] * dense[r, j];
                }

                Assert.Equal(sum, normal[i * n + j], 1e-12);
            }
        }
    }

    [Fact]
    public void Accumulate_RowsWithRuns_MatchesDenseProduct()
    {
        // Rows with runs of 1–6 consecutive indices; compare with the dense JᵀJ and Jᵀr (tolerance 1e-12).
        const int n = 40, rowsCount = 57, length = 12;
        var random = new Random(1);
        var rows = new SparseRows(rowsCount, length, n, groupLength: 1);
        var dense = new double[rowsCount, n];
        for (int r = 0; r < rowsCount; r++)
        {
            var chosen = new SortedSet<int>();
            while (chosen.Count < length)
            {
                int startIndex = random.Next(n);
                for (int run = random.Next(1, 7); run > 0 && chosen.Count < length && startIndex < n; run--)
                {
                    chosen.Add(startIndex++);
                }
            }

            int e = 0;
            foreach (int index in chosen)
            {
                double value = random.NextDouble() - 0.5;
                rows.Indices[r * length + e] = index;
                rows.Values[r * length + e] = value;
                dense[r, index] = value;
                e++;
            }
        }

        double[] residuals = Enumerable.Range(0, rowsCount).Select(_ => random.NextDouble()).ToArray();
        var normal = new double[n * n];
        var gradient = new double[n];
        new NormalEquations().Accumulate(rows, residuals, normal, gradient);
        for (int i = 0; i < n; i++)
        {
            double g = 0;
            for (int r = 0; r < rowsCount; r++)
            {
                g += dense[r, i] * residuals[r];
            }

            Assert.Equal(g, gradient[i], 1e-12);
            for (int j = 0; j <= i; j++)
            {
                double sum = 0;
                for (int r = 0; r < rowsCount; r++)
                {
                    sum += dense[r, i] * dense[r, j];
                }

                Assert.Equal(sum, normal[i * n + j], 1e-12);
            }
        }
    }
}
