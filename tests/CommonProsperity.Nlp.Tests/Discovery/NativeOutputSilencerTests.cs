using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Discovery;

[Collection(NativeOutputCollection.Name)]
public class NativeOutputSilencerTests
{
    private static string? StandardOutputTarget() =>
        OperatingSystem.IsLinux() ? new FileInfo("/proc/self/fd/1").LinkTarget : null;

    [Fact]
    public void Begin_OverlappingSilencers_RestoreTheRealOutputWhenTheLastEnds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the check reads /proc
        }

        var before = StandardOutputTarget();

        var first = NativeOutputSilencer.Begin();
        var second = NativeOutputSilencer.Begin();
        Assert.Equal("/dev/null", StandardOutputTarget());
        first.Dispose();
        Assert.Equal("/dev/null", StandardOutputTarget());
        second.Dispose();
        second.Dispose();

        Assert.Equal(before, StandardOutputTarget());
    }
}
