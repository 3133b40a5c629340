using Digest.Web.CommandLine;
using Digest.Web.Hosting;

// A verb (ingest, reindex, export, stats, ...) runs as a command against the same data directory and exits.
if (CliRunner.IsVerb(args)) return await CliRunner.RunAsync(args);

// Otherwise: the web app. Registration and the request pipeline live in DigestWebRegistration.
// Settings and static files come from beside the binary wherever it is started from; ./data is relative to the caller.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddDigest();

var app = builder.Build();
app.UseDigest();
await app.RunAsync();
return 0;

/// <summary>Entry point type, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
