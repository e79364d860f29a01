using System.Globalization;
using System.Text;

namespace KanPde.Problems.Building;

/// <summary>Writing the problem as a file, and remembering which setting each line holds (for messages).</summary>
public sealed partial class ProblemBuilder
{
    private (string Yaml, IReadOnlyList<string> Places) Render()
    {
        var yaml = new StringBuilder();
        var places = new List<string>();
        void Line(string text, string place)
        {
            yaml.Append(text).Append('\n');
            places.Add(place);
        }

        Line($"name: {Quote(_name)}", "name");
        if (_description is not null)
        {
            Line($"description: {Quote(_description)}", "description");
        }

        Line("variables:", "variables");
        foreach ((string name, string low, string high) in _variables)
        {
            Line($"  {Key(name)}: [{Quote(low)}, {Quote(high)}]", $"the variable '{name}'");
        }

        Section("constants", _constants, "the constant");
        Section("definitions", _definitions, "the definition");
        if (_equation is not null)
        {
            Line($"equation: {Quote(_equation)}", "the equation");
        }

        Line(_conditions.Count == 0 ? "conditions: []" : "conditions:", "conditions");
        for (int i = 0; i < _conditions.Count; i++)
        {
            ConditionEntry c = _conditions[i];
            string place = $"condition {i + 1}";
            Line($"  - at: [{string.Join(", ", c.Faces.Select(Quote))}]", $"the faces of {place}");
            Line($"    equation: {Quote(c.Equation)}", $"the equation of {place}");
            if (c.Weight is { } weight)
            {
                Line($"    weight: {Number(weight)}", $"the weight of {place}");
            }

            if (c.Points is { } points)
            {
                Line($"    points: {Number(points)}", $"the points of {place}");
            }
        }

        if (_exact is not null)
        {
            Line($"exact: {Quote(_exact)}", "exact");
        }

        Map("kan", _kan);
        if (_noMlp)
        {
            Line("mlp: none", "mlp");
        }
        else
        {
            Map("mlp", _mlp);
        }

        if (_training.Count + _points.Count + _weights.Count > 0 || _schedule is not null)
        {
            Line("training:", "training");
            Entries("  ", _training);
            Nested("points", _points);
            Nested("weights", _weights);
            if (_schedule is not null)
            {
                Line(_schedule.Count == 0 ? "  schedule: []" : "  schedule:", "training.schedule");
                for (int i = 0; i < _schedule.Count; i++)
                {
                    (int grid, int steps, Core.Training.OptimizerKind? optimizer) = _schedule[i];
                    string named = optimizer is { } o ? $", optimizer: {Specification.Names.Name(o)}" : "";
                    Line($"    - {{grid: {Number(grid)}, steps: {Number(steps)}{named}}}", $"stage {i + 1} of training.schedule");
                }
            }
        }

        if (_evaluationPoints is { } evaluation)
        {
            Line("evaluation:", "evaluation");
            Line($"  points: {Number(evaluation)}", "evaluation.points");
        }

        return (yaml.ToString(), places);

        void Section(string key, List<(string Name, string Value)> entries, string what)
        {
            if (entries.Count == 0)
            {
                return;
            }

            Line($"{key}:", key);
            foreach ((string name, string value) in entries)
            {
                Line($"  {Key(name)}: {Quote(value)}", $"{what} '{name}'");
            }
        }

        void Map(string key, List<(string Key, string Value, string Place)> entries)
        {
            if (entries.Count > 0)
            {
                Line($"{key}:", key);
                Entries("  ", entries);
            }
        }

        void Nested(string key, List<(string Key, string Value, string Place)> entries)
        {
            if (entries.Count > 0)
            {
                Line($"  {key}:", $"training.{key}");
                Entries("    ", entries);
            }
        }

        void Entries(string indent, List<(string Key, string Value, string Place)> entries)
        {
            foreach ((string key, string value, string place) in entries)
            {
                Line($"{indent}{key}: {value}", place);
            }
        }
    }

    private ProblemBuilder Set(ref string? field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        field = value;
        return this;
    }

    private ProblemBuilder Add(List<(string Name, string Value)> entries, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        entries.Add((name, value));
        return this;
    }

    // Sets (or replaces) one key of a section; a null value leaves the section as it was.
    private static void Put(List<(string Key, string Value, string Place)> entries, string key, string? value, string place)
    {
        if (value is null)
        {
            return;
        }

        entries.RemoveAll(e => e.Key == key);
        entries.Add((key, value, place));
    }

    private static string? Whole(int? value) => value is { } v ? Number(v) : null;

    private static string List(IReadOnlyList<int> values) => "[" + string.Join(", ", values.Select(Number)) + "]";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : Quote(value.ToString(CultureInfo.InvariantCulture));

    // A double-quoted YAML scalar: text is never read as a number, a boolean or YAML syntax.
    private static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                < ' ' => sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ => sb.Append(c),
            };
        }

        return sb.Append('"').ToString();
    }

    // A map key as written: plain when it is a simple name, else quoted (the reader then reports it).
    private static string Key(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : Quote(name);
}
