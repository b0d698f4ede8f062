using NewsBot.Core.Text;
using System.Text.RegularExpressions;
using NewsBot.Core.Answering;
using NewsBot.Core.Search;

namespace NewsBot.Cli.Evaluation;

/// <summary>
/// Answer quality on questions with known answers: how often the answer contains the gold answer (inference and
/// temporal questions), how often the bot declines where it should (null questions) and where it should not,
/// whether every [n] marker resolves to a citation, the share of drafted sentences dropped as unsupported, how often
/// a who/which answer leads with the gold name (and with a wrong one), and how often a yes/no question gets a verdict
/// first, and how often that verdict is right.
/// </summary>
internal sealed partial class AnswerMetrics(IReadOnlyList<string> sources)
{
    private int _nameQuestions;
    private int _leads;
    private int _goldLeads;
    private int _yesNo;
    private int _verdicts;
    private int _rightVerdicts;
    private int _comparing;
    private int _citingEveryOutlet;

    private readonly Dictionary<string, (int Total, int Declined, int ContainsGold)> _byType = new(StringComparer.Ordinal);
    private int _answers;
    private int _validCitations;
    private int _sentencesChecked;
    private int _sentencesDropped;

    public void Add(GoldQuestion question, Answer answer)
    {
        var type = question.Type ?? "unknown";
        _sentencesChecked += answer.Support.Checked;
        _sentencesDropped += answer.Support.Dropped;
        var (total, declined, gold) = _byType.GetValueOrDefault(type);
        var contains = !answer.Declined && question.Answer is { Length: > 0 } expected && answer.Text.Contains(expected, StringComparison.OrdinalIgnoreCase);
        _byType[type] = (total + 1, declined + (answer.Declined ? 1 : 0), gold + (contains ? 1 : 0));

        // Questions comparing reports of named outlets: does the answer cite each of them?
        var named = OutletMatcher.Find(question.Query, sources);
        if (type is "comparison_query" or "temporal_query" && named.Count >= 2)
        {
            _comparing++;
            _citingEveryOutlet += named.All(o => answer.Citations.Any(c => string.Equals(c.Source, o, StringComparison.OrdinalIgnoreCase))) ? 1 : 0;
        }

        // Who / which questions: is the "Named in these reports" lead the gold answer? A wrong lead is worse than none.
        if (NameQuestion().IsMatch(question.Query) && question.Answer is { Length: > 0 } name)
        {
            _nameQuestions++;
            if (Lead().Match(answer.Text) is { Success: true } lead)
            {
                _leads++;
                var led = lead.Groups[1].Value;
                _goldLeads += led.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(led, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }
        }

        // Yes/no questions: answered with a verdict ("Yes." / "No." first), and is it the gold one?
        if (question.Answer is { } yesNo && (yesNo.Equals("yes", StringComparison.OrdinalIgnoreCase) || yesNo.Equals("no", StringComparison.OrdinalIgnoreCase)))
        {
            _yesNo++;
            if (!answer.Declined && Verdict().Match(answer.Text) is { Success: true } verdict)
            {
                _verdicts++;
                _rightVerdicts += verdict.Groups[1].Value.Equals(yesNo, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }
        }

        if (!answer.Declined)
        {
            _answers++;
            var markers = CitationMarkers.Numbers(answer.Text).ToHashSet();
            var numbers = answer.Citations.Select(c => c.N).ToHashSet();
            if (markers.Count > 0 && markers.SetEquals(numbers) && answer.Citations.All(c => c.Quote.Length > 0))
            {
                _validCitations++;
            }
        }
    }

    public object Summary(IReadOnlyList<double> sortedLatenciesMs)
    {
        (int Total, int Declined, int ContainsGold) Of(params string[] types) => types
            .Select(t => _byType.GetValueOrDefault(t))
            .Aggregate((0, 0, 0), (a, b) => (a.Item1 + b.Total, a.Item2 + b.Declined, a.Item3 + b.ContainsGold));
        var goldTypes = Of("inference_query", "temporal_query");
        var nulls = Of("null_query");
        var answerable = Of(_byType.Keys.Where(k => k != "null_query").ToArray());
        return new
        {
            questions = _byType.Values.Sum(v => v.Total),
            contains_gold_inference_temporal = Share(goldTypes.ContainsGold, goldTypes.Total),
            contains_gold_by_type = _byType.ToDictionary(kv => kv.Key, kv => Share(kv.Value.ContainsGold, kv.Value.Total)),
            null_declined = Share(nulls.Declined, nulls.Total),
            answerable_declined = Share(answerable.Declined, answerable.Total),
            valid_citations = Share(_validCitations, _answers),
            sentences_checked = _sentencesChecked,
            sentences_dropped_unsupported = Share(_sentencesDropped, _sentencesChecked),
            name_questions = _nameQuestions,
            name_leads = _leads,
            name_leads_gold = Share(_goldLeads, _nameQuestions),
            name_leads_wrong = Share(_leads - _goldLeads, _nameQuestions),
            yes_no_questions = _yesNo,
            yes_no_verdicts = Share(_verdicts, _yesNo),
            yes_no_verdict_precision = Share(_rightVerdicts, _verdicts),
            comparisons_naming_two_outlets = _comparing,
            comparisons_citing_every_named_outlet = Share(_citingEveryOutlet, _comparing),
            latency_ms_p50 = Math.Round(RetrievalMetrics.Percentile(sortedLatenciesMs, 0.50), 1),
            latency_ms_p95 = Math.Round(RetrievalMetrics.Percentile(sortedLatenciesMs, 0.95), 1),
        };
    }

    private static double Share(int part, int total) => total == 0 ? 0 : Math.Round((double)part / total, 4);

    [GeneratedRegex(@"^\s*(?:who|whom|whose|which)\b|\b(?:which|what)\s+(?:individual|person|company|entity|organi[sz]ation|team)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NameQuestion();

    [GeneratedRegex(@"^Named in these reports: \*\*(.+?)\*\*")]
    private static partial Regex Lead();

    [GeneratedRegex(@"^(Yes|No)\.")]
    private static partial Regex Verdict();

}
