using System.Text.Json;

namespace NewsBot.Cli.Evaluation;

/// <summary>A benchmark question with the facts a good retrieval must surface.</summary>
internal sealed record GoldQuestion(string Query, string? Type, string? Answer, IReadOnlyList<string> Facts)
{
    public static IEnumerable<GoldQuestion> Load(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var facts = root.TryGetProperty("evidence_list", out var evidence) && evidence.ValueKind == JsonValueKind.Array
                ? evidence.EnumerateArray().Select(e => e.TryGetProperty("fact", out var f) ? f.GetString() : null).OfType<string>().ToArray()
                : [];
            yield return new GoldQuestion(
                root.GetProperty("query").GetString() ?? "",
                root.TryGetProperty("question_type", out var type) ? type.GetString() : null,
                root.TryGetProperty("answer", out var answer) ? answer.ToString() : null,
                facts);
        }
    }
}
