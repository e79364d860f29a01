namespace KanPde.Problems.Expressions.Syntax;

/// <summary>
/// Recursive-descent parser of the expression language. Precedence, lowest first: <c>+ -</c>;
/// <c>* /</c> (left-associative); unary minus; <c>^</c> (right-associative, binds tighter than unary
/// minus, so <c>-x^2</c> is <c>-(x^2)</c> and <c>2^3^2</c> is <c>2^9</c>).
/// </summary>
public sealed class Parser
{
    private readonly IReadOnlyList<Token> _tokens;
    private int _next;

    private Parser(IReadOnlyList<Token> tokens)
    {
        _tokens = tokens;
    }

    /// <summary>Parses one expression, or returns null and the first error.</summary>
    public static SyntaxNode? ParseExpression(string text, out ExpressionError? error)
    {
        IReadOnlyList<Token> tokens = Lexer.Tokenize(text, out error);
        if (error is not null)
        {
            return null;
        }

        try
        {
            var parser = new Parser(tokens);
            SyntaxNode node = parser.Expression();
            parser.ExpectEnd(equationAllowed: false);
            return node;
        }
        catch (SyntaxException e)
        {
            error = e.Error;
            return null;
        }
    }

    /// <summary>Parses <c>LHS = RHS</c>, or returns null and the first error.</summary>
    public static EquationSyntax? ParseEquation(string text, out ExpressionError? error)
    {
        IReadOnlyList<Token> tokens = Lexer.Tokenize(text, out error);
        if (error is not null)
        {
            return null;
        }

        try
        {
            var parser = new Parser(tokens);
            SyntaxNode left = parser.Expression();
            Token equals = parser.Peek;
            if (equals.Kind != TokenKind.Equals)
            {
                if (equals.Kind == TokenKind.End && !tokens.Any(t => t.Kind == TokenKind.Equals))
                {
                    throw Error(0, "an equation needs '=': expected 'LHS = RHS'");
                }

                throw Error(equals.Offset, $"unexpected {equals.Describe()}; expected an operator or '='");
            }

            parser._next++;
            SyntaxNode right = parser.Expression();
            parser.ExpectEnd(equationAllowed: true);
            return new EquationSyntax(left, right, equals.Offset);
        }
        catch (SyntaxException e)
        {
            error = e.Error;
            return null;
        }
    }

    private Token Peek => _tokens[_next];

    private SyntaxNode Expression()
    {
        SyntaxNode left = Term();
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            Token op = _tokens[_next++];
            SyntaxNode right = Term();
            left = new BinarySyntax(op.Offset, op.Kind == TokenKind.Plus ? '+' : '-', left, right);
        }

        return left;
    }

    private SyntaxNode Term()
    {
        SyntaxNode left = Unary();
        while (Peek.Kind is TokenKind.Star or TokenKind.Slash)
        {
            Token op = _tokens[_next++];
            SyntaxNode right = Unary();
            left = new BinarySyntax(op.Offset, op.Kind == TokenKind.Star ? '*' : '/', left, right);
        }

        return left;
    }

    private SyntaxNode Unary()
    {
        if (Peek.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            Token op = _tokens[_next++];
            return new UnarySyntax(op.Offset, op.Kind == TokenKind.Minus, Unary());
        }

        return PowerExpression();
    }

    private SyntaxNode PowerExpression()
    {
        SyntaxNode baseNode = Primary();
        if (Peek.Kind == TokenKind.Power)
        {
            Token op = _tokens[_next++];
            return new BinarySyntax(op.Offset, '^', baseNode, Unary());
        }

        return baseNode;
    }

    private SyntaxNode Primary()
    {
        Token token = _tokens[_next];
        switch (token.Kind)
        {
            case TokenKind.Number:
                _next++;
                return new NumberSyntax(token.Offset, token.Number);
            case TokenKind.Name:
                _next++;
                if (Peek.Kind != TokenKind.LeftParen)
                {
                    return new NameSyntax(token.Offset, token.Text);
                }

                return Call(token);
            case TokenKind.LeftParen:
                _next++;
                SyntaxNode inner = Expression();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            default:
                throw Error(token.Offset, $"{Unexpected(token)}; expected a number, a name or '('");
        }
    }

    private CallSyntax Call(Token name)
    {
        _next++; // '('
        var arguments = new List<SyntaxNode>();
        if (Peek.Kind != TokenKind.RightParen)
        {
            arguments.Add(Expression());
            while (Peek.Kind == TokenKind.Comma)
            {
                _next++;
                arguments.Add(Expression());
            }
        }

        Expect(TokenKind.RightParen, $"',' or ')' to close the call of '{name.Text}'");
        return new CallSyntax(name.Offset, name.Text, arguments);
    }

    private void Expect(TokenKind kind, string what)
    {
        Token token = Peek;
        if (token.Kind != kind)
        {
            throw Error(token.Offset, $"{Unexpected(token)}; expected {what}");
        }

        _next++;
    }

    private void ExpectEnd(bool equationAllowed)
    {
        Token token = Peek;
        if (token.Kind == TokenKind.End)
        {
            return;
        }

        string message = token.Kind switch
        {
            TokenKind.Equals when equationAllowed => "an equation has only one '='",
            TokenKind.Equals => "unexpected '='; an expression is expected here, not an equation",
            TokenKind.RightParen => "unexpected ')' with no matching '('",
            _ => $"unexpected {token.Describe()}; expected an operator",
        };
        throw Error(token.Offset, message);
    }

    private static string Unexpected(Token token) =>
        token.Kind == TokenKind.End ? "the expression ends too soon" : $"unexpected {token.Describe()}";

    private static SyntaxException Error(int offset, string message) => new(new ExpressionError(offset, message));

    private sealed class SyntaxException(ExpressionError error) : Exception(error.Message)
    {
        public ExpressionError Error { get; } = error;
    }
}
