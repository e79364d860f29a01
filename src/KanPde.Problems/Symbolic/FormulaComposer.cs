using KanPde.Core;
using KanPde.Core.Symbolic;
using KanPde.Problems.Expressions;

namespace KanPde.Problems.Symbolic;

/// <summary>
/// Composes a KAN whose every edge has a symbolic fit into one expression of the problem's variables: the input
/// map x̂_k = (x_k − centre_k)/halfWidth_k first, then each layer's node value Σ_i c·f(a·h_i + b) + d.
/// </summary>
public static class FormulaComposer
{
    /// <summary>The formula; <paramref name="fits"/>[layer][input][output] (null for a pruned edge, which is 0).</summary>
    public static Node Compose(Box domain, IReadOnlyList<string> variables, EdgeFit?[][][] fits)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(fits);
        Node[] nodes = [.. Enumerable.Range(0, domain.Dimension).Select(k =>
            Node.Quotient(Node.Difference(new VariableNode(k, variables[k]), Node.Number(domain.Center(k))), Node.Number(domain.HalfWidth(k))))];
        foreach (EdgeFit?[][] layer in fits)
        {
            int outputs = layer[0].Length;
            var next = new Node[outputs];
            for (int o = 0; o < outputs; o++)
            {
                Node sum = Node.Zero;
                for (int i = 0; i < layer.Length; i++)
                {
                    if (layer[i][o] is { } fit)
                    {
                        sum = Node.Sum(sum, Edge(fit, nodes[i]));
                    }
                }

                next[o] = sum;
            }

            nodes = next;
        }

        return nodes.Single();
    }

    /// <summary>c·f(a·x + b) + d as an expression of <paramref name="x"/>.</summary>
    public static Node Edge(EdgeFit fit, Node x)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(x);
        if (fit.Function == SymbolicFunction.Zero)
        {
            return Node.Zero;
        }

        if (fit.Function == SymbolicFunction.Constant)
        {
            return Node.Number(fit.D);
        }

        Node z = Node.Sum(Node.Product(Node.Number(fit.A), x), Node.Number(fit.B));
        Node f = fit.Function switch
        {
            SymbolicFunction.X => z,
            SymbolicFunction.X2 => Node.Power(z, Node.Number(2)),
            SymbolicFunction.X3 => Node.Power(z, Node.Number(3)),
            SymbolicFunction.X4 => Node.Power(z, Node.Number(4)),
            SymbolicFunction.Inverse => Node.Quotient(Node.One, z),
            SymbolicFunction.Sqrt => Node.Call(FunctionKind.Sqrt, z),
            SymbolicFunction.Exp => Node.Call(FunctionKind.Exp, z),
            SymbolicFunction.Log => Node.Call(FunctionKind.Log, z),
            SymbolicFunction.Sin => Node.Call(FunctionKind.Sin, z),
            SymbolicFunction.Cos => Node.Call(FunctionKind.Cos, z),
            SymbolicFunction.Tan => Node.Call(FunctionKind.Tan, z),
            SymbolicFunction.Tanh => Node.Call(FunctionKind.Tanh, z),
            _ => Node.Call(FunctionKind.Abs, z),
        };
        return Node.Sum(Node.Product(Node.Number(fit.C), f), Node.Number(fit.D));
    }
}
