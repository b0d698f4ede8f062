using System.Runtime.CompilerServices;
using System.Text.Json;
using NewsBot.Core.Text;

namespace NewsBot.Core.Ingestion;

/// <summary>
/// <c>.jsonl</c>: one article object per line. <c>.json</c>: one article object, an array of them,
/// or an object holding such an array under <c>articles</c>, <c>items</c> or <c>data</c>.
/// </summary>
public sealed class JsonArticleReader(TimeProvider? time = null) : IArticleReader
{
    private static readonly string[] ContainerNames = ["articles", "items", "data", "entries", "results"];

    public IReadOnlyCollection<string> Extensions { get; } = [".json", ".jsonl", ".ndjson"];

    public async IAsyncEnumerable<ReadItem> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            await foreach (var item in ReadLinesAsync(path, cancellationToken))
            {
                yield return item;
            }

            yield break;
        }

        JsonDocument? document = null;
        ReadItem? malformed = null;
        try
        {
            await using var stream = File.OpenRead(path);
            document = await JsonDocument.ParseAsync(stream, default, cancellationToken);
        }
        catch (JsonException ex)
        {
            malformed = ReadItem.Failed(Location(path, (ex.LineNumber ?? 0) + 1), JsonErrors.Describe(ex));
        }

        if (document is null)
        {
            yield return malformed!;
            yield break;
        }

        using (document)
        {
            var root = document.RootElement;
            var container = root.ValueKind == JsonValueKind.Object
                ? ContainerNames.Select(n => root.TryGetProperty(n, out var v) ? v : default).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array)
                : default;
            var array = root.ValueKind == JsonValueKind.Array ? root : container;
            if (array.ValueKind != JsonValueKind.Array)
            {
                yield return FromElement(root, path);
                yield break;
            }

            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                index++;
                yield return FromElement(element, $"{path} [item {index}]");
            }
        }
    }

    private async IAsyncEnumerable<ReadItem> ReadLinesAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var location = Location(path, lineNumber);
            JsonDocument? document = null;
            string? error = null;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                error = JsonErrors.Describe(ex, lineNumber);
            }

            if (document is null)
            {
                yield return ReadItem.Failed(location, error!);
                continue;
            }

            using (document)
            {
                yield return FromElement(document.RootElement, location);
            }
        }
    }

    private ReadItem FromElement(JsonElement element, string location)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return ReadItem.Failed(location, $"expected an article object, found {element.ValueKind.ToString().ToLowerInvariant()}");
        }

        var fields = new ArticleFields { Clock = time ?? TimeProvider.System };
        foreach (var property in element.EnumerateObject())
        {
            fields.Set(property.Name, AsText(property.Value));
        }

        return fields.ToReadItem(location);
    }

    /// <summary>Strings as they are; numbers as written; arrays joined by commas; objects by their name or title.</summary>
    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(AsText).Where(t => !string.IsNullOrWhiteSpace(t))),
        JsonValueKind.Object => new[] { "name", "title", "href", "url" }
            .Select(n => value.TryGetProperty(n, out var v) ? AsText(v) : null)
            .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)),
        _ => null,
    };

    private static string Location(string path, long line) => $"{path}:{line}";
}
