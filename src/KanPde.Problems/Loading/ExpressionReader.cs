using KanPde.Problems.Expressions;
using KanPde.Problems.Expressions.Syntax;
using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

/// <summary>
/// Reads expressions, equations and faces written as YAML scalars; errors point into the expression.
/// Made with <c>bindNames: false</c> when the variables could not be read: expressions are then only
/// parsed (their syntax errors reported), not bound, so a broken variable list does not cause a cascade of
/// "unknown name" messages.
/// </summary>
internal sealed class ExpressionReader(ReadContext context, bool bindNames)
{
    public ReadContext Context => context;

    /// <summary>Parses and binds an expression.</summary>
    public Node? Expression(YamlTree node, Scope scope, string what)
    {
        YamlText? scalar = context.Scalar(node, what, "an expression");
        if (scalar is null)
        {
            return null;
        }

        SyntaxNode? syntax = Parser.ParseExpression(scalar.Value, out ExpressionError? error);
        if (syntax is null)
        {
            Errors(scalar, [error!]);
            return null;
        }

        if (!bindNames)
        {
            return null;
        }

        Node? bound = Binder.Bind(syntax, scope, out IReadOnlyList<ExpressionError> errors);
        Errors(scalar, errors);
        return bound;
    }

    /// <summary>Parses and binds <c>LHS = RHS</c>; it must involve u.</summary>
    public EquationSpec? Equation(YamlTree node, Scope scope, string what)
    {
        YamlText? scalar = context.Scalar(node, what, "an equation 'LHS = RHS'");
        if (scalar is null)
        {
            return null;
        }

        EquationSyntax? syntax = Parser.ParseEquation(scalar.Value, out ExpressionError? error);
        if (syntax is null)
        {
            Errors(scalar, [error!]);
            return null;
        }

        if (!bindNames)
        {
            return null;
        }

        Node? left = Binder.Bind(syntax.Left, scope, out IReadOnlyList<ExpressionError> leftErrors);
        Node? right = Binder.Bind(syntax.Right, scope, out IReadOnlyList<ExpressionError> rightErrors);
        Errors(scalar, [.. leftErrors, .. rightErrors]);
        if (left is null || right is null)
        {
            return null;
        }

        int unknowns = scope.Unknowns.Count;
        if (!left.Fields().Concat(right.Fields()).Any(t => t.Unknown < unknowns))
        {
            string names = unknowns == 1 ? $"{scope.Unknowns[0]} or its derivatives" : $"any unknown ({string.Join(", ", scope.Unknowns)})";
            context.Error(scalar, $"{what} does not involve {names}");
            return null;
        }

        return new EquationSpec(scalar.Value, left, right);
    }

    /// <summary>A face <c>VAR = VALUE</c>, VALUE being that variable's low or high bound.</summary>
    public FaceSpec? Face(YamlTree node, IReadOnlyList<VariableSpec> variables, Scope constants, string what)
    {
        YamlText? scalar = context.Scalar(node, what, "a face such as 'x = 0'");
        if (scalar is null)
        {
            return null;
        }

        EquationSyntax? syntax = Parser.ParseEquation(scalar.Value, out ExpressionError? error);
        if (syntax is null)
        {
            string message = error!.Message.StartsWith("an equation needs", StringComparison.Ordinal)
                ? $"a face is written 'VARIABLE = VALUE', such as '{variables.FirstOrDefault()?.Name ?? "x"} = 0'"
                : error.Message;
            Errors(scalar, [error with { Message = message }]);
            return null;
        }

        if (syntax.Left is not NameSyntax name)
        {
            Errors(scalar, [new ExpressionError(syntax.Left.Offset, "a face is written 'VARIABLE = VALUE': the left side must be one variable")]);
            return null;
        }

        int index = variables.ToList().FindIndex(v => v.Name == name.Name);
        if (index < 0)
        {
            if (bindNames)
            {
                string names = string.Join(", ", variables.Select(v => v.Name));
                string hint = Diagnostics.Suggestions.DidYouMean(name.Name, variables.Select(v => v.Name));
                Errors(scalar, [new ExpressionError(name.Offset, $"'{name.Name}' in a face is not a variable (variables: {names}){hint}")]);
            }

            return null;
        }

        Node? valueNode = Binder.Bind(syntax.Right, constants, out IReadOnlyList<ExpressionError> errors);
        Errors(scalar, errors);
        if (valueNode is not ConstantNode constant)
        {
            return null;
        }

        VariableSpec variable = variables[index];
        double tolerance = 1e-12 * Math.Max(1, Math.Max(Math.Abs(variable.Low), Math.Abs(variable.High)));
        bool low = Math.Abs(constant.Value - variable.Low) <= tolerance;
        bool high = Math.Abs(constant.Value - variable.High) <= tolerance;
        if (!low && !high)
        {
            Errors(scalar, [new ExpressionError(syntax.Right.Offset,
                $"the face '{scalar.Value}' is off the box: {variable.Name} ranges over [{Format(variable.Low)}, {Format(variable.High)}], so a face is {variable.Name} = {Format(variable.Low)} or {variable.Name} = {Format(variable.High)}")]);
            return null;
        }

        return new FaceSpec(index, variable.Name, high, high ? variable.High : variable.Low);
    }

    public static string Format(double value) => value.ToString("G10", System.Globalization.CultureInfo.InvariantCulture);

    private void Errors(YamlText scalar, IEnumerable<ExpressionError> errors)
    {
        foreach (ExpressionError error in errors)
        {
            context.Report(context.Source.IndexInScalar(scalar, error.Offset), error.Message);
        }
    }
}
