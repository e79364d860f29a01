using KanPde.Core.Derivatives;
using KanPde.Core.Sampling;

namespace KanPde.Core.Networks;

/// <summary>
/// Several networks as one model of a system: one network per unknown (u, v, p, … — unknown k is output k, read by
/// terms with <see cref="DerivativeTerm.Unknown"/> = k), then one <see cref="ConstantNetwork"/> per trainable parameter
/// of the equations, read as further unknowns whose derivatives vanish. Their parameters are one vector, part after
/// part, so optimizers see one θ and a Jacobian row spans every part.
/// </summary>
public sealed class SystemNetwork : INetwork
{
    private readonly INetwork[] _parts;
    private readonly int[] _offsets;

    /// <summary>The system of <paramref name="unknowns"/> and <paramref name="constants"/>, with the parts' current parameters.</summary>
    public SystemNetwork(IReadOnlyList<INetwork> unknowns, IReadOnlyList<ConstantNetwork> constants)
    {
        ArgumentNullException.ThrowIfNull(unknowns);
        ArgumentNullException.ThrowIfNull(constants);
        if (unknowns.Count == 0)
        {
            throw new ArgumentException("A system needs at least one unknown.", nameof(unknowns));
        }

        _parts = [.. unknowns, .. constants];
        if (_parts.Any(p => p is null or SystemNetwork || p.InputCount != unknowns[0].InputCount))
        {
            throw new ArgumentException("The parts must be networks (not systems) of the same inputs.", nameof(unknowns));
        }

        UnknownCount = unknowns.Count;
        _offsets = new int[_parts.Length + 1];
        for (int k = 0; k < _parts.Length; k++)
        {
            _offsets[k + 1] = _offsets[k] + _parts[k].ParameterCount;
        }

        Parameters = new double[_offsets[^1]];
        for (int k = 0; k < _parts.Length; k++)
        {
            _parts[k].Parameters.CopyTo(Parameters, _offsets[k]);
        }
    }

    /// <summary>Number of unknowns (the first parts); the remaining parts are the constants.</summary>
    public int UnknownCount { get; }

    /// <summary>Number of trainable constants.</summary>
    public int ConstantCount => _parts.Length - UnknownCount;

    /// <inheritdoc/>
    public int InputCount => _parts[0].InputCount;

    /// <inheritdoc/>
    public int ParameterCount => Parameters.Length;

    /// <inheritdoc/>
    public Box Domain => _parts[0].Domain;

    /// <inheritdoc/>
    public int PreferredBlockSize => _parts.Min(p => p.PreferredBlockSize);

    /// <inheritdoc/>
    public double[] Parameters { get; }

    /// <summary>The first parameter of part <paramref name="part"/> in <see cref="Parameters"/>.</summary>
    public int Offset(int part) => _offsets[part];

    /// <summary>Part <paramref name="part"/> (unknowns first, then constants) with its parameters taken from <see cref="Parameters"/>.</summary>
    public INetwork Part(int part)
    {
        INetwork p = _parts[part];
        Parameters.AsSpan(_offsets[part], p.ParameterCount).CopyTo(p.Parameters);
        return p;
    }

    /// <summary>The network of unknown <paramref name="unknown"/>, with its current parameters.</summary>
    public INetwork Unknown(int unknown)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unknown, UnknownCount);
        return Part(unknown);
    }

    /// <summary>The current value of constant <paramref name="constant"/>.</summary>
    public double Constant(int constant) => Parameters[_offsets[UnknownCount + constant]];

    /// <summary>Every constant's current value, in order.</summary>
    public double[] Constants() => [.. Enumerable.Range(0, ConstantCount).Select(Constant)];

    /// <summary>The grid of the unknowns' KANs (they share one), or null when they are not KANs.</summary>
    public int? Intervals => _parts[0] switch
    {
        KanNetwork kan => kan.Intervals,
        PeriodicNetwork periodic => periodic.Intervals,
        _ => null,
    };

    /// <summary>The widths of the first unknown's network.</summary>
    public IReadOnlyList<int> Widths => _parts[0] switch
    {
        KanNetwork kan => kan.Widths,
        MlpNetwork mlp => mlp.Widths,
        PeriodicNetwork periodic => periodic.Widths,
        _ => [],
    };

    /// <summary>A copy with its own parameters.</summary>
    public SystemNetwork Clone() => Map(Copy);

    /// <summary>Every KAN unknown extended to <paramref name="intervals"/> (see <see cref="KanNetwork.ExtendGrid"/>).</summary>
    public SystemNetwork ExtendGrid(int intervals) => Map(p => p switch
    {
        KanNetwork kan => kan.ExtendGrid(intervals),
        PeriodicNetwork periodic => periodic.ExtendGrid(intervals),
        _ => Copy(p),
    });

    /// <summary>Every KAN unknown's grids refitted to <paramref name="points"/> (see <see cref="KanNetwork.UpdateGrids"/>).</summary>
    public SystemNetwork UpdateGrids(PointSet points) => Map(p => p switch
    {
        KanNetwork kan => kan.UpdateGrids(points),
        PeriodicNetwork periodic => periodic.UpdateGrids(points),
        _ => Copy(p),
    });

    /// <inheritdoc/>
    public INetworkWorkspace CreateWorkspace(DerivativeSet derivatives, int blockSize) => new SystemWorkspace(this, derivatives, blockSize);

    /// <summary><paramref name="derivatives"/>, when it is the set of one output; otherwise a clear error.</summary>
    public static DerivativeSet RequireSingle(DerivativeSet derivatives)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        return derivatives.UnknownCount == 1
            ? derivatives
            : throw new ArgumentException("A network has one output; terms of several unknowns need a SystemNetwork.", nameof(derivatives));
    }

    internal IReadOnlyList<INetwork> Parts => _parts;

    private SystemNetwork Map(Func<INetwork, INetwork> map)
    {
        INetwork[] parts = [.. Enumerable.Range(0, _parts.Length).Select(k => map(Part(k)))];
        return new SystemNetwork(parts[..UnknownCount], [.. parts[UnknownCount..].Cast<ConstantNetwork>()]);
    }

    private static INetwork Copy(INetwork network) => network switch
    {
        KanNetwork kan => kan.Clone(),
        MlpNetwork mlp => mlp.Clone(),
        ConstantNetwork constant => constant.Clone(),
        PeriodicNetwork periodic => periodic.Clone(),
        _ => throw new ArgumentException($"Unknown network type {network.GetType().Name}.", nameof(network)),
    };
}
