using System.Buffers;
using KanPde.Core.Sampling;

namespace KanPde.Problems.Expressions.Compilation;

/// <summary>Runs a point-only program over every point of a set, block by block.</summary>
internal static class BlockRunner
{
    /// <summary>Points per block inside the compiled evaluators.</summary>
    public const int BlockSize = 256;

    /// <summary>Stack scratch limit, in doubles (beyond it scratch comes from the shared pool).</summary>
    public const int StackLimit = 8192;

    /// <summary>
    /// Effectively computes <c>destination[j * N + p] = output_j(point p)</c> for every output j of a
    /// program whose input A is the point coordinates.
    /// </summary>
    public static void RunOverPoints(BlockProgram program, PointSet points, Span<double> destination)
    {
        int n = points.Count;
        double[] scratch = ArrayPool<double>.Shared.Rent(Math.Max(1, program.TempCount * BlockSize));
        try
        {
            for (int start = 0; start < n; start += BlockSize)
            {
                int block = Math.Min(BlockSize, n - start);
                var inputs = new BlockInputs(points.Coordinates, n, start, default, 0, 0);
                Span<double> temps = scratch.AsSpan(0, program.TempCount * block);
                temps.Clear(); // pooled memory holds whatever its last user left; results must not depend on it
                program.Run(inputs, block, temps);
                for (int j = 0; j < program.Outputs.Length; j++)
                {
                    program.CopyOutput(j, inputs, block, temps, destination.Slice((j * n) + start, block));
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }
}
