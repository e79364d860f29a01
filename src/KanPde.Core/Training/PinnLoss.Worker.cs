using KanPde.Core.Networks;
using KanPde.Core.Sampling;

namespace KanPde.Core.Training;

public sealed partial class PinnLoss
{
    /// <summary>Per-thread scratch: one network workspace per term and block-sized buffers.</summary>
    private sealed class Worker
    {
        private readonly INetworkWorkspace[] _workspaces;
        private readonly double[] _inputs;
        private readonly double[] _channels;
        private readonly double[] _fields;
        private readonly double[] _partials;
        private readonly double[] _residual;
        private readonly double[] _adjoints;

        public Worker(PinnLoss loss)
        {
            int n = loss._blockSize;
            _workspaces = loss._sets.Select(s => loss.Network.CreateWorkspace(s, n)).ToArray();
            int maxChannels = loss._sets.Max(s => s.ChannelCount);
            int maxFields = Math.Max(1, loss._fieldChannels.Max(f => f.Length));
            _inputs = new double[n * loss.Network.InputCount];
            _channels = new double[n * maxChannels];
            _adjoints = new double[n * maxChannels];
            _fields = new double[n * maxFields];
            _partials = new double[n * maxFields];
            _residual = new double[n];
        }

        /// <summary>Adds the gradient accumulated over the blocks since the last call.</summary>
        public void CollectGradient(double[] gradient)
        {
            foreach (INetworkWorkspace ws in _workspaces)
            {
                ws.CollectGradient(gradient);
            }
        }

        /// <summary>Forward, residual and (when asked) reverse sweep of one block; returns Σ ρ².</summary>
        public double LossBlock(PinnLoss loss, double[] theta, Block block, bool gradient)
        {
            (INetworkWorkspace ws, int count, int[] fieldChannels) = Evaluate(loss, theta, block);
            Span<double> residual = _residual.AsSpan(0, count);
            double sum = 0;
            for (int p = 0; p < count; p++)
            {
                sum += residual[p] * residual[p];
            }

            if (gradient)
            {
                double scale = 2 * loss._terms[block.Term].Weight / loss._terms[block.Term].Points.Count;
                FillAdjoints(ws, count, fieldChannels, scale, multiplyByResidual: true);
                ws.Backward(theta, _adjoints);
            }

            return sum;
        }

        /// <summary>Scaled residuals √(w/N)·ρ and their Jacobian rows for one block; returns Σ ρ².</summary>
        public double ResidualBlock(PinnLoss loss, double[] theta, Block block, Span<double> residuals, SparseRows? rows)
        {
            (INetworkWorkspace ws, int count, int[] fieldChannels) = Evaluate(loss, theta, block);
            double scale = Math.Sqrt(loss._terms[block.Term].Weight / loss._terms[block.Term].Points.Count);
            int row = loss._rowOffsets[block.Term] + block.Start;
            double sum = 0;
            for (int p = 0; p < count; p++)
            {
                residuals[row + p] = scale * _residual[p];
                sum += _residual[p] * _residual[p];
            }

            if (rows is not null)
            {
                FillAdjoints(ws, count, fieldChannels, scale, multiplyByResidual: false);
                long offset = (long)row * rows.RowLength;
                int length = count * rows.RowLength;
                ws.JacobianRows(theta, _adjoints, rows.Indices.AsSpan((int)offset, length), rows.Values.AsSpan((int)offset, length));
            }

            return sum;
        }

        private (INetworkWorkspace Workspace, int Count, int[] FieldChannels) Evaluate(PinnLoss loss, double[] theta, Block block)
        {
            INetworkWorkspace ws = _workspaces[block.Term];
            PointSet points = loss._terms[block.Term].Points;
            int count = block.Count;
            for (int k = 0; k < points.Dimension; k++)
            {
                points.Coordinate(k).Slice(block.Start, count).CopyTo(_inputs.AsSpan(k * count, count));
            }

            ws.Forward(theta, _inputs, count, _channels);
            int[] fieldChannels = loss._fieldChannels[block.Term];
            for (int t = 0; t < fieldChannels.Length; t++)
            {
                _channels.AsSpan(fieldChannels[t] * count, count).CopyTo(_fields.AsSpan(t * count, count));
            }

            int fields = fieldChannels.Length;
            loss._evaluators[block.Term].Evaluate(
                block.Start, count, _fields.AsSpan(0, fields * count), _residual.AsSpan(0, count), _partials.AsSpan(0, fields * count));
            return (ws, count, fieldChannels);
        }

        // adjoint of channel c at p = scale · (ρ_p when asked) · Σ_{fields t on channel c} ∂ρ/∂field_t
        private void FillAdjoints(INetworkWorkspace ws, int count, int[] fieldChannels, double scale, bool multiplyByResidual)
        {
            Span<double> adjoints = _adjoints.AsSpan(0, ws.Derivatives.ChannelCount * count);
            adjoints.Clear();
            for (int t = 0; t < fieldChannels.Length; t++)
            {
                Span<double> target = adjoints.Slice(fieldChannels[t] * count, count);
                ReadOnlySpan<double> partial = _partials.AsSpan(t * count, count);
                for (int p = 0; p < count; p++)
                {
                    double factor = multiplyByResidual ? scale * _residual[p] : scale;
                    target[p] += factor * partial[p];
                }
            }
        }
    }
}
