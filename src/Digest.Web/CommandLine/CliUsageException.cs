namespace Digest.Web.CommandLine;

/// <summary>The command line is wrong; the message says how. Exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
