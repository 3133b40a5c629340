using Digest.Core.Ingestion;

namespace Digest.Core.Tests.Ingestion;

public sealed class CodeLinkFinderLimitTests
{
    [Fact]
    public void HugeText_IsSearchedOnlyInItsFirstPart_AndNeverThrows()
    {
        var early = "Code: https://github.com/lab/early. " + new string('x', 50_000);
        var late = new string('y', CodeLinkFinder.MaxScannedLength) + " https://github.com/lab/late";
        var pathological = string.Concat(Enumerable.Repeat("github.com/a", 200_000));

        Assert.Equal(["https://github.com/lab/early"], CodeLinkFinder.Find(early));
        Assert.Empty(CodeLinkFinder.Find(late));
        var exception = Record.Exception(() => CodeLinkFinder.Find(pathological));
        Assert.Null(exception);
        Assert.Null(CodeLinkFinder.Normalize(new string('g', CodeLinkFinder.MaxScannedLength + 1)));
    }
}
