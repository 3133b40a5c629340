using Digest.Web.Tests.Support;

namespace Digest.Browser.Tests.Support;

/// <summary>Ids from the shared test corpus that browser tests open.</summary>
public static class TestCorpusIds
{
    public const string Hostile = TestCorpus.HostileId;
    public const string FineTuning = TestCorpus.FineTuningId;
}
