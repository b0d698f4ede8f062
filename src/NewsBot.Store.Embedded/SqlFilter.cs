using System.Globalization;
using System.Text;
using NewsBot.Core.Storage;

namespace NewsBot.Store.Embedded;

/// <summary>A search filter as SQL conditions on the articles table (outlets any of, case-insensitive; publication time in [from, to)), with its parameters.</summary>
internal static class SqlFilter
{
    /// <summary>The conditions, each to be joined with AND, on the articles table under <paramref name="alias"/> (e.g. "a." or "").</summary>
    public static IReadOnlyList<string> Conditions(SearchFilter filter, string alias, SqliteCommand command)
    {
        var conditions = new List<string>();
        if (filter.Sources.Count > 0)
        {
            var names = filter.Sources.Select((_, i) => "$source" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            conditions.Add($"lower({alias}source) IN ({string.Join(", ", names)})");
            for (var i = 0; i < names.Length; i++)
            {
                command.Parameters.AddWithValue(names[i], filter.Sources[i].ToLowerInvariant());
            }
        }

        if (filter.From is { } from)
        {
            conditions.Add($"{alias}published_ticks >= $from");
            command.Parameters.AddWithValue("$from", from.UtcTicks);
        }

        if (filter.To is { } to)
        {
            conditions.Add($"{alias}published_ticks < $to");
            command.Parameters.AddWithValue("$to", to.UtcTicks);
        }

        return conditions;
    }

    /// <summary>The conditions appended to a statement that has a WHERE clause already.</summary>
    public static void AppendTo(StringBuilder sql, SqliteCommand command, SearchFilter filter, string alias)
    {
        foreach (var condition in Conditions(filter, alias, command))
        {
            sql.Append(" AND ").Append(condition);
        }
    }
}
