namespace NewsBot.Core.Storage;

/// <summary>
/// A store that knows whether it existed before this process first opened it. Sample news is put only into a store
/// that did not exist: an existing one that is empty (a 0-byte file, every article deleted) is reported, not filled.
/// </summary>
public interface IStoreCreation
{
    bool ExistedBefore { get; }

    /// <summary>Where the store keeps its data, for the log (never shown to users).</summary>
    string Location { get; }
}
