using System.Diagnostics;
using System.Text;

namespace NewsBot.Bench;

/// <summary>Requests sent and how they were answered, by status.</summary>
public sealed class FuzzTally
{
    private readonly SortedDictionary<int, int> _statuses = new();
    private readonly List<string> _failures = [];

    public int Sent => _statuses.Values.Sum();

    public int Errors => _statuses.Where(s => s.Key is 0 or >= 500).Sum(s => s.Value);

    public TimeSpan Elapsed { get; private set; }

    public string Statuses => string.Join(", ", _statuses.Select(s => $"{s.Key}: {s.Value}"));

    public static async Task<FuzzTally> SendAsync(HttpClient http, TimeSpan limit, IEnumerable<(string Kind, FuzzRequest Request)> cases)
    {
        var tally = new FuzzTally();
        var clock = Stopwatch.StartNew();
        foreach (var (kind, request) in cases)
        {
            if (clock.Elapsed > limit)
            {
                break;
            }

            using var message = new HttpRequestMessage(request.Method, request.Path);
            if (request.Body is not null)
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
            }

            if (request.Bearer is not null)
            {
                message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + request.Bearer);
            }

            int status;
            try
            {
                using var response = await http.SendAsync(message);
                status = (int)response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                status = 0;
            }

            tally._statuses[status] = tally._statuses.GetValueOrDefault(status) + 1;
            if (status is 0 or >= 500 && tally._failures.Count < 10)
            {
                tally._failures.Add($"{kind} {request.Method} {request.Path} -> {status}: {Shorten(request.Body)}");
            }
        }

        tally.Elapsed = clock.Elapsed;
        return tally;
    }

    public void PrintFailures()
    {
        foreach (var failure in _failures)
        {
            Console.WriteLine("  " + failure);
        }
    }

    private static string Shorten(string? text) => text is null ? "(no body)" : text.Length > 120 ? text[..120] + "…" : text;
}
