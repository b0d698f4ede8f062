namespace NewsBot.Cli;

internal static class Counted
{
    /// <summary><c>1 line</c>, <c>2 lines</c>: a count with its noun in the right number.</summary>
    public static string Of(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
