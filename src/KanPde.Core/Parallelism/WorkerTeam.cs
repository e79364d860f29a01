using System.Diagnostics;

namespace KanPde.Core.Parallelism;

/// <summary>
/// A small team of persistent threads that run the chunks of a job together with the calling thread.
/// After a job a worker spins briefly for the next one before it blocks, so a training loop that calls
/// <see cref="Run"/> back to back gets every core within microseconds. (On virtual machines the thread
/// pool's sleeping workers can take longer to wake than a whole loss evaluation, so
/// <c>Parallel.For</c> then runs everything on the calling thread.)
/// </summary>
/// <remarks>
/// Chunks are claimed dynamically; which thread runs a chunk never affects results as long as each chunk
/// writes only its own outputs. A job started while another is running (from another thread) runs on
/// its caller alone.
/// </remarks>
public sealed class WorkerTeam : IDisposable
{
    private static readonly Lazy<WorkerTeam> LazyShared = new(() => new WorkerTeam(Environment.ProcessorCount - 1));
    private readonly Thread[] _threads;
    private readonly SemaphoreSlim[] _wake;
    private readonly int[] _sleeping;
    private readonly long _spinTicks;
    private volatile Job? _job;
    private volatile bool _disposed;
    private int _busy;
    private readonly bool _interleaved;

    /// <summary>
    /// Starts <paramref name="workers"/> background threads (0 runs every job on its caller). With
    /// <paramref name="interleaved"/>, thread t of a job runs chunks t, t + threads, … instead of claiming them as it
    /// goes, so every thread surely takes part (for tests of thread independence; slower when threads are delayed).
    /// </summary>
    public WorkerTeam(int workers, TimeSpan? spin = null, bool interleaved = false)
    {
        _interleaved = interleaved;
        ArgumentOutOfRangeException.ThrowIfNegative(workers);
        _spinTicks = (long)((spin ?? TimeSpan.FromMilliseconds(2)).TotalSeconds * Stopwatch.Frequency);
        _threads = new Thread[workers];
        _wake = new SemaphoreSlim[workers];
        _sleeping = new int[workers];
        for (int t = 0; t < workers; t++)
        {
            int index = t;
            _wake[t] = new SemaphoreSlim(0);
            _threads[t] = new Thread(() => Loop(index)) { IsBackground = true, Name = $"KanPde worker {t + 1}" };
            _threads[t].Start();
        }
    }

    /// <summary>One team for the process, with a worker per core beyond the first.</summary>
    public static WorkerTeam Shared => LazyShared.Value;

    /// <summary>Threads that take part in a job: the workers and the caller.</summary>
    public int Size => _threads.Length + 1;

    /// <summary>
    /// Runs <c>body(0) … body(count − 1)</c>, each once, on up to <paramref name="maxThreads"/> threads
    /// including the caller; returns when all are done. The first exception thrown by a chunk is rethrown.
    /// </summary>
    public void Run(int count, Action<int> body, int maxThreads = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (count <= 0)
        {
            return;
        }

        if (maxThreads <= 1 || count == 1 || _threads.Length == 0 || Interlocked.Exchange(ref _busy, 1) == 1)
        {
            for (int c = 0; c < count; c++)
            {
                body(c);
            }

            return;
        }

        try
        {
            var job = new Job(body, count, Math.Min(maxThreads - 1, _threads.Length), _interleaved);
            _job = job;
            for (int t = 0; t < job.Helpers; t++)
            {
                if (Interlocked.Exchange(ref _sleeping[t], 0) == 1)
                {
                    _wake[t].Release();
                }
            }

            job.Drain(job.Helpers);
            var spin = new SpinWait();
            while (Volatile.Read(ref job.Finished) < count)
            {
                spin.SpinOnce(-1);
            }

            job.Error?.Throw();
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>Stops the workers.</summary>
    public void Dispose()
    {
        _disposed = true;
        for (int t = 0; t < _threads.Length; t++)
        {
            _wake[t].Release();
        }
    }

    private void Loop(int index)
    {
        Job? last = null;
        while (!_disposed)
        {
            Job? job = _job;
            if (job is not null && job != last)
            {
                last = job;
                if (index < job.Helpers)
                {
                    job.Drain(index);
                }

                continue;
            }

            long until = Stopwatch.GetTimestamp() + _spinTicks;
            var spin = new SpinWait();
            while (_job == last && !_disposed && Stopwatch.GetTimestamp() < until)
            {
                spin.SpinOnce(-1);
            }

            if (_job != last || _disposed)
            {
                continue;
            }

            // Block; announce it first, then look again so that a job published meanwhile is not missed.
            Volatile.Write(ref _sleeping[index], 1);
            if (_job != last && Interlocked.Exchange(ref _sleeping[index], 0) == 1)
            {
                continue;
            }

            _wake[index].Wait();
        }
    }

    private sealed class Job(Action<int> body, int count, int helpers, bool interleaved)
    {
        public int Next;
        public int Finished;

        public int Helpers { get; } = helpers;

        public System.Runtime.ExceptionServices.ExceptionDispatchInfo? Error { get; private set; }

        /// <summary>Runs chunks on thread <paramref name="thread"/> (0 … Helpers; the caller is Helpers).</summary>
        public void Drain(int thread)
        {
            if (interleaved)
            {
                for (int c = thread; c < count; c += Helpers + 1)
                {
                    Execute(c);
                }

                return;
            }

            int next;
            while ((next = Interlocked.Increment(ref Next) - 1) < count)
            {
                Execute(next);
            }
        }

        private void Execute(int c)
        {
            try
            {
                body(c);
            }
            catch (Exception e)
            {
                Error ??= System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                Interlocked.Increment(ref Finished);
            }
        }
    }
}
