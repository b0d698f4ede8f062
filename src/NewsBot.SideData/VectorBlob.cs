using System.Runtime.InteropServices;

namespace NewsBot.SideData;

/// <summary>Vectors as little-endian float32 blobs.</summary>
public static class VectorBlob
{
    public static byte[] ToBytes(ReadOnlyMemory<float> vector) => MemoryMarshal.AsBytes(vector.Span).ToArray();

    public static void CopyTo(ReadOnlySpan<byte> blob, Span<float> destination) =>
        MemoryMarshal.Cast<byte, float>(blob).CopyTo(destination);
}
