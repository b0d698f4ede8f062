namespace NewsBot.Core.Ingestion;

/// <summary>
/// Turns the paths a user names (files, folders, and http(s) addresses of pages or feeds) into readable inputs, each
/// with the reader for its kind.
/// </summary>
public sealed class ArticleSources(IEnumerable<IArticleReader> readers)
{
    private readonly Dictionary<string, IArticleReader> _byExtension = readers
        .SelectMany(r => r.Extensions.Select(e => (Extension: e, Reader: r)))
        .ToDictionary(x => x.Extension, x => x.Reader, StringComparer.OrdinalIgnoreCase);

    private readonly IWebArticleReader? _web = readers.OfType<IWebArticleReader>().FirstOrDefault();

    public IReadOnlyCollection<string> SupportedExtensions => _byExtension.Keys;

    /// <summary>Inputs in a stable order. A named file of an unknown kind, or a missing path, is a problem; unknown files inside folders are skipped.</summary>
    public (IReadOnlyList<(string Path, IArticleReader Reader)> Files, IReadOnlyList<ReadItem> Problems) Expand(IEnumerable<string> paths)
    {
        var files = new List<(string, IArticleReader)>();
        var problems = new List<ReadItem>();
        foreach (var path in paths)
        {
            if (IsWebAddress(path))
            {
                if (_web is null)
                {
                    problems.Add(ReadItem.Failed(path, "reading from the web is not available in this build"));
                }
                else
                {
                    files.Add((path, _web));
                }
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (_byExtension.TryGetValue(Path.GetExtension(file), out var reader))
                    {
                        files.Add((file, reader));
                    }
                }
            }
            else if (File.Exists(path))
            {
                if (_byExtension.TryGetValue(Path.GetExtension(path), out var reader))
                {
                    files.Add((path, reader));
                }
                else
                {
                    problems.Add(ReadItem.Failed(path, $"unsupported file type '{Path.GetExtension(path)}' (NewsBot reads {string.Join(", ", SupportedExtensions.Order())})"));
                }
            }
            else
            {
                problems.Add(ReadItem.Failed(path, "no such file or folder"));
            }
        }

        return (files, problems);
    }

    public static bool IsWebAddress(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
