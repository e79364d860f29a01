using System.Globalization;
using KanPde.Problems.Loading.Yaml;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Loading;

/// <summary>
/// <c>data</c>: a list of observation sets, each a CSV <c>file</c> (relative to the problem file) or <c>from_exact</c>
/// synthetic points, with <c>noise</c> and <c>weight</c>. A CSV mistake is reported at its own file, line and column.
/// </summary>
internal static class DataReader
{
    public static List<DataSpec> Read(ReadContext context, YamlMap root, IReadOnlyList<VariableSpec> variables,
        IReadOnlyList<string> unknowns, IReadOnlyList<ExactSpec?> exacts)
    {
        var result = new List<DataSpec>();
        YamlTree? node = ReadContext.Optional(root, "data");
        if (node is null)
        {
            return result;
        }

        if (node is not YamlList list)
        {
            context.Error(node, $"data must be a list of observation sets (each with 'file' or 'from_exact'), not {node.Kind}");
            return result;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string where = $"data entry {i + 1}";
            if (context.Map(list.Items[i], where, where, ProblemKeys.Data) is not YamlMap map)
            {
                continue;
            }

            YamlTree? file = ReadContext.Optional(map, "file");
            YamlTree? synthetic = ReadContext.Optional(map, "from_exact");
            double? weight = ReadContext.Optional(map, "weight") is { } w ? context.Number(w, $"the weight of {where}", positive: false) : 1;
            YamlTree? noiseNode = ReadContext.Optional(map, "noise");
            double? noise = noiseNode is null ? 0 : context.Number(noiseNode, $"the noise of {where}", positive: false);
            if ((file is null) == (synthetic is null))
            {
                context.Error(map, $"{where} needs exactly one of 'file' (a CSV file of observations) and 'from_exact' (a number of synthetic points)");
                continue;
            }

            if (synthetic is not null)
            {
                int? count = context.Int(synthetic, $"from_exact of {where}", 1);
                if (count is not null && exacts.All(e => e is null))
                {
                    context.Error(synthetic, $"from_exact in {where} draws observations from 'exact', but the problem gives no exact solution");
                    continue;
                }

                if (count is not null && weight is not null && noise is not null)
                {
                    result.Add(new DataSpec($"data {i + 1} (from_exact: {count})", null, count, noise.Value, weight.Value));
                }

                continue;
            }

            if (noiseNode is not null)
            {
                context.Error(noiseNode, $"noise in {where} applies only to from_exact: observations read from a file are used as they are");
            }

            if (context.Text(file!, $"the file of {where}") is not { } path)
            {
                continue;
            }

            string baseFolder = Path.GetDirectoryName(Path.GetFullPath(context.FileName)) ?? ".";
            string full = Path.IsPathRooted(path) ? path : Path.Combine(baseFolder, path);
            if (!File.Exists(full))
            {
                context.Error(file!, $"the data file '{path}' of {where} does not exist (looked for {full})");
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error(file!, $"the data file '{path}' of {where} cannot be read: {e.Message}");
                continue;
            }

            ObservationTable? table = Csv(context, path, text, variables, unknowns);
            if (table is not null && weight is not null)
            {
                result.Add(new DataSpec($"data {i + 1} ({path})", table, null, 0, weight.Value));
            }
        }

        return result;
    }

    /// <summary>Parses a CSV of observations: a header of variable and unknown names, then one point per line.</summary>
    internal static ObservationTable? Csv(ReadContext context, string file, string text, IReadOnlyList<VariableSpec> variables, IReadOnlyList<string> unknowns)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int errors = context.ErrorCount;
        if (lines.Length == 0 || lines[0].Trim().Length == 0)
        {
            context.ErrorIn(file, 1, 1, $"the first line must name the columns: the variables ({string.Join(", ", variables.Select(v => v.Name))}) and the observed unknowns ({string.Join(", ", unknowns)})");
            return null;
        }

        string[] raw = lines[0].Split(',');
        string[] header = [.. raw.Select(h => h.Trim())];
        var variableColumn = new int[variables.Count];
        Array.Fill(variableColumn, -1);
        var unknownColumns = new List<(int Unknown, int Column)>();
        int position = 1;
        for (int c = 0; c < header.Length; c++)
        {
            int column = position + (raw[c].Length - raw[c].TrimStart().Length);
            position += raw[c].Length + 1;
            string name = header[c];
            int v = variables.ToList().FindIndex(x => x.Name == name);
            int u = unknowns.ToList().IndexOf(name);
            if (v >= 0 && variableColumn[v] < 0)
            {
                variableColumn[v] = c;
            }
            else if (u >= 0 && unknownColumns.All(x => x.Unknown != u))
            {
                unknownColumns.Add((u, c));
            }
            else
            {
                string why = v >= 0 || u >= 0 ? "appears twice" : $"is neither a variable ({string.Join(", ", variables.Select(x => x.Name))}) nor an unknown ({string.Join(", ", unknowns)})";
                context.ErrorIn(file, 1, column, $"the column '{name}' {why}");
            }
        }

        for (int v = 0; v < variables.Count; v++)
        {
            if (variableColumn[v] < 0)
            {
                context.ErrorIn(file, 1, 1, $"there is no column for the variable '{variables[v].Name}': every variable needs one");
            }
        }

        if (unknownColumns.Count == 0)
        {
            context.ErrorIn(file, 1, 1, $"no column names an unknown ({string.Join(", ", unknowns)}), so nothing is observed");
        }

        if (context.ErrorCount > errors)
        {
            return null;
        }

        var rows = new List<double[]>();
        for (int l = 1; l < lines.Length; l++)
        {
            if (lines[l].Trim().Length == 0)
            {
                continue;
            }

            string[] cells = lines[l].Split(',');
            if (cells.Length != header.Length)
            {
                context.ErrorIn(file, l + 1, 1, $"this row has {cells.Length} cells, but the header names {header.Length} columns");
                continue;
            }

            var row = new double[header.Length];
            int column = 1;
            for (int c = 0; c < cells.Length; c++)
            {
                string cell = cells[c].Trim();
                bool optional = unknownColumns.Any(x => x.Column == c);
                if (cell.Length == 0 && optional)
                {
                    row[c] = double.NaN;
                }
                else if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out row[c]) || !double.IsFinite(row[c]))
                {
                    context.ErrorIn(file, l + 1, column + (cells[c].Length - cells[c].TrimStart().Length), $"'{cell}' in column '{header[c]}' is not a number{(optional ? " (leave the cell empty where it was not observed)" : "")}");
                }

                column += cells[c].Length + 1;
            }

            for (int v = 0; v < variables.Count; v++)
            {
                double x = row[variableColumn[v]];
                if (double.IsFinite(x) && (x < variables[v].Low || x > variables[v].High))
                {
                    context.ErrorIn(file, l + 1, 1, $"the point has {variables[v].Name} = {x.ToString("R", CultureInfo.InvariantCulture)}, outside its range [{ExpressionReader.Format(variables[v].Low)}, {ExpressionReader.Format(variables[v].High)}]");
                }
            }

            rows.Add(row);
        }

        if (rows.Count == 0 && context.ErrorCount == errors)
        {
            context.ErrorIn(file, 2, 1, "the file has a header but no observations");
        }

        if (context.ErrorCount > errors)
        {
            return null;
        }

        int n = rows.Count;
        var coordinates = new double[variables.Count * n];
        for (int v = 0; v < variables.Count; v++)
        {
            for (int p = 0; p < n; p++)
            {
                coordinates[v * n + p] = rows[p][variableColumn[v]];
            }
        }

        return new ObservationTable(n, coordinates, [.. unknownColumns.Select(x => (x.Unknown, rows.Select(r => r[x.Column]).ToArray()))]);
    }
}
