namespace KanPde.Problems.Expressions.Syntax;

/// <summary>Kinds of tokens of the expression language.</summary>
public enum TokenKind
{
    /// <summary>A number such as <c>2</c>, <c>.5</c> or <c>1e-3</c>.</summary>
    Number,

    /// <summary>A name: letters, digits and underscores, not starting with a digit.</summary>
    Name,

    /// <summary><c>+</c></summary>
    Plus,

    /// <summary><c>-</c></summary>
    Minus,

    /// <summary><c>*</c></summary>
    Star,

    /// <summary><c>/</c></summary>
    Slash,

    /// <summary><c>^</c> or <c>**</c></summary>
    Power,

    /// <summary><c>(</c></summary>
    LeftParen,

    /// <summary><c>)</c></summary>
    RightParen,

    /// <summary><c>,</c></summary>
    Comma,

    /// <summary><c>=</c></summary>
    Equals,

    /// <summary>The end of the text.</summary>
    End,
}

/// <summary>A token and where it is in the expression text (0-based character offset).</summary>
public readonly record struct Token(TokenKind Kind, string Text, int Offset, double Number = 0)
{
    /// <summary>How the token reads in a message.</summary>
    public string Describe() => Kind == TokenKind.End ? "the end of the expression" : $"'{Text}'";
}
