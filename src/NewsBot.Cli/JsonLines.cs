using System.Text.Json;

namespace NewsBot.Cli;

internal static class JsonLines
{
    /// <summary>
    /// One output line per input item, written to a temporary file that replaces <paramref name="output"/> only when
    /// every line is written: a failed run never leaves half a results file, nor destroys the previous one.
    /// </summary>
    public static async Task WriteAtomicallyAsync<TIn, TOut>(FileInfo output, IEnumerable<TIn> items, Func<TIn, CancellationToken, Task<TOut>> map, CancellationToken cancellationToken)
    {
        var temporary = output.FullName + ".partial";
        await using (var writer = new StreamWriter(temporary))
        {
            foreach (var item in items)
            {
                var line = await map(item, cancellationToken);
                await writer.WriteLineAsync(JsonSerializer.Serialize(line, CliContext.Json));
            }
        }

        File.Move(temporary, output.FullName, overwrite: true);
    }
}
