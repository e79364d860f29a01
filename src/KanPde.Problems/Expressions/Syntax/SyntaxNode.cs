namespace KanPde.Problems.Expressions.Syntax;

/// <summary>A node of the parse tree; <see cref="Offset"/> is where it starts in the expression text.</summary>
public abstract record SyntaxNode(int Offset);

/// <summary>A number literal.</summary>
public sealed record NumberSyntax(int Offset, double Value) : SyntaxNode(Offset);

/// <summary>A name: a variable, constant, definition, <c>pi</c>, <c>e</c>, or u and its derivatives.</summary>
public sealed record NameSyntax(int Offset, string Name) : SyntaxNode(Offset);

/// <summary>Unary minus (<paramref name="Negate"/>) or plus.</summary>
public sealed record UnarySyntax(int Offset, bool Negate, SyntaxNode Operand) : SyntaxNode(Offset);

/// <summary>A binary operation; <paramref name="Operator"/> is one of <c>+ - * / ^</c>.</summary>
public sealed record BinarySyntax(int Offset, char Operator, SyntaxNode Left, SyntaxNode Right) : SyntaxNode(Offset);

/// <summary>A function call <c>name(arguments)</c>.</summary>
public sealed record CallSyntax(int Offset, string Name, IReadOnlyList<SyntaxNode> Arguments) : SyntaxNode(Offset);

/// <summary>An equation <c>LHS = RHS</c>.</summary>
public sealed record EquationSyntax(SyntaxNode Left, SyntaxNode Right, int EqualsOffset);
