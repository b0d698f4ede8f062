using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsBot.Core.Text;

/// <summary>
/// What a reader of a file is told about malformed JSON: "malformed JSON at line 3, column 14: '}' is an invalid
/// start of a value", counted from 1, instead of the parser's internal "LineNumber: 0 | BytePositionInLine: 13".
/// </summary>
public static partial class JsonErrors
{
    /// <param name="line">The file's line when the JSON was one line of it (JSON Lines); else the parser's line is used.</param>
    public static string Describe(JsonException exception, int? line = null)
    {
        var at = line ?? (int)(exception.LineNumber ?? 0) + 1;
        var column = (int)(exception.BytePositionInLine ?? 0) + 1;
        var what = Position().Replace(exception.Message, "").Trim();
        var end = what.IndexOf(". ", StringComparison.Ordinal);
        what = (end > 0 ? what[..end] : what).TrimEnd('.');
        return $"malformed JSON at line {at}, column {column}: {what}";
    }

    // The parser's own position text, and the JSON path it may give before it.
    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex Position();
}
