using System.Text.Json.Nodes;

namespace NewsBot.Bench;

/// <summary>One request a fuzzer sends: what, where, with which bearer token.</summary>
public sealed record FuzzRequest(HttpMethod Method, string Path, string? Body, string? Bearer = null);

/// <summary>
/// Malformed requests for /api/messages and the local Direct Line, drawn from a seeded random source so a run can
/// be repeated: broken JSON, every activity field with a wrong type or value, oversized parts, bad tokens, bad
/// watermarks, unknown conversations. Valid-looking activities reply to <c>sink</c>, a loopback listener.
/// </summary>
public static class FuzzCases
{
    private static readonly string[] Types = ["message", "invoke", "conversationUpdate", "typing", "event", "endOfConversation", "messageReaction", "installationUpdate", "", "MESSAGE", "unknown"];
    private static readonly JsonNode?[] Weird = [null, 0, -1, 1e308, true, "", " ", "\u0000", "ü🙂\u202e", new string('x', 20_000), new JsonArray(1, "a"), new JsonObject { ["nested"] = new JsonObject { ["deep"] = new JsonArray() } }];
    private static readonly string[] ServiceUrls = ["javascript:alert(1)", "ftp://127.0.0.1/", "http://10.0.0.1/", "http://169.254.169.254/", "http://[::ffff:127.0.0.1]:1/", "//127.0.0.1/", "http://", "not a url", "http://localhost:0/"];

    public static IEnumerable<FuzzRequest> Messages(int seed, int count, string sink)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return new FuzzRequest(HttpMethod.Post, "/api/messages", (random.Next(6)) switch
            {
                0 => NotJson(random),
                1 => Pick(random, ["null", "[]", "42", "\"text\"", "{}", "{\"type\":null}", "{\"type\":\"message\"}"]),
                _ => Mutated(random, Activity(random, sink, i)).ToJsonString(),
            });
        }
    }

    public static IEnumerable<FuzzRequest> DirectLine(int seed, int count, string token, string conversation)
    {
        var random = new Random(seed);
        string[] tokens = [token, "", "local.deadbeef", "Bearer", new string('a', 5000), "local." + Guid.NewGuid().ToString("N")];
        for (var i = 0; i < count; i++)
        {
            var bearer = random.Next(3) == 0 ? Pick(random, tokens) : token;
            var id = random.Next(3) == 0 ? Pick(random, ["x", "..", "%2e%2e", new string('c', 300), Guid.NewGuid().ToString("N")]) : conversation;
            yield return random.Next(7) switch
            {
                0 => new FuzzRequest(HttpMethod.Post, "/v3/directline/conversations", random.Next(2) == 0 ? null : NotJson(random), bearer),
                1 => new FuzzRequest(HttpMethod.Get, $"/v3/directline/conversations/{id}/activities?watermark={Pick(random, ["-5", "abc", "99999999999", "", "1e9", "0"])}", null, bearer),
                2 => new FuzzRequest(HttpMethod.Post, "/v3/directline/tokens/refresh", null, Pick(random, tokens)),
                3 => new FuzzRequest(HttpMethod.Post, $"/v3/directline/connector/v3/conversations/{id}/activities", random.Next(2) == 0 ? NotJson(random) : "{\"type\":\"message\",\"text\":" + Weird[random.Next(Weird.Length)]?.ToJsonString() + "}", null),
                4 => new FuzzRequest(HttpMethod.Get, $"/v3/directline/conversations/{id}", null, bearer),
                _ => new FuzzRequest(HttpMethod.Post, $"/v3/directline/conversations/{id}/activities", random.Next(4) == 0 ? NotJson(random) : Mutated(random, new JsonObject
                {
                    ["type"] = "message",
                    ["from"] = new JsonObject { ["id"] = "fuzz" },
                    ["text"] = "help",
                }).ToJsonString(), bearer),
            };
        }
    }

    private static JsonObject Activity(Random random, string sink, int i) => new()
    {
        ["type"] = Pick(random, Types),
        ["id"] = "fuzz-" + i,
        ["channelId"] = Pick(random, ["emulator", "msteams", "directline", "webchat", ""]),
        ["serviceUrl"] = sink,
        ["deliveryMode"] = random.Next(2) == 0 ? "expectReplies" : null,
        ["from"] = new JsonObject { ["id"] = "fuzz-user", ["name"] = "Fuzz" },
        ["recipient"] = new JsonObject { ["id"] = "newsbot" },
        ["conversation"] = new JsonObject { ["id"] = "fuzz-" + random.Next(50) },
        ["text"] = Pick(random, ["help", "what's new", "sources", "Where will NATO open its liaison office?", "", "reset"]),
        ["name"] = "message/submitAction",
        ["value"] = new JsonObject { ["actionName"] = "feedback", ["actionValue"] = new JsonObject { ["reaction"] = "like" } },
    };

    /// <summary>One to three fields replaced by a value of the wrong type or shape, or removed.</summary>
    private static JsonObject Mutated(Random random, JsonObject activity)
    {
        string[] fields = ["type", "id", "channelId", "serviceUrl", "deliveryMode", "from", "recipient", "conversation", "text", "name", "value",
            "timestamp", "localTimestamp", "entities", "attachments", "membersAdded", "membersRemoved", "channelData", "suggestedActions", "replyToId", "locale"];
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var field = Pick(random, fields);
            switch (random.Next(4))
            {
                case 0: activity.Remove(field); break;
                case 1 when field == "serviceUrl": activity[field] = Pick(random, ServiceUrls); break;
                case 2 when field == "conversation": activity[field] = Weird[random.Next(Weird.Length)]?.DeepClone(); break;
                default: activity[field] = Weird[random.Next(Weird.Length)]?.DeepClone(); break;
            }
        }

        return activity;
    }

    private static string NotJson(Random random) => random.Next(5) switch
    {
        0 => "{\"type\":\"message\",\"text\":",
        1 => new string('[', 5000),
        2 => Convert.ToBase64String(Enumerable.Range(0, 200).Select(_ => (byte)random.Next(256)).ToArray()),
        3 => "<activity type=\"message\"/>",
        _ => "{\"type\":\"message\",\"text\":\"" + new string('y', 400_000) + "\"}",
    };

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
