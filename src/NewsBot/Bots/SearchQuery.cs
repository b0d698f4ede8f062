using Newtonsoft.Json.Linq;

namespace NewsBot.Bots;

/// <summary>
/// A Teams compose-box search (<c>composeExtension/query</c>) read from the invoke's value by hand, so a value of
/// the wrong shape (no value, parameters that are not a list of objects, a count that is not a small whole number)
/// is a 400 with a reason rather than a failure inside the turn.
/// </summary>
public sealed record SearchQuery(string CommandId, string? Text, bool InitialRun, int? Count)
{
    public static (SearchQuery? Query, string? Error) Read(object? value)
    {
        if (value is not JObject json)
        {
            return (null, "A search needs an object value with a commandId.");
        }

        if (json["commandId"] is not { Type: JTokenType.String } commandId)
        {
            return (null, "A search needs a commandId.");
        }

        string? text = null;
        var initialRun = false;
        switch (json["parameters"])
        {
            case null or { Type: JTokenType.Null }:
                break;
            case JArray parameters:
                foreach (var parameter in parameters)
                {
                    if (parameter is not JObject { } named || named["name"] is not { Type: JTokenType.String } name)
                    {
                        return (null, "Each search parameter needs a name.");
                    }

                    if (named["value"] is JContainer)
                    {
                        return (null, "A search parameter's value must be text.");
                    }

                    initialRun |= (string?)name == "initialRun";
                    if ((string?)name == "query")
                    {
                        text = named["value"]?.ToString();
                    }
                }

                break;
            default:
                return (null, "A search's parameters must be a list.");
        }

        int? count = null;
        switch (json["queryOptions"])
        {
            case null or { Type: JTokenType.Null }:
                break;
            case JObject options when options["count"] is null or { Type: JTokenType.Null }:
                break;
            case JObject options when options["count"] is { Type: JTokenType.Integer } number:
                // Any whole number, however long: below one is one, too big for an int is as many as there are.
                count = !decimal.TryParse(number.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) || n > int.MaxValue
                    ? (number.ToString().StartsWith('-') ? 1 : int.MaxValue)
                    : n < 1 ? 1 : (int)n;
                break;
            case JObject:
                return (null, "A search's queryOptions.count must be a whole number.");
            default:
                return (null, "A search's queryOptions must be an object.");
        }

        return (new SearchQuery((string)commandId!, text, initialRun, count), null);
    }
}
