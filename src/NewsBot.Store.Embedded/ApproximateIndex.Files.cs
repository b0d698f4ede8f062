using System.Text.Json;
using Cloud.Unum.USearch;

namespace NewsBot.Store.Embedded;

/// <summary>The graph's files beside the store: its segments (the first at the index path, the others numbered after it) and their description.</summary>
internal sealed partial class ApproximateIndex
{
    /// <summary>Up to which passage the graph kept at <paramref name="path"/> for this store and vector size holds; null when there is none.</summary>
    public static long? SavedThrough(string path, string storeId, int dimensions) => Description(path, storeId, dimensions)?.MaxRowId;

    /// <summary>
    /// The graph kept at <paramref name="path"/> (its first segment; the others numbered beside it) for this store and
    /// vector size; null when there is none, or it is another store's, or a segment is missing or unreadable.
    /// </summary>
    public static ApproximateIndex? Load(string path, string storeId, int dimensions, int segmentPassages = SegmentPassagesDefault)
    {
        if (Description(path, storeId, dimensions) is not { } saved)
        {
            return null;
        }

        var segments = new List<GraphSegment>();
        try
        {
            for (var s = 0; s < saved.Segments; s++)
            {
                segments.Add(GraphSegment.Load(SegmentPath(path, s), dimensions) ?? throw new IOException($"Segment {s} of the graph is missing or of another vector size."));
            }

            return new ApproximateIndex(segments, dimensions, segmentPassages) { MaxRowId = saved.MaxRowId };
        }
        catch (Exception ex) when (ex is IOException or USearchException or UnauthorizedAccessException)
        {
            segments.ForEach(s => s.Dispose());
            return null;
        }
    }

    /// <summary>
    /// Writes the segments changed since the last save beside the store, each whole under a temporary name and then
    /// renamed over the old one, and the description last, so a crash leaves the previous description with segments
    /// that hold what it says or more.
    /// </summary>
    public void Save(string path, string storeId)
    {
        var maxRowId = MaxRowId;
        GraphSegment[] segments;
        lock (_lock)
        {
            segments = [.. _segments];
        }

        for (var s = 0; s < segments.Length; s++)
        {
            if (segments[s].Changed || !File.Exists(SegmentPath(path, s)))
            {
                segments[s].Save(SegmentPath(path, s));
            }
        }

        File.WriteAllText(path + ".json.tmp", JsonSerializer.Serialize(new Saved(storeId, Dimensions, maxRowId, segments.Length)));
        File.Move(path + ".json.tmp", path + ".json", overwrite: true);
        for (var s = segments.Length; File.Exists(SegmentPath(path, s)); s++)
        {
            File.Delete(SegmentPath(path, s)); // left by an earlier graph with more segments
        }
    }

    /// <summary>The file of segment <paramref name="segment"/>: the first at <paramref name="path"/> itself, as a graph of one segment always was.</summary>
    private static string SegmentPath(string path, int segment) => segment == 0 ? path : $"{path}.{segment}";

    private static Saved? Description(string path, string storeId, int dimensions)
    {
        try
        {
            return File.Exists(path + ".json") && JsonSerializer.Deserialize<Saved>(File.ReadAllText(path + ".json")) is { } saved
                && saved.Store == storeId && saved.Dimensions == dimensions && saved.Segments >= 1 ? saved : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>How a graph is described in the file beside it; <c>Segments</c> is 1 for a graph written before segments.</summary>
    private sealed record Saved(string Store, int Dimensions, long MaxRowId, int Segments = 1);
}
