using System.Globalization;
using KanPde.Core.Training;
using KanPde.Runner.Results;

namespace KanPde.Runner.Tests.Results;

public sealed class HistoryCsvTests
{
    [Fact]
    public void Write_Records_SpecHeaderAndOneRowPerStep()
    {
        StepRecord[] history = [new(1, 0, 5, 0.5, 0.4, 0.1, null, null, 0.01), new(2, 0, 5, 0.25, 0.2, 0.05, 1e-3, 2e-2, 0.02)];

        string[] lines = HistoryCsv.Write(history).Split('\n');

        Assert.Equal("step,stage,grid,loss,equation_loss,condition_loss,mse,relative_l2,seconds", lines[0]);
        Assert.Equal(["1,0,5,0.5,0.4,0.1,,,0.01", "2,0,5,0.25,0.2,0.05,0.001,0.02,0.02", ""], lines[1..]);
    }

    [Fact]
    public void Write_MlpRecord_GridCellEmpty()
    {
        string row = HistoryCsv.Write([new StepRecord(3, 0, null, 1, 1, 0, null, null, 2)]).Split('\n')[1];

        Assert.Equal("3,0,,1,1,0,,,2", row);
    }

    [Fact]
    public void Write_AwkwardDoubles_ParseBackBitForBit()
    {
        double[] values = [0.1 + 0.2, 1.0 / 3, 1e-300, 123456789.123456789, Math.PI * 1e-17, double.Epsilon];
        StepRecord[] history = [.. values.Select((v, k) => new StepRecord(k + 1, 0, 5, v, v / 7, v * 3, v, v, v))];

        string[][] rows = [.. HistoryCsv.Write(history).Split('\n')[1..^1].Select(l => l.Split(','))];

        for (int k = 0; k < values.Length; k++)
        {
            Assert.Equal(9, rows[k].Length);
            Assert.Equal(values[k], double.Parse(rows[k][3], CultureInfo.InvariantCulture));
            Assert.Equal(values[k] / 7, double.Parse(rows[k][4], CultureInfo.InvariantCulture));
            Assert.Equal(values[k], double.Parse(rows[k][8], CultureInfo.InvariantCulture));
        }
    }
}
