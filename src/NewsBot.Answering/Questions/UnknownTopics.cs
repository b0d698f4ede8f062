using NewsBot.Answering.Retrieval;
using NewsBot.Core.Search;
using NewsBot.Core.Storage;

namespace NewsBot.Answering.Questions;

/// <summary>
/// What a question is about that the news never mentions. First the names it says it is about ("an article about
/// Oleg Fomenko"): one unknown is enough. Then the topic words no stored passage contains, capitalised or not
/// ("chess" when the news has no chess): a question where a third of its topic words are unknown, and that names
/// nothing the news knows, is about something the news does not cover, and answering it from a story that merely
/// sounds similar would mislead. Unknown words that belong to a name are reported as that name ("Formula One").
/// </summary>
public sealed class UnknownTopics(INewsStore store)
{
    private const int MinLetters = 4;

    /// <summary>The unknown topic words when they make the question one the news does not cover; otherwise none.</summary>
    public async Task<IReadOnlyList<string>> FindAsync(string question, CancellationToken cancellationToken)
    {
        var unknownFocus = new List<string>();
        foreach (var name in NamedSubjects.Focus(question))
        {
            if (!await IsMentionedAsync(name, cancellationToken))
            {
                unknownFocus.Add(name.Text);
            }
        }

        if (unknownFocus.Count > 0)
        {
            return unknownFocus; // The question is about something the news never mentions.
        }

        var topics = TopicWords.In(question).Where(w => w.Length >= MinLetters && !w.Any(char.IsDigit)).ToArray();
        if (topics.Length == 0)
        {
            return [];
        }

        var unknown = new List<string>();
        foreach (var topic in topics)
        {
            if (!await store.ContainsWordAsync(topic, cancellationToken))
            {
                unknown.Add(topic);
            }
        }

        if (unknown.Count == 0 || unknown.Count * 3 < topics.Length)
        {
            return [];
        }

        var names = NamedSubjects.In(question);
        bool Unknown(NamedSubject name) => name.Words.Any(w => unknown.Contains(w, StringComparer.OrdinalIgnoreCase));
        if (names.Any(n => !Unknown(n)))
        {
            return []; // It names something the news knows: retrieval decides.
        }

        var unknownNames = names.Where(Unknown).Select(n => n.Text).ToArray();
        return unknownNames.Length > 0 ? unknownNames : unknown;
    }

    /// <summary>
    /// The question's names when neither the retrieved passages nor any stored passage mentions any of them (every
    /// identifying word of a name in one passage); otherwise none. A name the store knows is left to retrieval, which
    /// may simply not have ranked it high. The store is asked only when the retrieved passages miss every name.
    /// </summary>
    public async Task<IReadOnlyList<NamedSubject>> UnheardOfAsync(IReadOnlyList<NamedSubject> names, IReadOnlyList<NewsPassage> passages, CancellationToken cancellationToken)
    {
        if (!NamedSubjects.NoneMentioned(names, passages.Select(p => p.Text)))
        {
            return [];
        }

        var unheardOf = new List<NamedSubject>();
        foreach (var name in names)
        {
            if (!await IsMentionedAsync(name, cancellationToken))
            {
                unheardOf.Add(name);
            }
        }

        // Declining needs every name to be unknown; one known name means the question may be answerable.
        return unheardOf.Count == names.Count ? unheardOf : [];
    }

    private async Task<bool> IsMentionedAsync(NamedSubject name, CancellationToken cancellationToken) =>
        (await store.KeywordSearchAsync(name.Words, SearchFilter.None, 20, cancellationToken)).Any(hit => NamedSubjects.Mentions(hit.Title + " " + hit.Text, name));
}
