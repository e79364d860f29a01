using System.Text.Json;
using KanPde.Core.Symbolic;
using KanPde.Problems.Symbolic;
using KanPde.Runner.Results;

namespace KanPde.Runner.Tests.Results;

public sealed class FormulaJsonTests
{
    [Fact]
    public void Write_Formula_EveryKeyWithItsValue()
    {
        var edge = new EdgeReport(0, 1, 0, new EdgeFit(SymbolicFunction.Sin, 3.14, 0.5, 2, -1, 0.9999), 0.9999);
        var result = new FormulaResult("sin(pi*x)", 1e-20, 2e-10, 3e-10, 4e-25, 5e-26, [2, 1, 1], [edge], null, 0.5);

        using JsonDocument json = JsonDocument.Parse(FormulaJson.Write(result));
        JsonElement root = json.RootElement;

        Assert.Equal("sin(pi*x)", root.GetProperty("formula").GetString());
        Assert.Equal(1e-20, root.GetProperty("mse").GetDouble());
        Assert.Equal(2e-10, root.GetProperty("relative_l2").GetDouble());
        Assert.Equal(3e-10, root.GetProperty("max_abs_error").GetDouble());
        Assert.Equal(4e-25, root.GetProperty("equation_loss").GetDouble());
        Assert.Equal([2, 1, 1], root.GetProperty("pruned_width").EnumerateArray().Select(e => e.GetInt32()));
        JsonElement e0 = root.GetProperty("edges")[0];
        Assert.Equal((0, 1, 0, "sin"), (e0.GetProperty("layer").GetInt32(), e0.GetProperty("from").GetInt32(), e0.GetProperty("to").GetInt32(), e0.GetProperty("function").GetString()));
        Assert.Equal([3.14, 0.5, 2, -1, 0.9999], new[] { "a", "b", "c", "d", "r2" }.Select(k => e0.GetProperty(k).GetDouble()));
    }

    [Fact]
    public void Write_NoFormula_NullsAndTheReason()
    {
        var edge = new EdgeReport(0, 0, 0, null, 0.97);
        var result = new FormulaResult(null, null, null, null, null, double.NaN, [1, 1, 1], [edge], "no function fits", 0.1);

        using JsonDocument json = JsonDocument.Parse(FormulaJson.Write(result));
        JsonElement root = json.RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("formula").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("relative_l2").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("loss").ValueKind);
        Assert.Equal("no function fits", root.GetProperty("reason").GetString());
        Assert.Equal("spline", root.GetProperty("edges")[0].GetProperty("function").GetString());
        Assert.Equal(0.97, root.GetProperty("edges")[0].GetProperty("r2").GetDouble());
    }
}
