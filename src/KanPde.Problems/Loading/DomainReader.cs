using KanPde.Core;
using KanPde.Core.Geometry;
using KanPde.Problems.Expressions;
using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

/// <summary>
/// <c>domain</c>: a shape (box, disk, polygon) or a union, difference or intersection of shapes, each a map of
/// <see cref="ProblemKeys.Shape"/>. The shapes are built and checked (inside the variables' box, polygons simple,
/// not empty) by <see cref="ShapeValidation"/>; each mistake is reported at the shape it is about.
/// </summary>
internal sealed class DomainReader
{
    private static readonly Dictionary<string, string[]> KindKeys = new()
    {
        ["box"] = ["shape", "name", "low", "high"],
        ["disk"] = ["shape", "name", "center", "radius"],
        ["polygon"] = ["shape", "name", "vertices"],
        ["union"] = ["shape", "name", "of"],
        ["difference"] = ["shape", "name", "of"],
        ["intersection"] = ["shape", "name", "of"],
    };

    private static readonly string[] Kinds = ["box", "disk", "polygon", "union", "difference", "intersection"];

    private readonly ExpressionReader _numbers;
    private readonly IReadOnlyList<VariableSpec> _variables;
    private readonly Scope _scope;
    private readonly Box _box;
    private readonly Dictionary<Shape, YamlTree> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, YamlText> _names = [];

    private DomainReader(ExpressionReader numbers, IReadOnlyList<VariableSpec> variables, Scope constants)
    {
        _numbers = numbers;
        _variables = variables;
        _scope = constants with { Place = "a shape of domain", Allowed = "numbers and constants" };
        _box = new Box([.. variables.Select(v => v.Low)], [.. variables.Select(v => v.High)]);
    }

    private ReadContext Context => _numbers.Context;

    /// <summary>
    /// The domain's shape; null when <c>domain</c> is absent or is the variables' own box (both mean the box), and
    /// when it is wrong (<paramref name="ok"/> false; the mistakes are reported).
    /// </summary>
    public static Shape? Read(ExpressionReader numbers, YamlMap root, IReadOnlyList<VariableSpec>? variables, Scope constants, out bool ok)
    {
        ok = true;
        YamlTree? node = ReadContext.Optional(root, "domain");
        if (node is null || variables is null)
        {
            return null;
        }

        var reader = new DomainReader(numbers, variables, constants);
        int errors = reader.Context.ErrorCount;
        Shape? shape = reader.ReadShape(node, "domain", depth: 0);
        if (shape is not null && reader.Context.ErrorCount == errors)
        {
            foreach (ShapeError error in ShapeValidation.Validate(shape, reader._box))
            {
                string message = System.Text.RegularExpressions.Regex.Replace(error.Message, @"in variable (\d+)",
                    m => $"in {variables[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1].Name}");
                reader.Context.Error(reader._nodes.GetValueOrDefault(error.Shape, node), $"{Where(error.Shape, shape)}: {message}");
            }
        }

        ok = reader.Context.ErrorCount == errors;
        if (!ok || shape is null)
        {
            return null;
        }

        // The variables' own box is no domain at all: the same points and faces as a file without the key.
        return shape is BoxShape b && b.Box == reader._box ? null : shape;
    }

    /// <summary>The names given to shapes in <c>domain</c>, for the places of conditions (empty without a domain).</summary>
    public static IReadOnlyList<string> Names(Shape? domain)
    {
        var names = new List<string>();
        void Walk(Shape shape)
        {
            if (shape.Name is { } name)
            {
                names.Add(name);
            }

            if (shape is CompositeShape composite)
            {
                foreach (Shape operand in composite.Operands)
                {
                    Walk(operand);
                }
            }
        }

        if (domain is not null)
        {
            Walk(domain);
        }

        return names;
    }

    private static string Where(Shape shape, Shape root) => ReferenceEquals(shape, root) ? "the domain" : $"the {shape.Describe()}";

    private Shape? ReadShape(YamlTree node, string what, int depth)
    {
        if (Context.Map(node, what, what, ProblemKeys.Shape) is not YamlMap map)
        {
            return null;
        }

        YamlTree? kindNode = Context.Required(map, "shape", $" in {what}");
        int? choice = kindNode is null ? null : Context.Choice(kindNode, $"the shape of {what}", Kinds.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i));
        if (choice is null)
        {
            return null;
        }

        string kind = Kinds[choice.Value];

        bool ok = true;
        foreach (KeyValuePair<YamlText, YamlTree> entry in map.Entries)
        {
            if (ProblemKeys.Shape.Contains(entry.Key.Value) && !KindKeys[kind].Contains(entry.Key.Value))
            {
                Context.Error(entry.Key, $"'{entry.Key.Value}' is not a key of a {kind}; a {kind} takes: {string.Join(", ", KindKeys[kind].Skip(1))}");
                ok = false;
            }
        }

        string? name = ReadName(map);
        ok &= name is not null || ReadContext.Optional(map, "name") is null;
        Shape? shape = kind switch
        {
            "box" => ReadBox(map, what, name),
            "disk" => ReadDisk(map, what, name),
            "polygon" => ReadPolygon(map, what, name),
            _ => ReadComposite(map, kind, what, name, depth),
        };

        if (shape is not null)
        {
            _nodes[shape] = map;
        }

        return ok ? shape : null;
    }

    private string? ReadName(YamlMap map)
    {
        if (ReadContext.Optional(map, "name") is not { } node)
        {
            return null;
        }

        if (Context.Scalar(node, "the name of a shape", "a name such as 'hole'") is not YamlText text)
        {
            return null;
        }

        string name = text.Value;
        if (!DeclarationsReader.IsIdentifier(name))
        {
            Context.Error(text, $"the name '{name}' of a shape must be an identifier (letters, digits and '_', not starting with a digit), such as 'hole'");
            return null;
        }

        if (name == "boundary")
        {
            Context.Error(text, "'boundary' names the whole boundary of the domain; give this shape another name");
            return null;
        }

        if (_names.ContainsKey(name))
        {
            Context.Error(text, $"the name '{name}' is given to two shapes; each name must be unique");
            return null;
        }

        _names[name] = text;
        return name;
    }

    private Shape? ReadBox(YamlMap map, string what, string? name)
    {
        double[]? low = ReadOptional(map, "low", $"the low corner of {what}", _box.Low);
        double[]? high = ReadOptional(map, "high", $"the high corner of {what}", _box.High);
        if (low is null || high is null)
        {
            return null;
        }

        for (int k = 0; k < low.Length; k++)
        {
            if (!(low[k] < high[k]))
            {
                Context.Error(map, $"the box of {what} needs low < high in {_variables[k].Name}, got [{ExpressionReader.Format(low[k])}, {ExpressionReader.Format(high[k])}]");
                return null;
            }
        }

        return new BoxShape(new Box(low, high), name);
    }

    private Shape? ReadDisk(YamlMap map, string what, string? name)
    {
        YamlTree? centerNode = Context.Required(map, "center", $" in {what} (a disk)");
        YamlTree? radiusNode = Context.Required(map, "radius", $" in {what} (a disk)");
        double[]? center = centerNode is null ? null : Point(centerNode, $"the center of {what}", _variables.Count);
        double? radius = radiusNode is null ? null : Number(radiusNode, $"the radius of {what}");
        if (center is null || radius is null)
        {
            return null;
        }

        if (!(radius > 0))
        {
            Context.Error(radiusNode!, $"the radius of {what} must be > 0, got {ExpressionReader.Format(radius.Value)}");
            return null;
        }

        return new Ball(center, radius.Value, name);
    }

    private Shape? ReadPolygon(YamlMap map, string what, string? name)
    {
        YamlTree? node = Context.Required(map, "vertices", $" in {what} (a polygon)");
        if (node is null)
        {
            return null;
        }

        if (_variables.Count != 2)
        {
            Context.Error(map, $"a polygon needs exactly two variables; this problem has {_variables.Count}");
            return null;
        }

        if (node is not YamlList { Items.Count: >= 3 } list)
        {
            Context.Error(node, $"the vertices of {what} must be a list of at least three [x, y] pairs");
            return null;
        }

        var vertices = new List<(double, double)>();
        foreach (YamlTree item in list.Items)
        {
            if (Point(item, $"a vertex of {what}", 2) is double[] xy)
            {
                vertices.Add((xy[0], xy[1]));
            }
        }

        if (vertices.Count != list.Items.Count)
        {
            return null;
        }

        // An outline written closed (the last corner repeating the first) means the same polygon.
        if (vertices.Count >= 4 && vertices[^1] == vertices[0])
        {
            vertices.RemoveAt(vertices.Count - 1);
        }

        try
        {
            return new Polygon(vertices, name);
        }
        catch (ArgumentException e)
        {
            Context.Error(node, $"the vertices of {what}: {FirstSentence(e.Message)}");
            return null;
        }
    }

    private Shape? ReadComposite(YamlMap map, string kind, string what, string? name, int depth)
    {
        YamlTree? node = Context.Required(map, "of", $" in {what} (a {kind})");
        if (node is null)
        {
            return null;
        }

        if (node is not YamlList { Items.Count: >= 2 } list)
        {
            Context.Error(node, $"'of' in {what} must be a list of at least two shapes");
            return null;
        }

        if (depth >= 8)
        {
            Context.Error(node, "shapes are nested more than 8 deep");
            return null;
        }

        var operands = new List<Shape>();
        for (int i = 0; i < list.Items.Count; i++)
        {
            if (ReadShape(list.Items[i], $"shape {i + 1} of {what}", depth + 1) is Shape operand)
            {
                operands.Add(operand);
            }
        }

        if (operands.Count != list.Items.Count)
        {
            return null;
        }

        try
        {
            return kind switch
            {
                "union" => CompositeShape.Union(operands, name),
                "intersection" => CompositeShape.Intersection(operands, name),
                _ => CompositeShape.Difference(operands[0], operands[1..], name),
            };
        }
        catch (ArgumentException e)
        {
            Context.Error(map, $"{what}: {FirstSentence(e.Message)}");
            return null;
        }
    }

    private double[]? ReadOptional(YamlMap map, string key, string what, IReadOnlyList<double> fallback) =>
        ReadContext.Optional(map, key) is { } node ? Point(node, what, _variables.Count) : [.. fallback];

    private double[]? Point(YamlTree node, string what, int count)
    {
        if (node is not YamlList list || list.Items.Count != count)
        {
            string names = count == _variables.Count ? $" ({string.Join(", ", _variables.Select(v => v.Name))})" : "";
            Context.Error(node, $"{what} must be a list of {count} numbers{names}");
            return null;
        }

        double[] values = new double[count];
        bool ok = true;
        for (int k = 0; k < count; k++)
        {
            double? value = Number(list.Items[k], what);
            ok &= value is not null;
            values[k] = value ?? 0;
        }

        return ok ? values : null;
    }

    private double? Number(YamlTree node, string what)
    {
        Node? value = _numbers.Expression(node, _scope, what);
        if (value is ConstantNode constant && double.IsFinite(constant.Value))
        {
            return constant.Value;
        }

        if (value is not null)
        {
            Context.Error(node, $"{what} must be a finite number (an expression of numbers and constants)");
        }

        return null;
    }

    // Core's argument messages carry a parameter name in parentheses; a file's reader wants the sentence alone.
    private static string FirstSentence(string message)
    {
        int paren = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return paren < 0 ? message : message[..paren];
    }
}
