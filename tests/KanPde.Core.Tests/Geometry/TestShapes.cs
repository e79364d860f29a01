using KanPde.Core.Geometry;

namespace KanPde.Core.Tests.Geometry;

/// <summary>The shapes the geometry tests run on, by name.</summary>
internal static class TestShapes
{
    public static readonly (double X, double Y)[] LCounterClockwise = [(0, 0), (2, 0), (2, 1), (1, 1), (1, 2), (0, 2)];

    public static IEnumerable<object[]> Names =>
    [
        ["box2"], ["box3"], ["disk"], ["ball3"], ["triangle"], ["l-ccw"], ["l-cw"], ["square-minus-hole"],
        ["union-of-disks"], ["intersection-of-disks"], ["l-of-two-boxes"], ["box-minus-crossing-disk"],
        ["square-minus-triangle"], ["nested"], ["box-and-disk"], ["box3-minus-ball"],
    ];

    public static Shape Get(string name) => name switch
    {
        "box2" => new BoxShape(new Box([-1, 0], [1, 2])),
        "box3" => new BoxShape(new Box([-1, -1, -1], [1, 2, 3])),
        "disk" => new Ball([0.5, -0.25], 0.75),
        "ball3" => new Ball([0.1, 0.2, 0.3], 1.5),
        "triangle" => new Polygon([(0, 0), (2, 0), (0, 1)]),
        "l-ccw" => new Polygon(LCounterClockwise),
        "l-cw" => new Polygon([.. LCounterClockwise.Reverse()]),
        "square-minus-hole" => SquareMinusHole(),
        "union-of-disks" => CompositeShape.Union([new Ball([-0.5, 0], 1, "left"), new Ball([0.5, 0], 1, "right")]),
        "intersection-of-disks" => CompositeShape.Intersection([new Ball([-0.5, 0], 1, "left"), new Ball([0.5, 0], 1, "right")]),
        "l-of-two-boxes" => LOfTwoBoxes(),
        "box-minus-crossing-disk" => CompositeShape.Difference(new BoxShape(new Box([0, 0], [2, 1])), [new Ball([2, 1], 0.5, "bite")]),
        "square-minus-triangle" => CompositeShape.Difference(new BoxShape(Box.Symmetric(2)), [new Polygon([(-0.5, -0.5), (0, 0.5), (0.5, -0.5)], "hole")]),
        "nested" => CompositeShape.Difference(
            CompositeShape.Union([new BoxShape(Box.Symmetric(2)), new Ball([1, 0], 0.5, "bump")]), [new Ball([0, 0], 0.3, "hole")]),
        "box-and-disk" => CompositeShape.Intersection([new BoxShape(Box.Symmetric(2)), new Ball([1, 1], 1)]),
        "box3-minus-ball" => CompositeShape.Difference(new BoxShape(new Box([-1, -1, -1], [1, 2, 3])), [new Ball([0, 0.5, 1], 0.5)]),
        _ => throw new ArgumentException(name),
    };

    public static CompositeShape SquareMinusHole() =>
        CompositeShape.Difference(new BoxShape(Box.Symmetric(2), "outer"), [new Ball([0.2, 0.1], 0.4, "hole")], "domain");

    public static CompositeShape LOfTwoBoxes() =>
        CompositeShape.Union([new BoxShape(new Box([0, 0], [2, 1]), "a"), new BoxShape(new Box([0, 0], [1, 2]), "b")]);

    public static double[] Row(KanPde.Core.Sampling.PointSet set, int p)
    {
        var row = new double[set.Dimension];
        for (int k = 0; k < set.Dimension; k++)
        {
            row[k] = set.Coordinate(k)[p];
        }

        return row;
    }

    public static double[] NormalRow(BoundarySample sample, int p)
    {
        var row = new double[sample.Points.Dimension];
        for (int k = 0; k < row.Length; k++)
        {
            row[k] = sample.NormalComponent(k)[p];
        }

        return row;
    }
}
