using System.Globalization;

namespace KanPde.Problems.Expressions.Syntax;

/// <summary>Splits expression text into tokens, or reports the first character it cannot read.</summary>
public static class Lexer
{
    /// <summary>Tokens of <paramref name="text"/> ending with <see cref="TokenKind.End"/>, or an error.</summary>
    public static IReadOnlyList<Token> Tokenize(string text, out ExpressionError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        error = null;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                if (!ReadNumber(text, ref i, out double value, out error))
                {
                    return tokens;
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i], start, value));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, text[start..i], start));
                continue;
            }

            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                tokens.Add(new Token(TokenKind.Power, "**", start));
                i += 2;
                continue;
            }

            TokenKind? kind = c switch
            {
                '+' => TokenKind.Plus,
                '-' or '\u2212' => TokenKind.Minus,
                '*' => TokenKind.Star,
                '/' => TokenKind.Slash,
                '^' => TokenKind.Power,
                '(' => TokenKind.LeftParen,
                ')' => TokenKind.RightParen,
                ',' => TokenKind.Comma,
                '=' => TokenKind.Equals,
                _ => null,
            };
            if (kind is null)
            {
                error = new ExpressionError(start, $"unexpected character '{c}'");
                return tokens;
            }

            tokens.Add(new Token(kind.Value, c.ToString(), start));
            i++;
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static bool ReadNumber(string text, ref int i, out double value, out ExpressionError? error)
    {
        int start = i;
        error = null;
        value = 0;
        SkipDigits(text, ref i);
        if (i < text.Length && text[i] == '.')
        {
            i++;
            SkipDigits(text, ref i);
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            int exponent = i;
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            {
                error = new ExpressionError(exponent, $"number '{text[start..i]}' has no digits in its exponent");
                return false;
            }

            SkipDigits(text, ref i);
        }

        value = double.Parse(text.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            error = new ExpressionError(start, $"number '{text[start..i]}' is too large");
            return false;
        }

        return true;
    }

    private static void SkipDigits(string text, ref int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
    }
}
