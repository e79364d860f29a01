using KanPde.Core;
using KanPde.Core.Sampling;

namespace KanPde.Core.Tests.Sampling;

public sealed class CollocationTests
{
    private static readonly Box Square = new([-1, 0], [1, 2]);

    [Theory]
    [InlineData(SamplingMethod.Uniform)]
    [InlineData(SamplingMethod.Sobol)]
    [InlineData(SamplingMethod.Halton)]
    [InlineData(SamplingMethod.Grid)]
    public void Interior_SameSeed_SamePointsInsideTheBox(SamplingMethod method)
    {
        PointSet a = Collocation.Interior(Square, 400, method, seed: 5);
        PointSet b = Collocation.Interior(Square, 400, method, seed: 5);

        Assert.Equal(a.Coordinates.ToArray(), b.Coordinates.ToArray());
        Assert.Equal(400, a.Count);
        Assert.All(a.Coordinate(0).ToArray(), v => Assert.InRange(v, -1, 1));
        Assert.All(a.Coordinate(1).ToArray(), v => Assert.InRange(v, 0, 2));
    }

    [Theory]
    [InlineData(SamplingMethod.Uniform)]
    [InlineData(SamplingMethod.Sobol)]
    [InlineData(SamplingMethod.Halton)]
    public void Interior_OtherSeed_OtherPoints(SamplingMethod method)
    {
        PointSet a = Collocation.Interior(Square, 50, method, seed: 1);
        PointSet b = Collocation.Interior(Square, 50, method, seed: 2);

        Assert.NotEqual(a.Coordinates.ToArray(), b.Coordinates.ToArray());
    }

    [Theory]
    [InlineData(2601, 2, 51)]
    [InlineData(10000, 2, 100)]
    [InlineData(1000, 2, 32)]
    [InlineData(1000, 3, 10)]
    [InlineData(1, 2, 2)]
    public void GridNodesPerAxis_Count_IsRoundedRoot(int count, int dimension, int expected)
    {
        Assert.Equal(expected, Collocation.GridNodesPerAxis(count, dimension));
    }

    [Fact]
    public void Interior_GridOfNonSquareCount_IsNearestTensorGridWithBounds()
    {
        PointSet grid = Collocation.Interior(Square, 1000, SamplingMethod.Grid, seed: 0);

        Assert.Equal(32 * 32, grid.Count);
        Assert.Equal(-1, grid.Coordinate(0)[0]);
        Assert.Equal(1, grid.Coordinate(0)[grid.Count - 1]);
        Assert.Equal(2, grid.Coordinate(1)[31]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Sobol_EachAxis_PutsOnePointInEachDyadicInterval(int axes)
    {
        const int n = 256;
        double[] points = SobolSequence.Generate(axes, n, new SeededRandom(3));

        for (int k = 0; k < axes; k++)
        {
            int[] cells = [.. points.Skip(k * n).Take(n).Select(v => (int)(v * n))];
            Assert.Equal(Enumerable.Range(0, n), cells.Order());
        }
    }

    [Fact]
    public void Sobol_FirstTwoAxes_StratifyEverySquareOfElementaryIntervals()
    {
        // Axes 0 and 1 form a (0,2)-sequence: each 1/16 × 1/16 cell holds one of the first 256 points.
        const int n = 256;
        double[] points = SobolSequence.Generate(2, n, new SeededRandom(9));

        int[] cells = [.. Enumerable.Range(0, n).Select(i => ((int)(points[i] * 16) * 16) + (int)(points[n + i] * 16))];
        Assert.Equal(Enumerable.Range(0, n), cells.Order());
    }

    [Fact]
    public void Halton_RadicalInverse_MirrorsDigits()
    {
        Assert.Equal(0.5, HaltonSequence.RadicalInverse(1, 2));
        Assert.Equal(0.75, HaltonSequence.RadicalInverse(3, 2));
        Assert.Equal(1.0 / 9 + 2.0 / 3, HaltonSequence.RadicalInverse(5, 3), 15);
    }

    [Theory]
    [InlineData(SamplingMethod.Uniform, 50)]
    [InlineData(SamplingMethod.Grid, 50)]
    [InlineData(SamplingMethod.Sobol, 64)]
    public void Face_HighX_HoldsXAtItsBoundAndSpreadsY(SamplingMethod method, int count)
    {
        PointSet face = Collocation.Face(Square, axis: 0, high: true, count, method, seed: 4);

        Assert.Equal(count, face.Count);
        Assert.All(face.Coordinate(0).ToArray(), v => Assert.Equal(1, v));
        Assert.All(face.Coordinate(1).ToArray(), v => Assert.InRange(v, 0, 2));
        Assert.True(face.Coordinate(1).ToArray().Distinct().Count() == count);
    }

    [Fact]
    public void Face_InOneDimension_IsOnePoint()
    {
        PointSet face = Collocation.Face(new Box([0.0], [3.0]), 0, high: true, 200, SamplingMethod.Uniform, 0);

        Assert.Equal([3.0], face.Coordinates.ToArray());
    }

    [Fact]
    public void Grid_ThreeByThree_IncludesCornersAxisZeroSlowest()
    {
        PointSet grid = Collocation.Grid(Square, 3);

        Assert.Equal([-1, -1, -1, 0, 0, 0, 1, 1, 1], grid.Coordinate(0).ToArray());
        Assert.Equal([0, 1, 2, 0, 1, 2, 0, 1, 2], grid.Coordinate(1).ToArray());
    }

    [Fact]
    public void Concatenate_TwoSets_KeepsCoordinateMajorLayout()
    {
        PointSet joined = Collocation.Concatenate([PointSet.FromRows([[1.0, 2.0]]), PointSet.FromRows([[3.0, 4.0], [5.0, 6.0]])]);

        Assert.Equal([1.0, 3, 5, 2, 4, 6], joined.Coordinates.ToArray());
    }

    [Fact]
    public void Box_LowNotBelowHigh_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Box([0.0], [0.0]));
    }

    [Fact]
    public void SeededRandom_SameSeed_SameSequenceInUnitInterval()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);
        double[] first = [.. Enumerable.Range(0, 1000).Select(_ => a.NextDouble())];

        Assert.Equal(first, Enumerable.Range(0, 1000).Select(_ => b.NextDouble()));
        Assert.All(first, v => Assert.True(v >= 0 && v < 1, $"{v:R} outside [0, 1)"));
        Assert.InRange(first.Average(), 0.45, 0.55);
    }
}
