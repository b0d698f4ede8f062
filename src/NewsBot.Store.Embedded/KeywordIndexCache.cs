using System.Collections.Concurrent;
using System.Globalization;

namespace NewsBot.Store.Embedded;

/// <summary>
/// Keeps a <see cref="KeywordIndex"/> of the store's current generation for stores up to <c>upTo</c> passages: read
/// in the background when the store has changed (at most once per <see cref="RebuildEvery"/>), and used only while
/// the store is still at that generation; otherwise, or while it is read, keyword search runs in SQLite. A
/// question's words are turned into the index's tokens by FTS5 itself, through a small in-memory FTS5 table on the
/// searching connection, and remembered.
/// </summary>
internal sealed class KeywordIndexCache(int upTo = KeywordIndexCache.UpToDefault, TimeProvider? time = null)
{
    /// <summary>Above this many passages keyword search stays in SQLite: the index would cost too much memory.</summary>
    public const int UpToDefault = 200_000;

    /// <summary>A store written to often (an ingest under way) is read again at most this often.</summary>
    public static readonly TimeSpan RebuildEvery = TimeSpan.FromSeconds(30);

    private const int RememberedWords = 100_000;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, string[]> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _buildLock = new();
    private volatile KeywordIndex? _index;
    private Task _building = Task.CompletedTask;
    private DateTimeOffset _lastBuild = DateTimeOffset.MinValue;

    /// <summary>Completes when the index read started so far is done (for tests and benchmarks).</summary>
    public Task Building => _building;

    /// <summary>The index last read, whatever its generation.</summary>
    public KeywordIndex? Last => _index;

    /// <summary>The index when it is of <paramref name="generation"/>; otherwise null, and a read of the store is started.</summary>
    public KeywordIndex? For(long generation, Func<CancellationToken, Task<KeywordIndex?>> build)
    {
        var index = _index;
        if (index?.Generation == generation)
        {
            return index;
        }

        lock (_buildLock)
        {
            var now = _time.GetUtcNow();
            if (upTo > 0 && _building.IsCompleted && now - _lastBuild >= RebuildEvery)
            {
                _lastBuild = now;
                _building = Task.Run(async () =>
                {
                    try
                    {
                        _index = await build(CancellationToken.None) ?? _index;
                    }
                    catch (Exception ex) when (ex is SqliteException or NewsBot.Core.Storage.StoreUnavailableException or IOException or ObjectDisposedException)
                    {
                        // Keyword search stays in SQLite; the next change of the store tries again.
                    }
                });
            }
        }

        return null;
    }

    /// <summary>
    /// Each word's FTS5 tokens, in order (a word FTS5 splits in two, such as "covid-19", gives two; punctuation none).
    /// </summary>
    public async Task<IReadOnlyList<string[]>> TokensAsync(SqliteConnection connection, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var missing = words.Where(w => !_tokens.ContainsKey(w)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            if (_tokens.Count + missing.Length > RememberedWords)
            {
                _tokens.Clear();
            }

            foreach (var (word, tokens) in await TokenizeAsync(connection, missing, cancellationToken))
            {
                _tokens[word] = tokens;
            }
        }

        return words.Select(w => _tokens.TryGetValue(w, out var tokens) ? tokens : []).ToArray();
    }

    private static async Task<IReadOnlyList<(string Word, string[] Tokens)>> TokenizeAsync(SqliteConnection connection, string[] words, CancellationToken cancellationToken)
    {
        // A table of the connection's own temporary schema: nothing is written to the store's file.
        await ExecuteAsync(connection, $"""
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.question_words USING fts5 (word, tokenize = '{SqliteSchema.Tokenizer}');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.question_tokens USING fts5vocab (temp, question_words, 'instance');
            DELETE FROM temp.question_words;
            """, cancellationToken);
        var values = string.Join(", ", words.Select((_, i) => $"({i}, $w{i})"));
        await using (var insert = Create(connection, $"INSERT INTO temp.question_words (rowid, word) VALUES {values}", words.Select((w, i) => ($"$w{i}", (object?)w)).ToArray()))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var tokens = words.Select(_ => new List<string>()).ToArray();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT doc, term FROM temp.question_tokens ORDER BY doc, \"offset\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tokens[reader.GetInt32(0)].Add(reader.GetString(1));
            }
        }

        await ExecuteAsync(connection, "DELETE FROM temp.question_words", cancellationToken);
        return words.Select((w, i) => (w, tokens[i].ToArray())).ToArray();
    }

    /// <summary>The store's full-text index as it is now, read in one transaction with its generation; null above <c>upTo</c> passages.</summary>
    public async Task<KeywordIndex?> ReadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var generation = await SqliteSchema.GenerationAsync(connection, cancellationToken, transaction);
        var count = long.Parse(await ScalarAsync(connection, "SELECT COUNT(*) FROM passages", cancellationToken, transaction) ?? "0", CultureInfo.InvariantCulture);
        if (count > upTo)
        {
            return null;
        }

        var rowIds = new List<long>();
        var docOf = new Dictionary<long, int>();
        var lengths = new List<int>();

        // Every token of every passage as FTS5 indexed it: the passages holding each token and how often, and each
        // passage's length in tokens (what bm25 reads from FTS5's own tables).
        var building = new Dictionary<string, (List<int> Docs, List<int> Counts)>(StringComparer.Ordinal);
        await ExecuteAsync(connection, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.passage_tokens USING fts5vocab (main, passages_fts, 'instance')", cancellationToken, transaction);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT term, doc FROM temp.passage_tokens";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            string? term = null;
            List<int> docs = [], counts = [];
            while (await reader.ReadAsync(cancellationToken))
            {
                var rowId = reader.GetInt64(1);
                if (!docOf.TryGetValue(rowId, out var doc))
                {
                    doc = docOf[rowId] = rowIds.Count;
                    rowIds.Add(rowId);
                    lengths.Add(0);
                }

                var token = reader.GetString(0);
                if (token != term)
                {
                    term = token;
                    if (!building.TryGetValue(token, out var posting))
                    {
                        posting = ([], []);
                        building[token] = posting;
                    }

                    (docs, counts) = posting;
                }

                lengths[doc]++;
                if (docs.Count > 0 && docs[^1] == doc)
                {
                    counts[^1]++;
                }
                else
                {
                    docs.Add(doc);
                    counts.Add(1);
                }
            }
        }

        var postings = building.ToDictionary(kv => kv.Key, kv => (kv.Value.Docs.ToArray(), kv.Value.Counts.ToArray()), StringComparer.Ordinal);
        return new KeywordIndex(generation, postings, [.. rowIds], [.. lengths], count);
    }
}
