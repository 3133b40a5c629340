using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Digest.Browser.Tests.Support;

/// <summary>The accessibility bar every page must clear: no serious or critical axe violations.</summary>
public static class Axe
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string label)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{label}: " + string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
    }
}
