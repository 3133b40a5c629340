namespace Digest.Web.Browsing;

/// <summary>One bar of a <see cref="MonthChart"/>; coordinates are pre-formatted SVG numbers.</summary>
public sealed record MonthBar(string Month, int Count, string X, string Y, string Width, string Height);
