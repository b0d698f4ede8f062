using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

using NewsBot.Core.Ingestion;
using NewsBot.Core.Text;

namespace NewsBot.Ingestion.Files;

/// <summary>
/// <c>.md</c> and <c>.txt</c>: optional YAML front matter (between <c>---</c> lines) for the metadata; without a
/// <c>title</c> there, a leading Markdown heading or a short first line followed by a blank line is the title.
/// </summary>
public sealed partial class TextArticleReader(TimeProvider? time = null) : IArticleReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown", ".txt"];

    public async IAsyncEnumerable<ReadItem> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = (await File.ReadAllTextAsync(path, cancellationToken)).Replace("\r\n", "\n");
        yield return Parse(text, path);
    }

    private ReadItem Parse(string text, string location)
    {
        var fields = new ArticleFields { Clock = time ?? TimeProvider.System };
        var body = text;
        var frontMatter = FrontMatter().Match(text);
        if (frontMatter.Success)
        {
            try
            {
                var yaml = new YamlStream();
                yaml.Load(new StringReader(frontMatter.Groups["yaml"].Value));
                if (yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlMappingNode map)
                {
                    foreach (var (key, value) in map.Children)
                    {
                        fields.Set(key.ToString(), value switch
                        {
                            YamlScalarNode scalar => scalar.Value,
                            YamlSequenceNode list => string.Join(", ", list.Children.OfType<YamlScalarNode>().Select(s => s.Value)),
                            _ => null,
                        });
                    }
                }
            }
            catch (YamlException ex)
            {
                return ReadItem.Failed($"{location}:{ex.Start.Line + 1}", "malformed front matter: " + ex.Message);
            }

            body = text[frontMatter.Length..];
        }

        if (string.IsNullOrWhiteSpace(fields.Title))
        {
            var heading = LeadingTitle().Match(body);
            if (heading.Success)
            {
                fields.Title = heading.Groups["title"].Value;
                body = body[heading.Length..];
            }
        }

        fields.Body ??= StripMarkdown(body);
        return fields.ToReadItem(location);
    }

    /// <summary>Keeps the words of Markdown, drops its markup: headings, emphasis, links (text kept), images.</summary>
    private static string StripMarkdown(string text)
    {
        text = Markup.LinksAsText(text);
        text = HeadingMarker().Replace(text, "");
        return Emphasis().Replace(text, "");
    }

    [GeneratedRegex(@"\A\uFEFF?---[ \t]*\n(?<yaml>.*?)\n---[ \t]*(\n|\z)", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"\A\s*(#{1,2}[ \t]+(?<title>[^\n]+)|(?<title>[^\n#][^\n]{0,200}))\n[ \t]*(\n|\z)")]
    private static partial Regex LeadingTitle();

    [GeneratedRegex(@"^[ \t]*#{1,6}[ \t]+", RegexOptions.Multiline)]
    private static partial Regex HeadingMarker();

    [GeneratedRegex(@"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")]
    private static partial Regex Emphasis();
}
