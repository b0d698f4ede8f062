using System.Diagnostics;

namespace NewsBot.Testing;

/// <summary>A small in-memory file system mounted over a directory, for tests of a full disk (mount needs root, as CI and the dev machines have).</summary>
public static class Tmpfs
{
    /// <summary>Mounts a tmpfs of this size (e.g. "600K", "24M") over the directory; false where mounting is not allowed.</summary>
    public static bool Mount(string directory, string size) => Run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", directory);

    /// <summary>Unmounts it, lazily, so files still open do not keep it mounted.</summary>
    public static void Unmount(string directory) => Run("umount", "-l", directory);

    private static bool Run(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit(10_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
