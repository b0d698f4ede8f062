namespace NewsBot.Core.Storage;

/// <summary>A store that can fuse keyword and vector results itself (Qdrant's Query API with reciprocal rank fusion).</summary>
public interface IHybridSearchStore
{
    Task<IReadOnlyList<PassageHit>> HybridSearchAsync(ReadOnlyMemory<float> vector, IReadOnlyList<string> terms, SearchFilter filter, int top, int candidates, CancellationToken cancellationToken = default);
}
