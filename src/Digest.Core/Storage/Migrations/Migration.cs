namespace Digest.Core.Storage.Migrations;

/// <summary>One schema step. Versions are consecutive from 1; a released migration is never edited, only followed by a new one.</summary>
public sealed record Migration(int Version, string Description, string Sql);
