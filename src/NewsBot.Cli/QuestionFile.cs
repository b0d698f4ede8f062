using System.Text.Json;

namespace NewsBot.Cli;

/// <summary>One line of a questions file: a question to answer, or the reason it cannot be read.</summary>
internal sealed record QuestionLine(int Line, JsonElement? Qid, string? Query, string? Error)
{
    public bool IsQuestion => Error is null;
}

/// <summary>What a batch writes for a line it could not read, in that line's place.</summary>
internal sealed record SkippedLine(int Line, JsonElement? Qid, string Error);

/// <summary>
/// A JSONL file of questions, <c>{"qid": ..., "query": "..."}</c> per line. A line that cannot be read does not stop
/// the rest: it is reported with its line number and the other questions are answered.
/// </summary>
internal static class QuestionFile
{
    public static IReadOnlyList<QuestionLine> Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException($"{file.FullName}: no such file.");
        }

        var lines = new List<QuestionLine>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file.FullName))
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                lines.Add(Parse(line, lineNumber));
            }
        }

        return lines;
    }

    /// <summary>Writes each unreadable line to standard error as <c>FILE:LINE: reason</c>; returns how many there were.</summary>
    public static int Report(FileInfo file, IReadOnlyList<QuestionLine> lines, TextWriter error)
    {
        var skipped = lines.Where(l => !l.IsQuestion).ToArray();
        foreach (var line in skipped)
        {
            error.WriteLine($"{file.FullName}:{line.Line}: {line.Error}; skipped.");
        }

        return skipped.Length;
    }

    private static QuestionLine Parse(string line, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new QuestionLine(lineNumber, null, null, "expected an object such as {\"qid\": 1, \"query\": \"...\"}");
            }

            JsonElement? qid = root.TryGetProperty("qid", out var id) ? id.Clone() : null;
            var query = root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
            return string.IsNullOrWhiteSpace(query)
                ? new QuestionLine(lineNumber, qid, null, "the line has no \"query\" string")
                : new QuestionLine(lineNumber, qid, query, null);
        }
        catch (JsonException ex)
        {
            return new QuestionLine(lineNumber, null, null, NewsBot.Core.Text.JsonErrors.Describe(ex, lineNumber));
        }
    }
}
