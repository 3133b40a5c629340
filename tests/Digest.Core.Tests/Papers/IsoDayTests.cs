using Digest.Core.Papers;

namespace Digest.Core.Tests.Papers;

public class IsoDayTests
{
    [Theory]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    [InlineData("2023-10-05", 2023, 10, 5)]
    public void Parse_ExactIsoDay_ReturnsThatDay(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), IsoDay.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-01-00")]
    [InlineData("0000-01-01")]
    [InlineData("2024-1-01")]
    [InlineData("2024/01/01")]
    [InlineData("2024-01-01T00:00:00")]
    [InlineData(" 2024-01-01")]
    [InlineData("２０２４-01-01")]
    [InlineData("2024-0a-01")]
    [InlineData("+024-01-01")]
    public void Parse_OtherShapesOrImpossibleDays_ReturnsNull(string text) => Assert.Null(IsoDay.Parse(text));

    [Fact]
    public void Parse_EveryDayOfALeapAndACommonYear_AgreesWithTheFramework()
    {
        for (var day = new DateOnly(2023, 1, 1); day < new DateOnly(2025, 1, 1); day = day.AddDays(1))
        {
            Assert.Equal(day, IsoDay.Parse(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
