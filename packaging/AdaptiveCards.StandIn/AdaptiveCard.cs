namespace AdaptiveCards
{
    /// <summary>Stand-in for the Adaptive Cards SDK type that Microsoft.Bot.Schema names.</summary>
    public class AdaptiveCard
    {
        /// <summary>The attachment content type of an Adaptive Card.</summary>
        public const string ContentType = "application/vnd.microsoft.card.adaptive";
    }
}
