namespace KanPde.Problems.Expressions;

/// <summary>A mistake in an expression, at a 0-based character offset of its text.</summary>
public sealed record ExpressionError(int Offset, string Message);
