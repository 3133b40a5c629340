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
        // One read for the whole list (up to MaxSavedPapers), put back in the list's order. A saved paper the store no
        // longer has is left out, not an error.
        var papers = (await store.GetChangesAsync(ids, cancellationToken)).ToDictionary(c => c.Paper.Id, c => c.Paper, StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var id in ids)
        {
            if (!papers.TryGetValue(id, out var paper)) continue;
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
