namespace PolicyLint.Tests.Tool;

/// <summary>The <c>dotnet</c> executable found on PATH, the way a user's shell or a CI step finds it.</summary>
public static class DotnetOnPath
{
    public static string? Executable { get; } = Find();

    /// <summary>The folder holding dotnet after following symbolic links (/usr/bin/dotnet is often one).</summary>
    public static string? Root => Executable is null
        ? null
        : Path.GetDirectoryName(new FileInfo(Executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Executable);

    public const string SkipReason = "dotnet is not on PATH: the packed-tool tests need it to pack, install and run the PolicyLint tool.";

    private static string? Find()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that needs <c>dotnet</c> on PATH; skipped, with the reason, only when it is not there.</summary>
public sealed class DotnetFactAttribute : FactAttribute
{
    public DotnetFactAttribute()
    {
        if (DotnetOnPath.Executable is null)
        {
            Skip = DotnetOnPath.SkipReason;
        }
    }
}

/// <summary>A theory that needs <c>dotnet</c> on PATH; skipped, with the reason, only when it is not there.</summary>
public sealed class DotnetTheoryAttribute : TheoryAttribute
{
    public DotnetTheoryAttribute()
    {
        if (DotnetOnPath.Executable is null)
        {
            Skip = DotnetOnPath.SkipReason;
        }
    }
}
