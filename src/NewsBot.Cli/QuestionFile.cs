using System.Text.Json;

namespace NewsBot.Cli;

/// <summary>A JSONL file of questions, <c>{"qid": ..., "query": "..."}</c> per line; any error names its line.</summary>
internal static class QuestionFile
{
    public static IReadOnlyList<(JsonElement? Qid, string Query)> Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException($"{file.FullName}: no such file.");
        }

        var questions = new List<(JsonElement?, string)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file.FullName))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var query = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
                if (string.IsNullOrWhiteSpace(query))
                {
                    throw new CliException($"{file.FullName}:{lineNumber}: the line has no \"query\" string.");
                }

                questions.Add((root.TryGetProperty("qid", out var id) ? id.Clone() : null, query));
            }
            catch (JsonException ex)
            {
                throw new CliException($"{file.FullName}:{lineNumber}: malformed JSON ({ex.Message})");
            }
        }

        return questions;
    }
}
