using KanPde.Core.Optimization;
using KanPde.Core.Training;

namespace KanPde.Core.Tests.Optimization;

public sealed class NormalEquationsTests
{
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
        NormalEquations.Accumulate(rows, residuals, normal, gradient);
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
