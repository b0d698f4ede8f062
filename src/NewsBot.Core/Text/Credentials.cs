using System.Text.RegularExpressions;

namespace NewsBot.Core.Text;

/// <summary>
/// Addresses as they may be shown or logged: without the user name and password some feeds carry
/// (https://user:secret@host/feed.xml is https://host/feed.xml). Every report of a read goes through here.
/// </summary>
public static partial class Credentials
{
    public static string Hidden(string text) => text.Contains('@', StringComparison.Ordinal) ? UserInfo().Replace(text, "://") : text;

    [GeneratedRegex(@"://[^/@\s]+@")]
    private static partial Regex UserInfo();
}
