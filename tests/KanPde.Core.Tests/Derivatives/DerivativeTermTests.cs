using KanPde.Core.Derivatives;

namespace KanPde.Core.Tests.Derivatives;

public sealed class DerivativeTermTests
{
    [Fact]
    public void Default_IsTheValueItself()
    {
        DerivativeTerm term = default;

        Assert.Equal(DerivativeTerm.Value, term);
        Assert.Equal((0, -1, -1), (term.Order, term.First, term.Second));
        Assert.Equal("u", term.ToString());
    }

    [Fact]
    public void Default_DiffersFromSecondDerivativeInFirstVariable()
    {
        Assert.NotEqual(DerivativeTerm.D(0, 0), default);
        Assert.NotEqual(DerivativeTerm.D(0), default);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 5)]
    public void D_TwoVariables_OrderTwoWithSortedIndices(int i, int j)
    {
        DerivativeTerm term = DerivativeTerm.D(i, j);

        Assert.Equal((2, Math.Min(i, j), Math.Max(i, j)), (term.Order, term.First, term.Second));
        Assert.Equal(term, DerivativeTerm.D(j, i));
    }

    [Fact]
    public void D_OneVariable_OrderOne()
    {
        DerivativeTerm term = DerivativeTerm.D(3);

        Assert.Equal((1, 3, -1), (term.Order, term.First, term.Second));
        Assert.Equal("u_3", term.ToString());
    }
}
