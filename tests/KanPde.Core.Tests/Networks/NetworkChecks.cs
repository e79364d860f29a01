using KanPde.Core.Derivatives;
using KanPde.Core.Networks;
using KanPde.Core.Sampling;

namespace KanPde.Core.Tests.Networks;

/// <summary>Finite-difference checks shared by the KAN and MLP tests.</summary>
internal static class NetworkChecks
{
    public static double[] Evaluate(INetwork network, DerivativeSet set, double[] point, double[]? parameters = null)
    {
        INetworkWorkspace ws = network.CreateWorkspace(set, 1);
        var channels = new double[set.ChannelCount];
        ws.Forward(parameters ?? network.Parameters, point, 1, channels);
        return channels;
    }

    public static PointSet RandomPoints(Box box, int count, int seed)
    {
        var random = new Random(seed);
        var data = new double[box.Dimension * count];
        for (int k = 0; k < box.Dimension; k++)
        {
            for (int p = 0; p < count; p++)
            {
                data[k * count + p] = box.Low[k] + (box.High[k] - box.Low[k]) * random.NextDouble();
            }
        }

        return new PointSet(box.Dimension, data);
    }

    public static double[] Point(PointSet points, int p) =>
        Enumerable.Range(0, points.Dimension).Select(k => points.Coordinate(k)[p]).ToArray();

    /// <summary>
    /// Every first derivative against central differences of u, every second derivative against
    /// central differences of the analytic first derivatives. Step h = 1e-5·(box width);
    /// tolerance <paramref name="tolerance"/> relative to 1 + |derivative|.
    /// </summary>
    public static void InputDerivativesMatchFiniteDifferences(INetwork network, int pointCount, double tolerance)
    {
        int d = network.InputCount;
        DerivativeSet all = DerivativeSet.All(d);
        PointSet points = RandomPoints(network.Domain, pointCount, 11);
        for (int p = 0; p < pointCount; p++)
        {
            double[] x = Point(points, p);
            double[] exact = Evaluate(network, all, x);
            for (int i = 0; i < d; i++)
            {
                double h = 1e-5 * (network.Domain.High[i] - network.Domain.Low[i]);
                double[] plus = (double[])x.Clone(), minus = (double[])x.Clone();
                plus[i] += h;
                minus[i] -= h;
                double[] up = Evaluate(network, all, plus), down = Evaluate(network, all, minus);
                double fd = (up[0] - down[0]) / (2 * h);
                double analytic = exact[all.IndexOf(DerivativeTerm.D(i))];
                AssertClose(analytic, fd, tolerance, $"u_{i} at point {p}");
                for (int j = 0; j < d; j++)
                {
                    int first = all.IndexOf(DerivativeTerm.D(j));
                    double fd2 = (up[first] - down[first]) / (2 * h);
                    double analytic2 = exact[all.IndexOf(DerivativeTerm.D(i, j))];
                    AssertClose(analytic2, fd2, tolerance, $"u_{i}{j} at point {p}");
                }
            }
        }
    }

    /// <summary>
    /// The gradient of L(θ) = Σ_p Σ_c w_cp·channel_c(p) from Backward, against central differences
    /// in every parameter (or a sample of them), step 1e-6.
    /// </summary>
    public static void ParameterGradientMatchesFiniteDifferences(INetwork network, DerivativeSet set, int pointCount, double tolerance, int maxParameters = int.MaxValue)
    {
        PointSet points = RandomPoints(network.Domain, pointCount, 5);
        var random = new Random(3);
        var weights = Enumerable.Range(0, pointCount * set.ChannelCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        var theta = (double[])network.Parameters.Clone();
        INetworkWorkspace ws = network.CreateWorkspace(set, pointCount);
        var gradient = new double[theta.Length];
        var channels = new double[pointCount * set.ChannelCount];
        ws.Forward(theta, points.Coordinates, pointCount, channels);
        ws.Backward(theta, weights);
        ws.CollectGradient(gradient);

        double Functional(double[] t)
        {
            ws.Forward(t, points.Coordinates, pointCount, channels);
            double sum = 0;
            for (int n = 0; n < channels.Length; n++)
            {
                sum += weights[n] * channels[n];
            }

            return sum;
        }

        int stride = Math.Max(1, theta.Length / maxParameters);
        for (int q = 0; q < theta.Length; q += stride)
        {
            double saved = theta[q];
            const double h = 1e-6;
            theta[q] = saved + h;
            double up = Functional(theta);
            theta[q] = saved - h;
            double down = Functional(theta);
            theta[q] = saved;
            AssertClose(gradient[q], (up - down) / (2 * h), tolerance, $"parameter {q}");
        }
    }

    /// <summary>Σ_p of the Jacobian rows with weights w equals the Backward gradient with adjoints w.</summary>
    public static void JacobianRowsSumToGradient(INetwork network, DerivativeSet set, int pointCount)
    {
        PointSet points = RandomPoints(network.Domain, pointCount, 8);
        var random = new Random(4);
        var weights = Enumerable.Range(0, pointCount * set.ChannelCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        INetworkWorkspace ws = network.CreateWorkspace(set, pointCount);
        var channels = new double[pointCount * set.ChannelCount];
        var gradient = new double[network.ParameterCount];
        ws.Forward(network.Parameters, points.Coordinates, pointCount, channels);
        ws.Backward(network.Parameters, weights);
        ws.CollectGradient(gradient);
        var indices = new int[pointCount * ws.RowLength];
        var values = new double[pointCount * ws.RowLength];
        ws.JacobianRows(network.Parameters, weights, indices, values);
        var fromRows = new double[network.ParameterCount];
        for (int p = 0; p < pointCount; p++)
        {
            for (int e = 0; e < ws.RowLength; e++)
            {
                int index = indices[p * ws.RowLength + e];
                Assert.True(e == 0 || index > indices[p * ws.RowLength + e - 1], $"row {p}: indices not strictly increasing at entry {e}");
                fromRows[index] += values[p * ws.RowLength + e];
            }
        }

        for (int q = 0; q < gradient.Length; q++)
        {
            AssertClose(gradient[q], fromRows[q], 1e-12, $"parameter {q}");
        }
    }

    public static void AssertClose(double expected, double actual, double relative, string what)
    {
        double scale = 1 + Math.Abs(expected);
        Assert.True(Math.Abs(expected - actual) <= relative * scale,
            $"{what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):E2}, allowed {relative * scale:E2})");
    }
}
