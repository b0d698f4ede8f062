namespace NewsBot.Bench;

/// <summary>A process's memory as Linux reports it in /proc/PID/status.</summary>
public static class ProcessMemory
{
    /// <summary>Resident memory in MB (VmRSS): mapped file pages (the store, the runtime's files) included.</summary>
    public static double ResidentMegabytes(string process = "self") => Megabytes(process, "VmRSS:");

    /// <summary>Private resident memory in MB (RssAnon: heaps, the model, indexes), without mapped file pages.</summary>
    public static double PrivateMegabytes(string process = "self") => Megabytes(process, "RssAnon:");

    private static double Megabytes(string process, string field)
    {
        var line = File.ReadLines($"/proc/{process}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
