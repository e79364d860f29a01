namespace KanPde.Core.Sampling;

/// <summary>How collocation points are placed in a box or on a face.</summary>
public enum SamplingMethod
{
    /// <summary>Independent uniform random points.</summary>
    Uniform,

    /// <summary>
    /// A tensor grid with boundary nodes included: m nodes per axis where m = round(count^(1/d)) (at
    /// least 2), so m^d points, which equals the requested count only when it is a perfect d-th power.
    /// </summary>
    Grid,

    /// <summary>The Sobol low-discrepancy sequence, digitally shifted by the seed.</summary>
    Sobol,

    /// <summary>The Halton low-discrepancy sequence, shifted modulo 1 by the seed.</summary>
    Halton,
}
