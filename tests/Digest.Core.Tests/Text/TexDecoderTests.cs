using System.Text;
using Digest.Core.Text;

namespace Digest.Core.Tests.Text;

public class TexDecoderTests
{
    [Theory]
    [InlineData(@"Kekul\'e", "Kekulé")]
    [InlineData(@"Kekul\'{e}", "Kekulé")]
    [InlineData(@"Kekul{\'e}", "Kekulé")]
    [InlineData(@"Kekul\' e", "Kekulé")]
    [InlineData(@"Kekul{\'{e}}", "Kekulé")]
    [InlineData(@"d\'ecisionnel", "décisionnel")]
    [InlineData(@"Bal\'azs", "Balázs")]
    [InlineData(@"Gr\""obner", "Gröbner")]
    [InlineData(@"Gr{\""o}bner", "Gröbner")]
    [InlineData(@"Mart\'\i nez", "Martínez")]
    [InlineData(@"Mart\'{\i}nez", "Martínez")]
    [InlineData(@"na\""{\i}ve", "naïve")]
    [InlineData(@"na\""\i ve", "naïve")]
    [InlineData(@"\`a la", "à la")]
    [InlineData(@"h\^otel", "hôtel")]
    [InlineData(@"Ma\~nana", "Mañana")]
    [InlineData(@"\=a", "ā")]
    [InlineData(@"\.Zabka", "Żabka")]
    [InlineData(@"\u{a}", "ă")]
    [InlineData(@"\u a", "ă")]
    [InlineData(@"Dvo\v{r}\'ak", "Dvořák")]
    [InlineData(@"Dvo\v r\'ak", "Dvořák")]
    [InlineData(@"Erd\H{o}s", "Erdős")]
    [InlineData(@"Gar\c{c}on", "Garçon")]
    [InlineData(@"Gar\c con", "Garçon")]
    [InlineData(@"\k{a}", "ą")]
    [InlineData(@"\r{a}", "å")]
    [InlineData(@"\d{s}", "ṣ")]
    [InlineData(@"\b{k}", "ḵ")]
    [InlineData(@"\t{oo}", "o\u0361o")]
    [InlineData(@"\'{}", "\u00B4")]
    [InlineData(@"\~{}", "\u02DC")]
    public void Accents_InEverySpelling_BecomeComposedLetters(string tex, string expected)
    {
        var decoded = TexDecoder.Decode(tex);
        Assert.Equal(expected, decoded);
        Assert.True(decoded.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(@"Stra\ss e", "Straße")]
    [InlineData(@"Stra{\ss}e", "Straße")]
    [InlineData(@"Stra\ss{}e", "Straße")]
    [InlineData(@"Sl\o r", "Slør")]
    [InlineData(@"\O ystein", "Øystein")]
    [InlineData(@"\ae{}ther", "æther")]
    [InlineData(@"\AE", "Æ")]
    [InlineData(@"C\oe ur", "Cœur")]
    [InlineData(@"\OE", "Œ")]
    [InlineData(@"\AA ngstr\""om", "Ångström")]
    [InlineData(@"{\aa}", "å")]
    [InlineData(@"\L ukasz {\L}{\'o}d\'z", "Łukasz Łódź")]
    [InlineData(@"Micha{\l}", "Michał")]
    [InlineData(@"{\i}", "ı")]
    [InlineData(@"{\j}", "ȷ")]
    [InlineData(@"\dh{}\th{}\ng", "ðþŋ")]
    [InlineData(@"\'\o", "ǿ")]
    public void LigaturesAndLetters_BecomeTheirCharacters(string tex, string expected) => Assert.Equal(expected, TexDecoder.Decode(tex));

    [Theory]
    [InlineData(@"Salt \& Pepper", "Salt & Pepper")]
    [InlineData(@"50\% faster", "50% faster")]
    [InlineData(@"costs \$5", "costs $5")]
    [InlineData(@"\#1", "#1")]
    [InlineData(@"snake\_case", "snake_case")]
    [InlineData(@"Fig.~1 and et~al.", "Fig. 1 and et al.")]
    [InlineData("pages 1--10", "pages 1\u201310")]
    [InlineData("yes---or no", "yes\u2014or no")]
    [InlineData("``quoted''", "\u201Cquoted\u201D")]
    [InlineData("{B}ayesian {N}etworks", "Bayesian Networks")]
    [InlineData(@"\emph{Kekul\'e} and {\it structures}", "Kekulé and structures")]
    public void EscapesDashesQuotesAndGroupingBraces_AreDecoded(string tex, string expected) => Assert.Equal(expected, TexDecoder.Decode(tex));

    [Theory]
    [InlineData(@"Let $\alpha + \beta$ be {B}ig", @"Let $\alpha + \beta$ be Big")]
    [InlineData(@"$\'e$ stays", @"$\'e$ stays")]
    [InlineData(@"$$x_{1}--y$$ {B}", @"$$x_{1}--y$$ B")]
    [InlineData(@"\(a^{2}\) and \[b~c\] G\""odel", @"\(a^{2}\) and \[b~c\] Gödel")]
    [InlineData(@"$a \$ b$ G\""odel", @"$a \$ b$ Gödel")]
    [InlineData(@"$\sim$10\% {B}", @"$\sim$10% B")]
    public void Math_IsLeftExactlyAsWritten(string tex, string expected) => Assert.Equal(expected, TexDecoder.Decode(tex));

    [Theory]
    [InlineData(@"\cite{x} \foo bar", @"\cite{x} \foo bar")]
    [InlineData(@"\frac{a}{b}", @"\frac{a}{b}")]
    [InlineData(@"line\\break", @"line\\break")]
    [InlineData(@"\vc", @"\vc")]
    public void UnknownCommands_AreKeptAsWritten_WithTheirArguments(string tex, string expected) => Assert.Equal(expected, TexDecoder.Decode(tex));

    [Theory]
    [InlineData("https://github.com/a--b/~c{d}", "https://github.com/a--b/~c{d}")]
    [InlineData(@"see https://x.org/~me/ {B}ig", "see https://x.org/~me/ Big")]
    [InlineData("http://host/~user", "http://host/~user")]
    public void Urls_AreLeftAsWritten(string tex, string expected) => Assert.Equal(expected, TexDecoder.Decode(tex));

    [Theory]
    [InlineData("Attention Is All You Need")]
    [InlineData("A state-of-the-art model, Bayes' rule and $5")]
    [InlineData("Kekulé structures")]
    [InlineData("")]
    public void TextWithoutTex_IsTheSameInstance(string text) => Assert.Same(text, TexDecoder.Decode(text));

    [Fact]
    public void TextWithMarkersButNothingToDecode_IsTheSameInstance()
    {
        var text = @"$\alpha$ and \unknown{x} with } stray";
        Assert.Same(text, TexDecoder.Decode(text));
    }

    [Fact]
    public void TextWithoutTex_DecodesWithoutAllocating()
    {
        var text = "A state-of-the-art model for Bayes' rule, measured at 5$ per run";
        TexDecoder.Decode(text);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) TexDecoder.Decode(text);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Theory]
    [InlineData(@"\")]
    [InlineData(@"ends with \")]
    [InlineData(@"\'")]
    [InlineData(@"\'{")]
    [InlineData(@"\'{e")]
    [InlineData(@"\v{")]
    [InlineData(@"$unterminated \'e")]
    [InlineData(@"$$unterminated")]
    [InlineData(@"\(unterminated")]
    [InlineData(@"\[unterminated")]
    [InlineData("}}}{{{")]
    [InlineData(@"\'}")]
    [InlineData(@"\'$x$")]
    [InlineData("\\'\uD83D\uDE00")]
    [InlineData("\\'\uD800")]
    public void MalformedTex_NeverThrows_AndIsIdempotent(string tex)
    {
        var once = TexDecoder.Decode(tex);
        Assert.Equal(once, TexDecoder.Decode(once));
    }

    [Theory]
    [InlineData(@"exceeded $10 billion and $3 million, and $\alpha$ too", @"$\alpha$")]
    [InlineData(@"$\sim$10x and $$x$$ and \(y\) and \[z\]", @"$\sim$|$$x$$|\(y\)|\[z\]")]
    [InlineData(@"$ x $ is no math, $x$ is", "$x$")]
    [InlineData(@"a \$ b $c$", "$c$")]
    public void Split_FindsTheMath_AndNotPrices(string text, string math)
    {
        var segments = TexMathScanner.Split(text);

        Assert.Equal(math, string.Join('|', segments.Where(s => s.IsMath).Select(s => text.Substring(s.Start, s.Length))));
        Assert.Equal(text, string.Concat(segments.Select(s => text.Substring(s.Start, s.Length))));
    }

    [Fact]
    public void UnterminatedMath_IsText_AndTheRestIsDecoded() => Assert.Equal("$x Gödel", TexDecoder.Decode(@"$x G\""odel"));

    [Fact]
    public void DeepBraces_AreDecodedInBoundedTime()
    {
        var deep = new string('{', 500_000) + "x" + new string('}', 500_000);
        var started = Environment.TickCount64;
        Assert.Equal("x", TexDecoder.Decode(deep));
        // An unknown command's group keeps its brace; the unmatched groups inside it are grouping and go.
        Assert.Equal(@"\cite{x", TexDecoder.Decode(@"\cite" + new string('{', 100) + "x"));
        Assert.True(Environment.TickCount64 - started < 2000);
    }

    [Theory]
    [InlineData("$")]
    [InlineData("$$")]
    [InlineData(@"\(")]
    [InlineData(@"\[")]
    [InlineData(@"\")]
    [InlineData(@"\'")]
    [InlineData("--")]
    [InlineData("{")]
    public void AMegabyteOfOneMarker_IsDecodedInBoundedTime(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit + "a", 1_000_000 / (unit.Length + 1)));
        var started = Environment.TickCount64;
        var once = TexDecoder.Decode(text);
        Assert.Equal(once, TexDecoder.Decode(once));
        Assert.True(Environment.TickCount64 - started < 3000, $"{unit}: {Environment.TickCount64 - started} ms");
    }

    [Fact]
    public void RandomTex_NeverThrows_IsIdempotent_AndLeavesTextWithoutMarkersAlone()
    {
        // A property test with a fixed seed: fragments of real markup, shuffled into hostile combinations.
        string[] fragments = [@"\'", @"\""", @"\v", @"\t", @"\c", "{", "}", "$", "$$", @"\(", @"\)", @"\[", @"\]", @"\\", @"\", "~", "-", "--",
            "`", "'", "e", "o", @"\i", @"\ss", @"\{", @"\}", @"\$", @"\&", " ", "a", @"\foo", @"\emph", @"\it", "http://x/~y", "é", "\uD83D\uDE00"];
        var random = new Random(20261202);
        for (var i = 0; i < 20_000; i++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 16);
            for (var j = 0; j < count; j++) builder.Append(fragments[random.Next(fragments.Length)]);
            var text = builder.ToString();
            var once = TexDecoder.Decode(text);
            Assert.True(once == TexDecoder.Decode(once), $"not idempotent for '{text}': '{once}' then '{TexDecoder.Decode(once)}'");
            if (!TexDecoder.HasMarkers(text)) Assert.Same(text, once);
        }
    }
}
