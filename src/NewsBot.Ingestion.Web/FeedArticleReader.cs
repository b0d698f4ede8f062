using System.Runtime.CompilerServices;
using NewsBot.Core.Ingestion;

namespace NewsBot.Ingestion.Web;

/// <summary><c>.rss</c>, <c>.atom</c>, <c>.xml</c>: a saved RSS 2.0 or Atom feed, one article per item.</summary>
public sealed class FeedArticleReader(FeedItemReader items) : IArticleReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".rss", ".atom", ".xml"];

    public async IAsyncEnumerable<ReadItem> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (feed, problem, badItems) = FeedDocument.TryParseTolerant(await File.ReadAllBytesAsync(path, cancellationToken));
        if (feed is null)
        {
            yield return ReadItem.Failed(path, problem!);
            yield break;
        }

        foreach (var (number, reason) in badItems)
        {
            yield return ReadItem.Failed($"{path} item {number}", reason);
        }

        await foreach (var item in items.ReadAsync(feed, null, path, null, cancellationToken))
        {
            yield return item;
        }
    }
}
