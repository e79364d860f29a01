namespace KanPde.Runner.Results;

/// <summary>
/// Writes a folder so that readers only ever see the old one or the complete new one: the content is
/// written into a hidden temporary folder beside the target, and moved into place only when writing
/// finished. A failure or cancellation while writing deletes the temporary folder and leaves the target
/// as it was.
/// </summary>
/// <remarks>
/// Directories cannot be swapped in one system call, so the swap is two renames: target → backup, then
/// temporary → target, and the backup is deleted last. If the second rename fails the backup is renamed
/// back. Only a crash between the two renames can leave the target missing, and then the complete old
/// results are still in the backup folder beside it (<c>.NAME.old-*</c>).
/// </remarks>
public static class AtomicFolder
{
    /// <summary>
    /// Runs <paramref name="write"/> on a fresh temporary folder beside <paramref name="target"/>, then replaces
    /// <paramref name="target"/> with it. Exceptions from <paramref name="write"/> (including
    /// <see cref="OperationCanceledException"/>) propagate after the temporary folder is removed.
    /// </summary>
    public static void Write(string target, Action<string> write, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(target.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        string parent = Path.GetDirectoryName(full) ?? throw new ArgumentException("The target needs a parent folder.", nameof(target));
        string name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        string temporary = Path.Combine(parent, $".{name}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        try
        {
            write(temporary);
            cancellation.ThrowIfCancellationRequested();
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        Replace(full, temporary, Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}"));
    }

    private static void Replace(string target, string temporary, string backup)
    {
        bool hadOld = Directory.Exists(target);
        if (hadOld)
        {
            Directory.Move(target, backup);
        }

        try
        {
            Directory.Move(temporary, target);
        }
        catch
        {
            if (hadOld)
            {
                Directory.Move(backup, target);
            }

            TryDelete(temporary);
            throw;
        }

        if (hadOld)
        {
            TryDelete(backup);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Leftover hidden folders are harmless; the target is what matters.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
