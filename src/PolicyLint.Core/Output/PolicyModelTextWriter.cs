using PolicyLint.Model;

namespace PolicyLint.Output;

/// <summary>
/// What PolicyLint understood, for people (<c>policylint show</c>): each source with its assignments and normalized
/// settings, then each tenant's effective policy: per node and scope the winner and what it shadows.
/// </summary>
public sealed class PolicyModelTextWriter : IReportWriter
{
    public string Format => "text";

    public void Write(LintReport report, TextWriter output)
    {
        foreach (var source in report.Files.SelectMany(f => f.Sources))
        {
            output.WriteLine($"{source.Describe()} at {source.Location}{(source.Id is null ? string.Empty : $" (id {source.Id})")}");
            output.WriteLine("  assignments: " + source.AssignmentState switch
            {
                AssignmentState.Unknown => "not in the export",
                AssignmentState.Unassigned => "none (unassigned)",
                _ => string.Join(", ", source.Assignments.Select(a => a.Describe() + (a.FilterId is null ? string.Empty : $" (filter {a.FilterMode.ToString().ToLowerInvariant()} {a.FilterId})"))),
            });
            foreach (var setting in source.Settings)
            {
                var problem = setting.Problem == SettingProblem.None ? string.Empty : $" [{setting.Problem}]";
                var applied = setting.IsApplied ? string.Empty : $" [not applied: {setting.NotAppliedReason}]";
                output.WriteLine($"  {setting.Node?.Id ?? setting.WrittenName} ({PolicyModelJsonWriter.Scope(setting.Scope)}) = {setting.Value} at {setting.Location}{problem}{applied}");
            }

            output.WriteLine();
        }

        for (var i = 0; i < report.Policies.Length; i++)
        {
            output.WriteLine(report.Policies.Length == 1 ? "Effective policy:" : $"Effective policy (tenant {i + 1}):");
            foreach (var node in report.Policies[i].Nodes)
            {
                foreach (var scope in new[] { PolicyScope.Device, PolicyScope.User })
                {
                    var winner = node.Settings.FirstOrDefault(s => s.Scope == scope);
                    if (winner is null)
                    {
                        continue;
                    }

                    output.WriteLine($"  {node.Node.Id} ({PolicyModelJsonWriter.Scope(scope)}) = {winner.Value} from {winner.Source.Describe()} at {winner.Location}");
                    foreach (var shadowing in node.Shadowed.Where(s => s.Shadowed.Scope == scope))
                    {
                        output.WriteLine($"    shadows {shadowing.Shadowed.Value} from {shadowing.Shadowed.Source.Describe()} at {shadowing.Shadowed.Location}: {shadowing.Reason}");
                    }

                    foreach (var conflict in node.Conflicts.Where(c => c.First.Scope == scope))
                    {
                        output.WriteLine($"    conflict: {conflict.First.Value} from {conflict.First.Source.Describe()} against {conflict.Second.Value} from {conflict.Second.Source.Describe()}");
                    }
                }
            }
        }
    }
}
