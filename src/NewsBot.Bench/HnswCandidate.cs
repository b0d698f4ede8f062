using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace NewsBot.Bench;

/// <summary>
/// USearch's HNSW graph over int8 copies of the vectors (connectivity 16, 128 candidates while adding, 256 while
/// searching), filled from two threads; a search takes its best <see cref="Candidates"/> and re-scores them exactly.
/// What the embedded store would keep beside its file for stores of millions of passages.
/// </summary>
public sealed class HnswCandidate : IDisposable
{
    /// <summary>Candidates taken from the graph and re-scored exactly.</summary>
    public const int Candidates = 50;

    private readonly USearchIndex _index;

    private HnswCandidate(USearchIndex index, TimeSpan build, double megabytes) => (_index, BuildTime, Megabytes) = (index, build, megabytes);

    public TimeSpan BuildTime { get; }

    /// <summary>The process's memory growth while the graph was filled.</summary>
    public double Megabytes { get; }

    /// <param name="vector">Vector <c>i</c> (0-based), unit length; keys are <c>i + 1</c>.</param>
    public static HnswCandidate Build(int count, int dimensions, Func<int, float[]> vector)
    {
        var before = Environment.WorkingSet;
        var clock = Stopwatch.StartNew();
        var index = new USearchIndex(MetricKind.Cos, ScalarKind.Int8, (ulong)dimensions, 16, 128, 256);

        // Threads may add at once only into capacity reserved ahead; the C# binding does not expose reserving, the
        // library's C interface does.
        var handle = (IntPtr)typeof(USearchIndex).GetField("_index", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(index)!;
        usearch_reserve(handle, (UIntPtr)count, out var error);
        if (error != IntPtr.Zero)
        {
            throw new InvalidOperationException("USearch could not reserve room for the vectors.");
        }

        var next = -1;
        var threads = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                index.Add((ulong)(i + 1), vector(i));
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return new HnswCandidate(index, clock.Elapsed, (Environment.WorkingSet - before) / 1024.0 / 1024.0);
    }

    /// <summary>The keys of the best <see cref="Candidates"/> by the graph's int8 distance.</summary>
    public ulong[] Search(float[] query)
    {
        var found = _index.Search(query, Candidates, out var keys, out _);
        return keys[..found];
    }

    public void Dispose() => _index.Dispose();

    [DllImport("libusearch_c")]
    private static extern void usearch_reserve(IntPtr index, UIntPtr capacity, out IntPtr error);
}
