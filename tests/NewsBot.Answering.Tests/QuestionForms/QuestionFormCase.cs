using System.Text.Json;
using System.Text.RegularExpressions;
using NewsBot.Core.Answering;

namespace NewsBot.Answering.Tests.QuestionForms;

/// <summary>One question of the form matrix (tests/…/QuestionForms/matrix.json) and what a reader expects of its answer.</summary>
public sealed partial record QuestionFormCase(string Form, string Story, string Subject, string Question, IReadOnlyList<string> History, IReadOnlyList<string> Articles)
{
    public bool Declined { get; init; }

    /// <summary>An outlet whose reports must not be cited (it has nothing on the story).</summary>
    public string? NotFrom { get; init; }

    /// <summary>The name a who/which answer may lead with; any other lead is wrong.</summary>
    public string? Lead { get; init; }

    /// <summary>Any answer that is not declined will do (digests, sources).</summary>
    public bool Any { get; init; }

    /// <summary>Every citation must be from this outlet.</summary>
    public string? From { get; init; }

    public override string ToString() => $"[{Form}/{Story}/{Subject}] {(History.Count > 0 ? string.Join(" → ", History) + " → " : "")}{Question}";

    /// <summary>Why the answer misses what a reader expects, or null when it does not.</summary>
    public string? Miss(Answer answer)
    {
        var cited = answer.Citations.Select(c => c.ArticleId).ToArray();
        if (Declined)
        {
            return answer.Declined ? null : "answered where it should decline";
        }

        if (answer.Declined || cited.Length == 0)
        {
            return Any && !answer.Declined ? null : "declined";
        }

        if (From is { } from)
        {
            return answer.Citations.All(c => c.Source == from) ? null : "cites an outlet it was not asked about";
        }

        if (Any)
        {
            return null;
        }

        if (!Articles.Contains(cited[0]))
        {
            return $"leads with another story ({cited[0]})";
        }

        if (cited.Count(Articles.Contains) * 2 < cited.Length)
        {
            return "cites mostly other stories";
        }

        if (NotFrom is { } other && answer.Citations.Any(c => c.Source == other))
        {
            return $"quotes {other}, which has nothing on it";
        }

        return Lead is { } name && LeadOf(answer.Text) is { } led && !led.Contains(name, StringComparison.OrdinalIgnoreCase)
            ? $"leads with the wrong name ({led})"
            : null;
    }

    private static string? LeadOf(string text) => NamedLead().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^Named in these reports: \*\*(.+?)\*\*")]
    private static partial Regex NamedLead();

    /// <summary>Every form asked about every story of the matrix file, with each of its subjects, and the facts and standalone questions.</summary>
    public static IReadOnlyList<QuestionFormCase> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var cases = new List<QuestionFormCase>();
        var stories = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var story in root.GetProperty("stories").EnumerateArray())
        {
            var name = story.GetProperty("story").GetString()!;
            var articles = story.GetProperty("articles").EnumerateArray().Select(a => a.GetString()!).ToArray();
            stories[name] = articles;
            var outlet = story.GetProperty("outlets")[0].GetString()!;
            var other = story.GetProperty("other").GetString()!;
            foreach (var form in root.GetProperty("forms").EnumerateArray())
            {
                foreach (var subject in story.GetProperty("subjects").EnumerateObject())
                {
                    string Fill(string text) => text.Replace("{s}", subject.Value.GetString(), StringComparison.Ordinal)
                        .Replace("{outlet}", outlet, StringComparison.Ordinal).Replace("{other}", other, StringComparison.Ordinal)
                        .Replace("the the ", "the ", StringComparison.Ordinal);
                    cases.Add(new QuestionFormCase(
                        form.GetProperty("form").GetString()!, name, subject.Name, Fill(form.GetProperty("q").GetString()!),
                        form.TryGetProperty("history", out var history) ? history.EnumerateArray().Select(h => Fill(h.GetString()!)).ToArray() : [],
                        articles)
                    {
                        NotFrom = form.TryGetProperty("notFrom", out var notFrom) ? Fill(notFrom.GetString()!) : null,
                        Declined = form.TryGetProperty("declined", out var declined) && declined.GetBoolean(),
                    });
                }
            }

            var headline = story.GetProperty("headline").GetString()!;
            foreach (var form in root.GetProperty("storyForms").EnumerateArray())
            {
                string Fill(string text) => text.Replace("{headline}", headline, StringComparison.Ordinal);
                cases.Add(new QuestionFormCase(
                    form.GetProperty("form").GetString()!, name, "headline", Fill(form.GetProperty("q").GetString()!),
                    form.TryGetProperty("history", out var history) ? history.EnumerateArray().Select(h => Fill(h.GetString()!)).ToArray() : [],
                    articles));
            }

            foreach (var fact in story.GetProperty("facts").EnumerateArray())
            {
                cases.Add(new QuestionFormCase(fact.GetProperty("form").GetString()!, name, "fact", fact.GetProperty("q").GetString()!, [], articles)
                {
                    Declined = fact.TryGetProperty("declined", out var declined) && declined.GetBoolean(),
                    Lead = fact.TryGetProperty("lead", out var lead) ? lead.GetString() : null,
                });
            }
        }

        foreach (var row in root.GetProperty("standalone").EnumerateArray())
        {
            var story = row.TryGetProperty("story", out var s) ? s.GetString()! : "-";
            cases.Add(new QuestionFormCase(
                row.GetProperty("form").GetString()!, story, "-", row.GetProperty("q").GetString()!,
                row.TryGetProperty("history", out var history) ? history.EnumerateArray().Select(h => h.GetString()!).ToArray() : [],
                stories.GetValueOrDefault(story) ?? [])
            {
                Declined = row.TryGetProperty("declined", out var declined) && declined.GetBoolean(),
                Any = row.TryGetProperty("any", out var any) && any.GetBoolean(),
                From = row.TryGetProperty("from", out var from) ? from.GetString() : null,
            });
        }

        return cases;
    }
}
