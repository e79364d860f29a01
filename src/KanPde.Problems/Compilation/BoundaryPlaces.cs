using KanPde.Core;
using KanPde.Core.Geometry;
using KanPde.Core.Sampling;
using KanPde.Problems.Specification;

namespace KanPde.Problems.Compilation;

/// <summary>Points on a condition's places with the outward unit normal of the domain at each (coordinate-major, like the points).</summary>
public sealed record BoundaryPoints(PointSet Points, double[] Normals);

/// <summary>
/// Where a condition holds: its places (faces of the variables' box, names of shapes of the domain, <c>boundary</c>)
/// resolved to pieces of the domain's boundary and sampled. Without a domain every place is a face, sampled exactly as
/// <see cref="Collocation.Face"/> does (the points of files without <c>domain</c> do not change).
/// </summary>
public static class BoundaryPlaces
{
    /// <summary>
    /// The pieces of <paramref name="domain"/>'s boundary that a place names: a face <c>x = a</c> gives the pieces lying on
    /// that face of the variables' box, a shape's name the pieces cut from that shape, <c>boundary</c> all of them.
    /// </summary>
    public static IReadOnlyList<BoundaryPiece> Pieces(Shape domain, FaceSpec? face, string? name)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (face is not null)
        {
            return [.. domain.Pieces.Where(p => p.Surface is BoxFace f && f.Axis == face.Variable && f.Value == face.Value)];
        }

        return name == "boundary" ? domain.Pieces : domain.PiecesFrom(name!);
    }

    /// <summary>
    /// <paramref name="count"/> points on each place of <paramref name="condition"/>, place after place, with their normals;
    /// place k draws from stream <c>streamBase + k</c> of <paramref name="seed"/>.
    /// </summary>
    public static BoundaryPoints Sample(Box box, Shape? domain, ConditionSpec condition, int count, SamplingMethod method, long seed, long streamBase)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(condition);
        int d = box.Dimension;
        var parts = new List<(PointSet Points, double[] Normals)>();
        int k = 0;
        foreach (FaceSpec face in condition.Faces)
        {
            long stream = streamBase + k++;
            if (domain is null)
            {
                PointSet points = Collocation.Face(box, face.Variable, face.High, count, method, seed, stream);
                var normals = new double[d * points.Count];
                normals.AsSpan(face.Variable * points.Count, points.Count).Fill(face.High ? 1 : -1);
                parts.Add((points, normals));
            }
            else
            {
                parts.Add(Draw(Pieces(domain, face, null), count, method, seed, stream));
            }
        }

        foreach (string name in condition.Names)
        {
            parts.Add(Draw(Pieces(domain ?? throw new InvalidOperationException("Named places need a domain."), null, name), count, method, seed, streamBase + k++));
        }

        PointSet all = Collocation.Concatenate([.. parts.Select(p => p.Points)]);
        var allNormals = new double[d * all.Count];
        int offset = 0;
        foreach ((PointSet points, double[] normals) in parts)
        {
            for (int c = 0; c < d; c++)
            {
                normals.AsSpan(c * points.Count, points.Count).CopyTo(allNormals.AsSpan((c * all.Count) + offset));
            }

            offset += points.Count;
        }

        return new BoundaryPoints(all, allNormals);
    }

    /// <summary>The points followed by their normals as d more coordinates: what a residual that reads <c>u_n</c> is prepared on.</summary>
    public static PointSet WithNormals(PointSet points, double[] normals)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(normals);
        var coordinates = new double[2 * points.Dimension * points.Count];
        points.Coordinates.CopyTo(coordinates);
        normals.CopyTo(coordinates.AsSpan(points.Dimension * points.Count));
        return new PointSet(2 * points.Dimension, coordinates);
    }

    // Streams are mixed into the seed: ShapeSampling draws from one seed.
    private static (PointSet, double[]) Draw(IReadOnlyList<BoundaryPiece> pieces, int count, SamplingMethod method, long seed, long stream)
    {
        BoundarySample sample = ShapeSampling.Boundary(pieces, count, method, unchecked(seed + (stream * 1_000_003L) + 17));
        return (sample.Points, sample.Normals);
    }
}
