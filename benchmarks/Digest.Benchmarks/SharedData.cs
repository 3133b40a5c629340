namespace Digest.Benchmarks;

/// <summary>Finds the shared data folder (<c>../shared/data</c> beside the repository) from wherever the benchmark runs.</summary>
public static class SharedData
{
    public static string Find(string fileName)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{fileName} not found in a shared/data folder above {AppContext.BaseDirectory}; pass its path as an argument.");
    }
}
