namespace NewsBot.Cli;

internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Nothing could be ingested, or a named article does not exist.</summary>
    public const int NothingDone = 1;

    /// <summary>Bad arguments or configuration.</summary>
    public const int Usage = 2;

    /// <summary>The store cannot be used: unreadable, not a NewsBot store, or holding another model's vectors.</summary>
    public const int StoreUnusable = 3;
}
