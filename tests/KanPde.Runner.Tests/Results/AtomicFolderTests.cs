using KanPde.Runner.Results;

namespace KanPde.Runner.Tests.Results;

public sealed class AtomicFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kanpde-atomic-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Target => Path.Combine(_root, "poisson");

    private void WriteOld()
    {
        Directory.CreateDirectory(Path.Combine(Target, "kan"));
        File.WriteAllText(Path.Combine(Target, "summary.json"), "old summary");
        File.WriteAllText(Path.Combine(Target, "kan", "metrics.json"), "old metrics");
    }

    private void AssertOldIntact()
    {
        Assert.Equal("old summary", File.ReadAllText(Path.Combine(Target, "summary.json")));
        Assert.Equal("old metrics", File.ReadAllText(Path.Combine(Target, "kan", "metrics.json")));
        Assert.Equal(2, Directory.GetFiles(Target, "*", SearchOption.AllDirectories).Length);
        Assert.Equal([Target], Directory.GetDirectories(_root));
    }

    [Fact]
    public void Write_Completes_ReplacesTheOldFolderAndLeavesNothingElse()
    {
        WriteOld();

        AtomicFolder.Write(Target, folder => File.WriteAllText(Path.Combine(folder, "summary.json"), "new"));

        Assert.Equal("new", File.ReadAllText(Path.Combine(Target, "summary.json")));
        Assert.False(Directory.Exists(Path.Combine(Target, "kan")));
        Assert.Equal([Target], Directory.GetDirectories(_root));
    }

    [Fact]
    public void Write_NoEarlierFolder_CreatesIt()
    {
        AtomicFolder.Write(Path.Combine(_root, "deeper", "poisson"), folder => File.WriteAllText(Path.Combine(folder, "a.txt"), "a"));

        Assert.Equal("a", File.ReadAllText(Path.Combine(_root, "deeper", "poisson", "a.txt")));
    }

    [Fact]
    public void Write_FailsHalfway_OldFolderUnchangedAndTemporaryRemoved()
    {
        WriteOld();

        Assert.Throws<IOException>(() => AtomicFolder.Write(Target, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "summary.json"), "half-written");
            throw new IOException("disk full");
        }));

        AssertOldIntact();
    }

    [Fact]
    public void Write_CancelledHalfway_OldFolderUnchangedAndTemporaryRemoved()
    {
        WriteOld();
        using var stop = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => AtomicFolder.Write(Target, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "summary.json"), "half-written");
            stop.Cancel();
        }, stop.Token));

        AssertOldIntact();
    }

    [Fact]
    public void Write_WhileWriting_TargetStillHoldsTheOldContent()
    {
        WriteOld();
        string? seenDuringWrite = null;

        AtomicFolder.Write(Target, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "summary.json"), "new");
            seenDuringWrite = File.ReadAllText(Path.Combine(Target, "summary.json"));
        });

        Assert.Equal("old summary", seenDuringWrite);
    }
}
