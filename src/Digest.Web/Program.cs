var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

/// <summary>Entry point type, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
