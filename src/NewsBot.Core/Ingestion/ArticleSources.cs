namespace NewsBot.Core.Ingestion;

/// <summary>Turns the paths a user names (files and folders) into readable files, each with the reader for its kind.</summary>
public sealed class ArticleSources(IEnumerable<IArticleReader> readers)
{
    private readonly Dictionary<string, IArticleReader> _byExtension = readers
        .SelectMany(r => r.Extensions.Select(e => (Extension: e, Reader: r)))
        .ToDictionary(x => x.Extension, x => x.Reader, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> SupportedExtensions => _byExtension.Keys;

    /// <summary>Files in a stable order. A named file of an unknown kind, or a missing path, is a problem; unknown files inside folders are skipped.</summary>
    public (IReadOnlyList<(string Path, IArticleReader Reader)> Files, IReadOnlyList<ReadItem> Problems) Expand(IEnumerable<string> paths)
    {
        var files = new List<(string, IArticleReader)>();
        var problems = new List<ReadItem>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
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
}
