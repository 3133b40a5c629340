using System.Text;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Papers;
using Digest.Core.Readers;
using Digest.Core.Storage;
using Digest.Web.Readers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Digest.Web.Pages.Readers;

/// <summary>The reading list as BibTeX or as JSON Lines (the export format, which <c>ingest</c> reads back), most recently saved first.</summary>
[Authorize(Policy = ReaderPolicies.Reader)]
public sealed class SavedExportModel(SavedPapers saved, PaperStore store) : PageModel
{
    [BindProperty(Name = "format", SupportsGet = true)]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var bibtex = string.Equals(Format, "bibtex", StringComparison.Ordinal);
        if (!bibtex && !string.Equals(Format, "jsonl", StringComparison.Ordinal)) return BadRequest("format must be bibtex or jsonl");
        var ids = await saved.IdsAsync(User.ReaderId()!.Value, cancellationToken);
        var text = new StringBuilder();
        foreach (var id in ids)
        {
            // A saved paper the store no longer has (merged away and gone) is skipped, not an error.
            if (await store.GetAsync(id, cancellationToken) is not { } paper) continue;
            if (bibtex) text.Append(BibTexFormatter.Format(paper)).Append('\n');
            else text.Append(PaperJsonLinesWriter.ToLine(paper)).Append('\n');
        }
        Response.Headers.CacheControl = "private, no-store";
        var content = Encoding.UTF8.GetBytes(text.ToString());
        return bibtex
            ? File(content, "application/x-bibtex; charset=utf-8", "reading-list.bib")
            : File(content, "application/jsonl; charset=utf-8", "reading-list.jsonl");
    }
}
