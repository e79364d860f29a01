using KanPde.Core.Sampling;

namespace KanPde.Core.Geometry;

/// <summary>
/// A mistake in a shape: <see cref="Shape"/> is the offending shape itself (an operand deep in a composite
/// when that is where the mistake is), so a caller that knows where each shape was written can attach a
/// line and column; <see cref="Message"/> says what is wrong.
/// </summary>
public sealed record ShapeError(Shape Shape, string Message)
{
    /// <summary>"ball 'hole': the radius must be positive, got -1".</summary>
    public override string ToString() => $"{Shape.Describe()}: {Message}";
}

/// <summary>
/// Checks of shapes that return messages instead of throwing: run <see cref="Validate"/> before sampling.
/// </summary>
public static class ShapeValidation
{
    /// <summary>Points (Sobol, seed 0) of the bounding box tried when checking that a composite is not empty.</summary>
    public const int EmptinessSamples = 1 << 14;

    /// <summary>
    /// Every mistake found in <paramref name="shape"/> and the shapes it is built from, operands first:
    /// a ball's radius not positive or not finite, a center not finite; a polygon with fewer than 3 vertices,
    /// a non-finite or repeated vertex, zero area, edges that cross, touch or overlap (self-intersection);
    /// a composite with fewer than 2 operands or operands of different dimensions, and one that is empty
    /// (no point of the first <see cref="EmptinessSamples"/> Sobol points of its bounds strictly inside: for
    /// a difference "removes everything", for an intersection "the operands do not overlap"). With
    /// <paramref name="variables"/>, also that the dimension matches and the shape's bounds lie inside that
    /// box (the box of the problem's variables, up to the shape's tolerance). Empty when all is well.
    /// </summary>
    public static IReadOnlyList<ShapeError> Validate(Shape shape, Box? variables = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var errors = new List<ShapeError>();
        Check(shape, errors);
        if (errors.Count == 0 && variables is not null)
        {
            CheckInside(shape, variables, errors);
        }

        return errors;
    }

    /// <summary>The messages of <see cref="Validate"/> as "kind 'name': message" strings.</summary>
    public static IReadOnlyList<string> Messages(Shape shape, Box? variables = null) =>
        [.. Validate(shape, variables).Select(e => e.ToString())];

    private static void Check(Shape shape, List<ShapeError> errors)
    {
        switch (shape)
        {
            case Ball ball:
                if (ball.Center.Any(c => !double.IsFinite(c)))
                {
                    errors.Add(new(shape, $"the center must be finite, got ({string.Join(", ", ball.Center)})"));
                }

                if (!(ball.Radius > 0) || !double.IsFinite(ball.Radius))
                {
                    errors.Add(new(shape, $"the radius must be positive and finite, got {ball.Radius}"));
                }

                break;
            case Polygon polygon:
                CheckPolygon(polygon, errors);
                break;
            case CompositeShape composite:
                CheckComposite(composite, errors);
                break;
        }
    }

    private static void CheckPolygon(Polygon polygon, List<ShapeError> errors)
    {
        IReadOnlyList<(double X, double Y)> v = polygon.Vertices;
        int n = v.Count;
        if (n < 3)
        {
            errors.Add(new(polygon, $"a polygon needs at least 3 vertices, got {n}"));
            return;
        }

        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(v[i].X) || !double.IsFinite(v[i].Y))
            {
                errors.Add(new(polygon, $"vertex {i + 1} must be finite, got ({v[i].X}, {v[i].Y})"));
                return;
            }
        }

        double size = Math.Max(v.Max(p => p.X) - v.Min(p => p.X), v.Max(p => p.Y) - v.Min(p => p.Y));
        double tolerance = Shape.RelativeTolerance * size;
        bool repeated = false;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (Math.Abs(v[i].X - v[j].X) <= tolerance && Math.Abs(v[i].Y - v[j].Y) <= tolerance)
                {
                    errors.Add(new(polygon, i == 0 && j == v.Count - 1
                        ? $"the last vertex repeats the first, ({v[i].X}, {v[i].Y}): list each corner once (the outline closes by itself)"
                        : $"vertices {i + 1} and {j + 1} are the same point ({v[i].X}, {v[i].Y})"));
                    repeated = true;
                }
            }
        }

        if (repeated)
        {
            return;
        }

        double worst = 0;
        for (int i = 1; i < n; i++)
        {
            worst = Math.Max(worst, Math.Abs(Orient(v[0], v[1], v[i])));
        }

        if (!(worst > Shape.RelativeTolerance * size * size))
        {
            errors.Add(new(polygon, "the polygon has zero area: its vertices are collinear"));
            return;
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                bool adjacent = j == i + 1 || (i == 0 && j == n - 1);
                var a = v[i];
                var b = v[(i + 1) % n];
                var c = v[j];
                var d = v[(j + 1) % n];
                bool bad = adjacent
                    ? AdjacentOverlap(i == 0 && j == n - 1 ? (c, d, b) : (a, b, d))
                    : SegmentsMeet(a, b, c, d, tolerance);
                if (bad)
                {
                    errors.Add(new(polygon, $"the polygon intersects itself: edges {i + 1} and {j + 1} {(adjacent ? "overlap" : "cross or touch")} (edge k joins vertex k to the next)"));
                    return;
                }
            }
        }

        if (!(Math.Abs(polygon.SignedArea) > Shape.RelativeTolerance * size * size))
        {
            errors.Add(new(polygon, "the polygon has zero area"));
        }
    }

    // Adjacent edges p→q and q→r overlap when they are collinear and r turns back over q→p.
    private static bool AdjacentOverlap(((double X, double Y) P, (double X, double Y) Q, (double X, double Y) R) e)
    {
        double ux = e.P.X - e.Q.X;
        double uy = e.P.Y - e.Q.Y;
        double wx = e.R.X - e.Q.X;
        double wy = e.R.Y - e.Q.Y;
        double cross = (ux * wy) - (uy * wx);
        double scale = Math.Sqrt(((ux * ux) + (uy * uy)) * ((wx * wx) + (wy * wy)));
        return Math.Abs(cross) <= 1e-12 * scale && ((ux * wx) + (uy * wy)) > 0;
    }

    private static bool SegmentsMeet((double X, double Y) a, (double X, double Y) b, (double X, double Y) c, (double X, double Y) d, double tolerance)
    {
        double o1 = Orient(a, b, c);
        double o2 = Orient(a, b, d);
        double o3 = Orient(c, d, a);
        double o4 = Orient(c, d, b);
        if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)))
        {
            return true;
        }

        // Touching or collinear overlap: an end of one segment within tolerance of the other.
        return PolygonEdge.SegmentDistance(c.X, c.Y, a.X, a.Y, b.X, b.Y) <= tolerance
            || PolygonEdge.SegmentDistance(d.X, d.Y, a.X, a.Y, b.X, b.Y) <= tolerance
            || PolygonEdge.SegmentDistance(a.X, a.Y, c.X, c.Y, d.X, d.Y) <= tolerance
            || PolygonEdge.SegmentDistance(b.X, b.Y, c.X, c.Y, d.X, d.Y) <= tolerance;
    }

    private static double Orient((double X, double Y) a, (double X, double Y) b, (double X, double Y) c) =>
        ((b.X - a.X) * (c.Y - a.Y)) - ((b.Y - a.Y) * (c.X - a.X));

    private static void CheckComposite(CompositeShape composite, List<ShapeError> errors)
    {
        int before = errors.Count;
        if (composite.Operands.Count < 2)
        {
            errors.Add(new(composite, $"a {composite.Kind} needs at least 2 shapes, got {composite.Operands.Count}"));
        }

        for (int i = 0; i < composite.Operands.Count; i++)
        {
            Shape operand = composite.Operands[i];
            if (operand.Dimension != composite.Dimension)
            {
                errors.Add(new(operand, $"shape {i + 1} of {composite.Describe()} is {operand.Dimension}-D but the first is {composite.Dimension}-D"));
            }
        }

        foreach (Shape operand in composite.Operands)
        {
            if (operand.Dimension == composite.Dimension)
            {
                Check(operand, errors);
            }
        }

        if (errors.Count > before)
        {
            return;
        }

        Box bounds;
        try
        {
            bounds = composite.Bounds;
        }
        catch (InvalidOperationException)
        {
            errors.Add(new(composite, "the shapes do not overlap, so the intersection is empty"));
            return;
        }

        if (!HasInterior(composite, bounds))
        {
            errors.Add(new(composite, composite.Operation switch
            {
                CompositeOperation.Difference => "the difference removes everything: nothing of the first shape is left",
                CompositeOperation.Intersection => "the shapes do not overlap, so the intersection is empty",
                _ => "the union is empty",
            }));
        }
    }

    private static bool HasInterior(Shape shape, Box bounds)
    {
        int d = shape.Dimension;
        PointSet points = Collocation.Interior(bounds, EmptinessSamples, SamplingMethod.Sobol, 0);
        var point = new double[d];
        double tolerance = shape.Tolerance;
        for (int p = 0; p < points.Count; p++)
        {
            for (int k = 0; k < d; k++)
            {
                point[k] = points.Coordinates[(k * points.Count) + p];
            }

            if (shape.SignedDistance(point) < -tolerance)
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckInside(Shape shape, Box variables, List<ShapeError> errors)
    {
        if (variables.Dimension != shape.Dimension)
        {
            errors.Add(new(shape, $"the shape is {shape.Dimension}-D but there are {variables.Dimension} variables"));
            return;
        }

        Box bounds = shape.Bounds;
        double tolerance = shape.Tolerance;
        for (int k = 0; k < shape.Dimension; k++)
        {
            if (bounds.Low[k] < variables.Low[k] - tolerance || bounds.High[k] > variables.High[k] + tolerance)
            {
                errors.Add(new(shape, $"the shape spans [{bounds.Low[k]}, {bounds.High[k]}] in variable {k + 1}, outside the variables' range [{variables.Low[k]}, {variables.High[k]}]"));
            }
        }
    }
}
