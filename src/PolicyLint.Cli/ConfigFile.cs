using PolicyLint.Configuration;

namespace PolicyLint.Cli;

/// <summary>Finds and loads the configuration of a run: --config, else the nearest .policylint.yml.</summary>
internal static class ConfigFile
{
    /// <exception cref="ConfigException">The named file does not exist, or a file is not valid.</exception>
    public static PolicyLintConfig Load(string? explicitPath, IEnumerable<string> paths, string workingDirectory)
    {
        if (explicitPath is not null)
        {
            var path = Path.GetFullPath(explicitPath, workingDirectory);
            if (!File.Exists(path))
            {
                throw new ConfigException($"configuration file '{explicitPath}' does not exist");
            }

            return PolicyLintConfig.Load(path);
        }

        var found = PolicyLintConfig.Discover(paths, workingDirectory);
        return found is null ? PolicyLintConfig.Empty : PolicyLintConfig.Load(found);
    }
}
