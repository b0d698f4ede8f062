using System.Text.Json.Nodes;

namespace NewsBot.Bench;

/// <summary>
/// Requests shaped like a hostile or broken channel's rather than random garbage: Teams compose-box searches with
/// values of every wrong shape (and a 25,000-word query), mention entities without the account they mention,
/// commands written with full-width and Arabic-Indic digits, and bearer tokens that are not tokens.
/// </summary>
public static class FuzzHostileCases
{
    private static readonly string?[] ExtensionValues =
    [
        null,
        """{"commandId":"searchNews","parameters":"x"}""",
        """{"commandId":"searchNews","parameters":[null]}""",
        """{"commandId":"searchNews","parameters":[{"name":"query","value":"tram"}],"queryOptions":{"count":"abc"}}""",
        """{"commandId":"searchNews","parameters":[{"name":"query","value":"tram"}],"queryOptions":{"count":99999999999999}}""",
        """{"commandId":"searchNews","parameters":[{"name":"query","value":"tram"}],"queryOptions":"x"}""",
        """{"commandId":"searchNews","parameters":[{"name":"query","value":{"a":1}}]}""",
        """{"commandId":7}""",
        """{"commandId":"searchNews","parameters":[{"name":"initialRun","value":"true"}]}""",
    ];

    private static readonly string[] Mentions =
    [
        """[{"type":"mention","mentioned":null,"text":"<at>NewsBot</at>"}]""",
        """[{"type":"mention","text":"<at>NewsBot</at>"}]""",
        """[{"type":"mention","mentioned":{"id":5},"text":7}]""",
        """[{"type":"mention","mentioned":"newsbot"}]""",
        """[{"type":"mention","mentioned":{"id":"newsbot"},"text":""}]""",
        """[null,{"type":null}]""",
    ];

    private static readonly string[] Texts =
    [
        "briefing daily ７:３０", "briefing daily ٠٨:١٥", "briefing daily ۹ pm", "briefing daily ７", "follow ｔｒａｍ ｓｔｒｉｋｅ",
        "What happened in the last ３ days?", "follow \u202Eekirts mart", "unfollow all", "briefing off",
    ];

    private static readonly string?[] Bearers = ["x", "a.b", "..", "a.b.c", "Bearer", "eyJhbGciOiJub25lIn0.eyJ9.", new string('a', 20_000), "%00", "null"];

    public static IEnumerable<FuzzRequest> Messages(int seed, int count, string sink)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var activity = new JsonObject
            {
                ["type"] = "message",
                ["id"] = "hostile-" + i,
                ["channelId"] = "msteams",
                ["serviceUrl"] = sink,
                ["deliveryMode"] = "expectReplies",
                ["from"] = new JsonObject { ["id"] = "hostile-user" },
                ["recipient"] = new JsonObject { ["id"] = "newsbot" },
                ["conversation"] = new JsonObject { ["id"] = "hostile-" + random.Next(20) },
            };
            switch (random.Next(3))
            {
                case 0:
                    activity["type"] = "invoke";
                    activity["name"] = "composeExtension/query";
                    var value = random.Next(12) == 0 ? LongQuery() : ExtensionValues[random.Next(ExtensionValues.Length)];
                    activity["value"] = value is null ? null : JsonNode.Parse(value);
                    break;
                case 1:
                    activity["text"] = "<at>NewsBot</at> Where will NATO open its liaison office?";
                    activity["entities"] = JsonNode.Parse(Mentions[random.Next(Mentions.Length)]);
                    break;
                default:
                    activity["text"] = Texts[random.Next(Texts.Length)];
                    break;
            }

            yield return new FuzzRequest(HttpMethod.Post, "/api/messages", activity.ToJsonString(), random.Next(4) == 0 ? Bearers[random.Next(Bearers.Length)] : null);
        }
    }

    /// <summary>Activities with bad bearer tokens, for a bot with app credentials: each must be refused 401 or 429.</summary>
    public static IEnumerable<FuzzRequest> BadTokens(int seed, int count, string sink)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var activity = new JsonObject
            {
                ["type"] = "message",
                ["serviceUrl"] = sink,
                ["channelId"] = "msteams",
                ["text"] = "help",
                ["from"] = new JsonObject { ["id"] = "user" },
                ["conversation"] = new JsonObject { ["id"] = "19:team-" + random.Next(5) },
            };
            yield return new FuzzRequest(HttpMethod.Post, "/api/messages", activity.ToJsonString(), random.Next(5) == 0 ? null : Bearers[random.Next(Bearers.Length)]);
        }
    }

    private static string LongQuery() =>
        new JsonObject
        {
            ["commandId"] = "searchNews",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = string.Join(' ', Enumerable.Repeat("tram", 25_000)) }),
        }.ToJsonString();
}
