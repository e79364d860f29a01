using KanPde.Core.Geometry;

namespace KanPde.Core.Tests.Geometry;

public sealed class ShapeValidationTests
{
    [Theory]
    [MemberData(nameof(TestShapes.Names), MemberType = typeof(TestShapes))]
    public void Validate_TestShapes_NoErrors(string name)
    {
        Assert.Empty(ShapeValidation.Validate(TestShapes.Get(name)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Ball_RadiusNotPositive_Error(double radius)
    {
        var ball = new Ball([0, 0], radius, "hole");

        ShapeError error = Assert.Single(ShapeValidation.Validate(ball));
        Assert.Same(ball, error.Shape);
        Assert.Contains("radius", error.Message);
        Assert.StartsWith("ball 'hole': ", error.ToString());
    }

    [Theory]
    [InlineData("two", "at least 3 vertices")]
    [InlineData("repeated", "vertices 2 and 4 are the same point")]
    [InlineData("closed", "the last vertex repeats the first")]
    [InlineData("bowtie", "intersects itself")]
    [InlineData("spike", "intersects itself")]
    [InlineData("touching", "intersects itself")]
    [InlineData("collinear", "zero area")]
    [InlineData("nan", "must be finite")]
    public void Polygon_Mistakes_Messages(string kind, string expected)
    {
        (double X, double Y)[] vertices = kind switch
        {
            "two" => [(0, 0), (1, 0)],
            "repeated" => [(0, 0), (1, 0), (1, 1), (1, 0), (0, 1)],
            "closed" => [(0, 0), (1, 0), (1, 1), (0, 0)],
            "bowtie" => [(0, 0), (1, 1), (1, 0), (0, 1)],
            "spike" => [(0, 0), (2, 0), (1, 0), (1, 1)],
            "touching" => [(0, 0), (2, 0), (2, 2), (1, 0), (0, 2)],
            "collinear" => [(0, 0), (1, 0), (2, 0)],
            _ => [(0, 0), (1, double.NaN), (0, 1)],
        };
        var polygon = new Polygon(vertices, "p");

        IReadOnlyList<ShapeError> errors = ShapeValidation.Validate(polygon);

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Same(polygon, e.Shape));
        Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Difference_RemovingEverything_Error()
    {
        var shape = CompositeShape.Difference(new BoxShape(new Box([0, 0], [1, 1])), [new Ball([0.5, 0.5], 1)], "gone");

        ShapeError error = Assert.Single(ShapeValidation.Validate(shape));
        Assert.Same(shape, error.Shape);
        Assert.Contains("removes everything", error.Message);
    }

    [Fact]
    public void Intersection_Disjoint_Error()
    {
        var farApart = CompositeShape.Intersection([new Ball([0, 0], 1), new Ball([5, 0], 1)]);
        var boundsOverlapOnly = CompositeShape.Intersection([new Ball([0, 0], 1), new Ball([1.9, 1.9], 1)]);

        Assert.Contains("intersection is empty", Assert.Single(ShapeValidation.Validate(farApart)).Message);
        Assert.Contains("intersection is empty", Assert.Single(ShapeValidation.Validate(boundsOverlapOnly)).Message);
    }

    [Fact]
    public void Composite_DimensionMismatch_NamesTheOperand()
    {
        var ball3 = new Ball([0, 0, 0], 1, "sphere");
        var union = CompositeShape.Union([new Ball([0, 0], 1), ball3]);

        ShapeError error = Assert.Single(ShapeValidation.Validate(union));
        Assert.Same(ball3, error.Shape);
        Assert.Contains("3-D", error.Message);
    }

    [Fact]
    public void Composite_OneOperand_Error()
    {
        var union = CompositeShape.Union([new Ball([0, 0], 1)]);

        Assert.Contains("at least 2 shapes", Assert.Single(ShapeValidation.Validate(union)).Message);
    }

    [Fact]
    public void Composite_MistakeInOperand_ReportsTheOperand()
    {
        var hole = new Ball([0, 0], -0.5, "hole");
        var domain = CompositeShape.Difference(new BoxShape(Box.Symmetric(2)), [hole]);

        ShapeError error = Assert.Single(ShapeValidation.Validate(domain));
        Assert.Same(hole, error.Shape);
        Assert.Equal("ball 'hole': the radius must be positive and finite, got -0.5", Assert.Single(ShapeValidation.Messages(domain)));
    }

    [Fact]
    public void Shape_OutsideTheVariablesBox_Error()
    {
        var disk = new Ball([0.5, 0], 1, "disk");

        ShapeError error = Assert.Single(ShapeValidation.Validate(disk, Box.Symmetric(2)));
        Assert.Contains("in variable 1", error.Message);
        Assert.Contains("outside", error.Message);
        Assert.Empty(ShapeValidation.Validate(disk, new Box([-0.5, -1], [1.5, 1])));
        Assert.Empty(ShapeValidation.Validate(new BoxShape(Box.Symmetric(2)), Box.Symmetric(2)));
    }

    [Fact]
    public void Shape_DimensionNotTheVariables_Error()
    {
        var disk = new Ball([0, 0], 1);

        Assert.Contains("3 variables", Assert.Single(ShapeValidation.Validate(disk, Box.Symmetric(3))).Message);
    }

    [Fact]
    public void InvalidShape_BoundsThrowPointingToValidation()
    {
        var ball = new Ball([0, 0], 0);

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => ball.Bounds);
        Assert.Contains("ShapeValidation", e.Message);
    }
}
