using Digest.Core.Ingestion;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

public class SampleDigestTests
{
    [Fact]
    public void Open_ReturnsTheSharedSampleByteForByte()
    {
        using var stream = SampleDigest.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        Assert.Equal(File.ReadAllBytes(SharedDataFile(SampleDigest.FileName)), copy.ToArray());
    }
}
