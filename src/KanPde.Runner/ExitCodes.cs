namespace KanPde.Runner;

/// <summary>The program's exit codes (docs/results-format.md).</summary>
public static class ExitCodes
{
    /// <summary>Everything requested succeeded.</summary>
    public const int Ok = 0;

    /// <summary>A run failed while training.</summary>
    public const int TrainingFailed = 1;

    /// <summary>The command line or a problem file is wrong; nothing was trained.</summary>
    public const int BadInput = 2;

    /// <summary>Stopped by Ctrl+C: the problem being trained was discarded, its earlier results kept (128 + SIGINT, as shells expect).</summary>
    public const int Interrupted = 130;
}
