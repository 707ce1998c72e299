using System.Text;
using PolicyLint.Input;
using PolicyLint.Model;

namespace PolicyLint.Tests.Support;

/// <summary>What a read produced, as text a test can compare: one line per source, then one per setting.</summary>
public static class Normalized
{
    /// <summary><c>line:column node scope = value</c>, with the problem when there is one.</summary>
    public static string Setting(PolicySetting setting)
    {
        var text = $"{setting.Location.Line}:{setting.Location.Column} {setting.Node?.Id ?? setting.WrittenName} {setting.Scope.ToString().ToLowerInvariant()} = {setting.Value}";
        text = setting.Problem == SettingProblem.None ? text : $"{text} ({setting.Problem}: {setting.ProblemDetail})";
        return setting.IsApplied ? text : text + " [not applied]";
    }

    public static string Source(PolicySource source)
    {
        var assignments = source.AssignmentState switch
        {
            AssignmentState.Unknown => "assignments unknown",
            AssignmentState.Unassigned => "unassigned",
            _ => string.Join("; ", source.Assignments.Select(a => a.Describe() + (a.FilterId is null ? string.Empty : $" (filter {a.FilterMode.ToString().ToLowerInvariant()} {a.FilterId})"))),
        };
        return $"{source.Describe()} [{source.Id ?? "no id"}] {assignments}";
    }

    /// <summary>Every source and setting of the read files, and every problem, in file order.</summary>
    public static string Files(IEnumerable<ReadResult> files, Func<string, string>? path = null)
    {
        path ??= p => p;
        var text = new StringBuilder();
        foreach (var file in files)
        {
            text.Append("file ").Append(path(file.FilePath)).Append(file.SkipReason is null ? string.Empty : $" (skipped: {Scrub(file.SkipReason, path)})").Append('\n');
            foreach (var problem in file.Problems)
            {
                text.Append("  ").Append(problem.Severity.ToString().ToLowerInvariant()).Append(' ')
                    .Append(problem.Location.Line).Append(':').Append(problem.Location.Column).Append(' ')
                    .Append(Scrub(problem.Message, path)).Append('\n');
            }

            foreach (var source in file.Sources)
            {
                text.Append("  ").Append(Source(source)).Append('\n');
                foreach (var setting in source.Settings)
                {
                    text.Append("    ").Append(Setting(setting)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static string Scrub(string message, Func<string, string> path) => path(message);
}
