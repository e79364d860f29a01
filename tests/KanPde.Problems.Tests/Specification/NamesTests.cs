using KanPde.Core.Networks;
using KanPde.Core.Sampling;
using KanPde.Core.Training;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Tests.Specification;

public sealed class NamesTests
{
    [Fact]
    public void Table_EveryEnum_NamesEveryValueOnceAndParsesBack()
    {
        RoundTrip<ModelKind>(["kan", "mlp"]);
        RoundTrip<OptimizerKind>(["lbfgs", "adam", "lm"]);
        RoundTrip<Activation>(["tanh", "sin", "silu", "softplus"]);
        RoundTrip<SamplingMethod>(["uniform", "grid", "sobol", "halton"]);
        RoundTrip<TrainingStatus>(["completed", "diverged", "cancelled"]);
    }

    [Fact]
    public void Parse_UnknownOrDifferentCase_IsNull()
    {
        Assert.Null(Names.Parse<OptimizerKind>("levenbergmarquardt"));
        Assert.Null(Names.Parse<ModelKind>("KAN"));
        Assert.Null(Names.Parse<Activation>("0"));
    }

    [Fact]
    public void Name_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Names.Name((OptimizerKind)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => Names.Name((ModelKind)2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Names.Name((Activation)(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Names.Name((TrainingStatus)3));
    }

    private static void RoundTrip<T>(string[] expected)
        where T : struct, Enum
    {
        Assert.Equal(expected, Names.Table<T>().Keys);
        Assert.Equal(Enum.GetValues<T>(), Names.Table<T>().Values);
        foreach ((string name, T value) in Names.Table<T>())
        {
            Assert.Equal(value, Names.Parse<T>(name));
        }
    }
}
