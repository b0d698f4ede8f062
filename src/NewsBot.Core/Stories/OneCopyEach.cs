using NewsBot.Core.Storage;

namespace NewsBot.Core.Stories;

/// <summary>
/// Copies of one text (syndicated wire copy) shown once: the first of each group in the order given stands for it
/// and names the other outlets that ran it. Used by search and by digests, so both show a story once.
/// </summary>
public static class OneCopyEach
{
    /// <summary>
    /// The items in order, a copy of an earlier one's text left out (several items of the one article standing for
    /// its text are kept), each with the other outlets that ran its text. A damaged copies index costs the
    /// collapsing, never the items.
    /// </summary>
    public static async Task<IReadOnlyList<(T Item, IReadOnlyList<string> AlsoReportedBy)>> KeepAsync<T>(
        IReadOnlyList<T> items, Func<T, string> articleId, Func<T, string?> source, ICopyIndex? copies, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, CopyGroup> groups = new Dictionary<string, CopyGroup>();
        if (copies is not null && items.Count > 0)
        {
            try
            {
                groups = await copies.GroupsOfAsync(items.Select(articleId).Distinct(StringComparer.Ordinal).ToArray(), cancellationToken);
            }
            catch (StoreUnavailableException)
            {
            }
        }

        var shownFor = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<(T, IReadOnlyList<string>)>();
        foreach (var item in items)
        {
            var id = articleId(item);
            if (!groups.TryGetValue(id, out var group) || group.Copies.Count < 2)
            {
                kept.Add((item, []));
                continue;
            }

            if (shownFor.TryAdd(group.RepresentativeId, id) || shownFor[group.RepresentativeId] == id)
            {
                var others = group.Copies.Where(c => c.ArticleId != id).Select(c => c.Source).OfType<string>()
                    .Where(s => !string.Equals(s, source(item), StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
                kept.Add((item, others));
            }
        }

        return kept;
    }
}
