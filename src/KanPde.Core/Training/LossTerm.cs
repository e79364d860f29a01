using KanPde.Core.Sampling;

namespace KanPde.Core.Training;

/// <summary>
/// One part of a physics-informed loss: <c>Weight · mean over Points of ρ²</c>, with ρ the residual
/// of an equation or condition.
/// </summary>
/// <param name="Name">For reports ("equation", "condition 1").</param>
/// <param name="Residual">The residual function.</param>
/// <param name="Points">Its collocation points, in the problem's coordinates.</param>
/// <param name="Weight">Multiplies the mean squared residual.</param>
public sealed record LossTerm(string Name, IResidual Residual, PointSet Points, double Weight);
