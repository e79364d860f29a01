using KanPde.Core.Geometry;
using KanPde.Core.Sampling;

namespace KanPde.Core.Tests.Geometry;

public sealed class ShapeSamplingTests
{
    public static IEnumerable<object[]> ShapesAndMethods =>
        from shape in TestShapes.Names
        from method in new[] { SamplingMethod.Uniform, SamplingMethod.Sobol, SamplingMethod.Halton }
        select new object[] { shape[0], method };

    [Theory]
    [MemberData(nameof(ShapesAndMethods))]
    public void Boundary_PointsOnTheBoundary_UnitOutwardNormals_ExactCount(string name, SamplingMethod method)
    {
        Shape shape = TestShapes.Get(name);
        BoundarySample sample = ShapeSampling.Boundary(shape, 1500, method, seed: 7);

        Assert.Equal(1500, sample.Count);
        Assert.Equal(1500, sample.PieceIndex.Length);
        Assert.Equal(1500 * shape.Dimension, sample.Normals.Length);
        const double eps = 1e-6;
        for (int p = 0; p < sample.Count; p++)
        {
            double[] x = TestShapes.Row(sample.Points, p);
            double[] n = TestShapes.NormalRow(sample, p);
            BoundaryPiece piece = shape.Pieces[sample.PieceIndex[p]];
            Assert.True(piece.Surface.Distance(x) <= 1e-12, $"{name}: point {p} is {piece.Surface.Distance(x)} off {piece}");
            Assert.True(Math.Abs(shape.SignedDistance(x)) <= 1e-12, $"{name}: point {p} is not on the boundary");
            Assert.Equal(1, Math.Sqrt(n.Sum(c => c * c)), 12);
            double[] outward = [.. x.Select((c, k) => c + (eps * n[k]))];
            double[] inward = [.. x.Select((c, k) => c - (eps * n[k]))];
            Assert.False(shape.Contains(outward), $"{name}: p + εn inside at point {p} ({string.Join(", ", x)})");
            Assert.True(shape.Contains(inward), $"{name}: p − εn outside at point {p} ({string.Join(", ", x)})");
        }
    }

    [Theory]
    [MemberData(nameof(ShapesAndMethods))]
    public void Interior_ExactCount_AllInside_SameSeedSamePoints(string name, SamplingMethod method)
    {
        Shape shape = TestShapes.Get(name);
        PointSet a = ShapeSampling.Interior(shape, 1000, method, seed: 3);
        PointSet b = ShapeSampling.Interior(shape, 1000, method, seed: 3);
        PointSet c = ShapeSampling.Interior(shape, 1000, method, seed: 4);

        Assert.Equal(1000, a.Count);
        Assert.Equal(a.Coordinates.ToArray(), b.Coordinates.ToArray());
        Assert.NotEqual(a.Coordinates.ToArray(), c.Coordinates.ToArray());
        for (int p = 0; p < a.Count; p++)
        {
            Assert.True(shape.Contains(TestShapes.Row(a, p)), $"{name}: point {p} outside");
        }
    }

    [Theory]
    [MemberData(nameof(ShapesAndMethods))]
    public void Boundary_SameSeedSamePoints_OtherSeedOtherPoints(string name, SamplingMethod method)
    {
        Shape shape = TestShapes.Get(name);
        BoundarySample a = ShapeSampling.Boundary(shape, 300, method, seed: 11);
        BoundarySample b = ShapeSampling.Boundary(shape, 300, method, seed: 11);
        BoundarySample c = ShapeSampling.Boundary(shape, 300, method, seed: 12);

        Assert.Equal(a.Points.Coordinates.ToArray(), b.Points.Coordinates.ToArray());
        Assert.Equal(a.Normals, b.Normals);
        Assert.Equal(a.PieceIndex, b.PieceIndex);
        Assert.NotEqual(a.Points.Coordinates.ToArray(), c.Points.Coordinates.ToArray());
    }

    [Theory]
    [InlineData(SamplingMethod.Uniform, 2)]
    [InlineData(SamplingMethod.Sobol, 2)]
    [InlineData(SamplingMethod.Halton, 2)]
    [InlineData(SamplingMethod.Grid, 2)]
    [InlineData(SamplingMethod.Uniform, 3)]
    [InlineData(SamplingMethod.Sobol, 3)]
    [InlineData(SamplingMethod.Halton, 3)]
    [InlineData(SamplingMethod.Grid, 3)]
    public void Interior_OfBox_EqualsCollocationInterior(SamplingMethod method, int dimension)
    {
        Box box = dimension == 2 ? new Box([-1, 0], [1, 2]) : new Box([-1, -1, 0], [1, 3, 0.5]);
        foreach (int count in new[] { 1, 37, 1000 })
        {
            PointSet expected = Collocation.Interior(box, count, method, seed: 42);
            PointSet actual = ShapeSampling.Interior(new BoxShape(box), count, method, seed: 42);

            Assert.Equal(expected.Dimension, actual.Dimension);
            Assert.Equal(expected.Coordinates.ToArray(), actual.Coordinates.ToArray());
        }
    }

    [Theory]
    [InlineData(SamplingMethod.Sobol)]
    [InlineData(SamplingMethod.Halton)]
    [InlineData(SamplingMethod.Uniform)]
    public void Interior_ByRejection_IsTheCollocationSequenceFilteredInOrder(SamplingMethod method)
    {
        Shape disk = new Ball([0, 0], 1);
        PointSet points = ShapeSampling.Interior(disk, 50, method, seed: 9);
        // The first batch is Collocation.Interior(bounds, 50): its points inside come first, in order.
        PointSet candidates = Collocation.Interior(disk.Bounds, 50, method, seed: 9);
        var inside = Enumerable.Range(0, 50).Select(p => TestShapes.Row(candidates, p)).Where(x => disk.Contains(x)).ToList();

        Assert.InRange(inside.Count, 1, 49);
        for (int i = 0; i < inside.Count; i++)
        {
            Assert.Equal(inside[i], TestShapes.Row(points, i));
        }
    }

    [Fact]
    public void Interior_SobolRejection_ContinuesTheSequence()
    {
        Shape disk = new Ball([0, 0], 1);
        PointSet points = ShapeSampling.Interior(disk, 500, SamplingMethod.Sobol, seed: 9);
        PointSet candidates = Collocation.Interior(disk.Bounds, 2000, SamplingMethod.Sobol, seed: 9);
        var inside = Enumerable.Range(0, 2000).Select(p => TestShapes.Row(candidates, p)).Where(x => disk.Contains(x)).Take(500).ToList();

        Assert.Equal(500, inside.Count);
        for (int i = 0; i < 500; i++)
        {
            Assert.Equal(inside[i], TestShapes.Row(points, i));
        }
    }

    [Theory]
    [InlineData("disk")]
    [InlineData("l-ccw")]
    [InlineData("square-minus-hole")]
    public void Interior_Grid_IsTheBoxGridNodesInside(string name)
    {
        Shape shape = TestShapes.Get(name);
        PointSet grid = Collocation.Interior(shape.Bounds, 900, SamplingMethod.Grid, seed: 0);
        var expected = Enumerable.Range(0, grid.Count).Select(p => TestShapes.Row(grid, p)).Where(x => shape.Contains(x)).ToList();

        PointSet actual = ShapeSampling.Interior(shape, 900, SamplingMethod.Grid, seed: 0);

        Assert.Equal(expected.Count, actual.Count);
        Assert.True(actual.Count < grid.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], TestShapes.Row(actual, i));
        }
    }

    [Theory]
    [InlineData("box2", new[] { 2.0, 2, 2, 2 })]
    [InlineData("box3", new[] { 12.0, 12, 8, 8, 6, 6 })]
    [InlineData("triangle", new[] { 2.0, 2.2360679774997896964, 1 })]
    [InlineData("l-ccw", new[] { 2.0, 1, 1, 1, 1, 2 })]
    [InlineData("l-cw", new[] { 1.0, 1, 1, 1, 2, 2 })]
    [InlineData("square-minus-hole", new[] { 2.0, 2, 2, 2, 2 * Math.PI * 0.4 })]
    [InlineData("union-of-disks", new[] { 4 * Math.PI / 3, 4 * Math.PI / 3 })]
    [InlineData("intersection-of-disks", new[] { 2 * Math.PI / 3, 2 * Math.PI / 3 })]
    [InlineData("l-of-two-boxes", new[] { 1.0, 1, 2, 1, 1, 1, 0, 1 })]
    [InlineData("box-minus-crossing-disk", new[] { 1.0, 0.5, 2, 1.5, Math.PI / 4 })]
    [InlineData("square-minus-triangle", new[] { 2.0, 2, 2, 2, 1.1180339887498948482, 1.1180339887498948482, 1 })]
    [InlineData("nested", new[] { 2.0, 1, 2, 2, Math.PI * 0.5, 2 * Math.PI * 0.3 })]
    [InlineData("box-and-disk", new[] { 0.0, 1, 0, 1, Math.PI / 2 })]
    [InlineData("box3-minus-ball", new[] { 12.0, 12, 8, 8, 6, 6, Math.PI })]
    public void Pieces_MeasuresMatchLengths_AndSampleSplitsInProportion(string name, double[] lengths)
    {
        Shape shape = TestShapes.Get(name);
        Assert.Equal(lengths.Length, shape.Pieces.Count);
        for (int k = 0; k < lengths.Length; k++)
        {
            Assert.True(Math.Abs(shape.Pieces[k].Measure - lengths[k]) <= 2e-3 * Math.Max(1, lengths[k]), $"{name}: piece {k} measure {shape.Pieces[k].Measure}, expected {lengths[k]}");
        }

        const int count = 4000;
        BoundarySample sample = ShapeSampling.Boundary(shape, count, SamplingMethod.Sobol, seed: 1);
        double total = lengths.Sum();
        for (int k = 0; k < lengths.Length; k++)
        {
            int onPiece = sample.PieceIndex.Count(i => i == k);
            Assert.True(Math.Abs(onPiece - (count * lengths[k] / total)) <= 1 + (2e-3 * count), $"{name}: piece {k} has {onPiece} points");
        }
    }

    [Fact]
    public void Split_LargestRemainder_SumsToCount()
    {
        Assert.Equal([4, 3, 3], ShapeSampling.Split([1.0, 1, 1], 10));
        Assert.Equal([3, 3, 4], ShapeSampling.Split([1.0, 1, 1.1], 10));
        Assert.Equal([0, 5, 5], ShapeSampling.Split([0.0, 2, 2], 10));
        Assert.Equal([1, 0], ShapeSampling.Split([1.0, 1e-9], 1));
        Assert.Equal(7, ShapeSampling.Split([0.3, 0.1, 0.25, 0.35], 7).Sum());
    }

    [Fact]
    public void Boundary_OfTheHole_NormalsPointIntoTheHole()
    {
        CompositeShape domain = TestShapes.SquareMinusHole();
        IReadOnlyList<BoundaryPiece> hole = domain.PiecesFrom("hole");

        Assert.Single(hole);
        Assert.Equal(PieceKind.Sphere, hole[0].Kind);
        Assert.True(hole[0].NormalFlipped);
        Assert.Equal(4, domain.PiecesFrom("outer").Count);
        BoundarySample sample = ShapeSampling.Boundary(hole, 200, SamplingMethod.Halton, seed: 2);
        Assert.Equal(200, sample.Count);
        Assert.All(sample.PieceIndex, i => Assert.Equal(0, i));
        for (int p = 0; p < sample.Count; p++)
        {
            double[] x = TestShapes.Row(sample.Points, p);
            double[] n = TestShapes.NormalRow(sample, p);
            double radial = ((x[0] - 0.2) * n[0]) + ((x[1] - 0.1) * n[1]);
            Assert.Equal(-0.4, radial, 12);
        }
    }

    [Fact]
    public void Boundary_OfAPolygonHole_NormalsPointIntoTheHole()
    {
        Shape shape = TestShapes.Get("square-minus-triangle");
        IReadOnlyList<BoundaryPiece> hole = shape.PiecesFrom("hole");

        Assert.Equal(3, hole.Count);
        Assert.All(hole, p => Assert.True(p.NormalFlipped && p.Kind == PieceKind.PolygonEdge));
        BoundarySample sample = ShapeSampling.Boundary(hole, 90, SamplingMethod.Sobol, seed: 3);
        for (int p = 0; p < sample.Count; p++)
        {
            double[] x = TestShapes.Row(sample.Points, p);
            double[] n = TestShapes.NormalRow(sample, p);
            // The triangle's centroid (0, −1/6) lies on the side the normals point to.
            Assert.True(((0 - x[0]) * n[0]) + ((-1.0 / 6 - x[1]) * n[1]) > 0);
        }
    }

    [Fact]
    public void PiecesFrom_NamedCompositeOperand_SelectsAllItsPieces()
    {
        var a = new Ball([-0.5, 0], 0.2, "a");
        var b = new Ball([0.5, 0], 0.2, "b");
        var holes = CompositeShape.Union([a, b], "holes");
        var outer = new BoxShape(Box.Symmetric(2), "outer");
        var domain = CompositeShape.Difference(outer, [holes], "domain");

        Assert.Equal(2, domain.PiecesFrom("holes").Count);
        Assert.Equal(2, domain.PiecesFrom(holes).Count);
        BoundaryPiece pieceA = Assert.Single(domain.PiecesFrom("a"));
        Assert.Same(a, pieceA.Source);
        Assert.Same(domain, pieceA.Owner);
        Assert.Equal(new Shape[] { a, holes }, pieceA.Lineage);
        Assert.True(pieceA.NormalFlipped);
        Assert.Equal(4, domain.PiecesFrom("outer").Count);
        Assert.Equal(6, domain.PiecesFrom("domain").Count);
        Assert.Empty(domain.PiecesFrom("nothing"));
        Assert.Equal(2 * 2 * Math.PI * 0.2, domain.PiecesFrom("holes").Sum(p => p.Measure), 10);
    }

    [Fact]
    public void BoxShape_Faces_AreNamedByAxisAndSide()
    {
        var box = new BoxShape(new Box([-1, 0, 2], [1, 1, 5]));

        Assert.Equal(6, box.Pieces.Count);
        for (int axis = 0; axis < 3; axis++)
        {
            foreach (bool high in new[] { false, true })
            {
                BoxFace face = Assert.IsType<BoxFace>(box.Face(axis, high).Surface);
                Assert.Equal(axis, face.Axis);
                Assert.Equal(high, face.High);
                BoundarySample sample = ShapeSampling.Boundary([box.Face(axis, high)], 50, SamplingMethod.Sobol, seed: 0);
                Assert.All(sample.Points.Coordinate(axis).ToArray(), v => Assert.Equal(high ? box.Box.High[axis] : box.Box.Low[axis], v));
                Assert.All(sample.NormalComponent(axis).ToArray(), v => Assert.Equal(high ? 1 : -1, v));
            }
        }
    }

    [Fact]
    public void Polygon_Edges_OutwardWhateverTheOrientation()
    {
        var ccw = new Polygon(TestShapes.LCounterClockwise);
        var cw = new Polygon([.. TestShapes.LCounterClockwise.Reverse()]);

        Assert.True(ccw.IsCounterClockwise);
        Assert.False(cw.IsCounterClockwise);
        Assert.Equal(3, ccw.SignedArea, 12);
        Assert.Equal(-3, cw.SignedArea, 12);
        Assert.Equal((0.0, -1.0), ((PolygonEdge)ccw.Edge(0).Surface).OutwardNormal);
        // cw edge 4 runs (2,0) → (0,0): the bottom edge again; edge 5 runs (0,0) → (0,2), the left edge.
        Assert.Equal((0.0, -1.0), ((PolygonEdge)cw.Edge(4).Surface).OutwardNormal);
        Assert.Equal((-1.0, 0.0), ((PolygonEdge)cw.Edge(5).Surface).OutwardNormal);
        Assert.Equal(6, ccw.PiecesFrom(ccw).Count);
    }

    [Fact]
    public void Boundary_Grid_EvenlySpacedExactShareOnEdges()
    {
        var triangle = new Polygon([(0, 0), (3, 0), (0, 4)]);
        BoundarySample sample = ShapeSampling.Boundary(triangle, 120, SamplingMethod.Grid, seed: 0);

        Assert.Equal(120, sample.Count);
        Assert.Equal(30, sample.PieceIndex.Count(i => i == 0));
        Assert.Equal(50, sample.PieceIndex.Count(i => i == 1));
        Assert.Equal(40, sample.PieceIndex.Count(i => i == 2));
        Assert.Equal(0.05, sample.Points.Coordinate(0)[0], 14);
        Assert.Equal(0.15, sample.Points.Coordinate(0)[1], 14);
    }

    [Fact]
    public void Boundary_Grid_OnClippedPieces_AboutTheCount_AllOnTheBoundary()
    {
        Shape shape = TestShapes.Get("union-of-disks");
        BoundarySample sample = ShapeSampling.Boundary(shape, 400, SamplingMethod.Grid, seed: 0);

        Assert.InRange(sample.Count, 396, 404);
        for (int p = 0; p < sample.Count; p++)
        {
            Assert.True(Math.Abs(shape.SignedDistance(TestShapes.Row(sample.Points, p))) <= 1e-12);
        }
    }

    [Fact]
    public void Ball_InFourDimensions_PointsOnTheSphere()
    {
        var ball = new Ball([0, 0, 0, 1], 2);
        BoundarySample sample = ShapeSampling.Boundary(ball, 300, SamplingMethod.Sobol, seed: 5);

        Assert.Equal(2 * Math.PI * Math.PI * 8, ball.Pieces[0].Measure, 10);
        for (int p = 0; p < sample.Count; p++)
        {
            Assert.True(ball.Pieces[0].Surface.Distance(TestShapes.Row(sample.Points, p)) <= 1e-12);
        }

        Assert.Equal(300, ShapeSampling.Interior(ball, 300, SamplingMethod.Halton, seed: 5).Count);
    }

    [Theory]
    [InlineData("box2", 4.0)]
    [InlineData("box3", 24.0)]
    [InlineData("disk", Math.PI * 0.5625)]
    [InlineData("ball3", 4.5 * Math.PI)]
    [InlineData("triangle", 1.0)]
    [InlineData("l-cw", 3.0)]
    [InlineData("square-minus-hole", 4 - (Math.PI * 0.16))]
    [InlineData("l-of-two-boxes", 3.0)]
    [InlineData("box-and-disk", Math.PI / 4)]
    [InlineData("box3-minus-ball", 24 - (Math.PI / 6))]
    public void Measure_IsTheAreaOrVolume(string name, double expected)
    {
        Assert.Equal(expected, TestShapes.Get(name).Measure, 2e-3 * expected);
    }

    [Theory]
    [InlineData(SamplingMethod.Sobol)]
    [InlineData(SamplingMethod.Grid)]
    public void OneDimension_EndsOfIntervalAndBox(SamplingMethod method)
    {
        var interval = new Ball([0.5], 1.5);
        var box = new BoxShape(new Box([-1], [2]));

        foreach (Shape shape in new Shape[] { interval, box })
        {
            BoundarySample sample = ShapeSampling.Boundary(shape, 10, method, seed: 1);
            Assert.Equal(10, sample.Count);
            for (int p = 0; p < sample.Count; p++)
            {
                double x = sample.Points.Coordinate(0)[p];
                double n = sample.NormalComponent(0)[p];
                Assert.Equal(n < 0 ? -1.0 : 2.0, x);
                Assert.Equal(1, Math.Abs(n));
            }

            Assert.Equal(5, sample.NormalComponent(0).ToArray().Count(n => n < 0));
        }
    }

    [Fact]
    public void Contains_ClosedSetWithTolerance()
    {
        var disk = new Ball([0, 0], 1);

        Assert.True(disk.Contains([1, 0]));
        Assert.True(disk.Contains([1 + 1e-12, 0]));
        Assert.False(disk.Contains([1 + 1e-8, 0]));
        Shape domain = TestShapes.SquareMinusHole();
        Assert.False(domain.Contains([0.2, 0.1]));
        Assert.True(domain.Contains([0.9, 0.9]));
        Assert.True(domain.Contains([0.6, 0.1]));
        Assert.False(domain.Contains([1.1, 0]));
    }
}
