using System.Reflection;
using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace NewsBot.Store.Embedded;

/// <summary>
/// Reserves room in a USearch graph ahead of its additions. The C# binding reserves inside each addition, for
/// exactly that one vector, so a graph filled through it alone is reallocated at every addition; the native
/// library's own <c>usearch_reserve</c>, called once for many, is not. The binding keeps the native handle in a
/// private field: when a later binding names it otherwise, nothing is reserved and each addition grows the graph by
/// one, as the binding does.
/// </summary>
internal static partial class GraphRoom
{
    private static readonly FieldInfo? Handle = typeof(USearchIndex).GetField("_index", BindingFlags.NonPublic | BindingFlags.Instance);

    /// <summary>Whether room for <paramref name="capacity"/> vectors is reserved.</summary>
    public static bool TryReserve(USearchIndex graph, ulong capacity)
    {
        if (Handle?.GetValue(graph) is not IntPtr handle || handle == IntPtr.Zero)
        {
            return false;
        }

        Reserve(handle, (UIntPtr)capacity, out var error);
        return error == IntPtr.Zero && graph.Capacity() >= capacity;
    }

    [LibraryImport("libusearch_c", EntryPoint = "usearch_reserve")]
    private static partial void Reserve(IntPtr index, UIntPtr capacity, out IntPtr error);
}
