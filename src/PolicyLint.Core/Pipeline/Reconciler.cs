using System.Collections.Immutable;
using PolicyLint.Configuration;
using PolicyLint.Input;
using PolicyLint.Model;

namespace PolicyLint.Pipeline;

/// <summary>The inputs of one tenant after reconciling: the sources that take part, in input order.</summary>
public sealed record TenantInput(string Tenant, ImmutableArray<PolicySource> Sources);

/// <summary>What the reconcile stage gives: every file as it is finally seen, and the sources of each tenant.</summary>
public sealed record ReconciledInput(ImmutableArray<ReadResult> Files, ImmutableArray<TenantInput> Tenants);

/// <summary>
/// The reconcile stage. The files of a tenant are one export: the same Intune object exported twice (by two tools, or
/// an IntuneManagement export and its <c>_Settings.json</c> companion) is recognised by its Graph id and read once, from
/// the copy that says most, with a note on the others; group targets are named from the group lists the export
/// carries; a file the user named that is not a policy export is an error. Folders listed as tenants in
/// .policylint.yml are reconciled separately: policies of two tenants never overlap. Gives new objects; never changes
/// what the read stage produced.
/// </summary>
public static class Reconciler
{
    public static ReconciledInput Reconcile(ImmutableArray<ReadInput> inputs, PolicyLintConfig config)
    {
        var files = new ReadResult[inputs.Length];
        var tenants = ImmutableArray.CreateBuilder<TenantInput>();
        var byTenant = Enumerable.Range(0, inputs.Length)
            .GroupBy(i => config.TenantOf(inputs[i].Name), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var tenant in byTenant)
        {
            var indexes = tenant.ToList();
            foreach (var i in indexes)
            {
                files[i] = Explicit(inputs[i]);
            }

            RemoveDuplicates(files, indexes);
            NameGroupTargets(files, indexes);
            if (config.AssumeAssigned)
            {
                AssignUnassigned(files, indexes);
            }

            var sources = indexes.SelectMany(i => files[i].Sources).ToImmutableArray();
            if (sources.Length > 0)
            {
                tenants.Add(new TenantInput(tenant.Key, sources));
            }
        }

        return new ReconciledInput([.. files], tenants.ToImmutable());
    }

    /// <summary>A file the user named explicitly must be a policy export: skipping it silently would hide a mistake.</summary>
    private static ReadResult Explicit(ReadInput input)
    {
        var result = input.Result;
        if (input.NamedExplicitly && result.SkipReason is { } reason && result.Sources.Length == 0 && !result.HasErrors)
        {
            return result.With([], result.Problems.Add(ReadProblem.Error(SourceLocation.ForFile(result.FilePath), reason)), skipReason: null);
        }

        return result;
    }

    private static void RemoveDuplicates(ReadResult[] files, List<int> indexes)
    {
        var copies = indexes
            .SelectMany(i => files[i].Sources.Select(s => (File: i, Source: s)))
            .Where(x => x.Source.Kind.IsIntune() && !string.IsNullOrWhiteSpace(x.Source.Id))
            .GroupBy(x => x.Source.Id!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .ToList();
        foreach (var group in copies)
        {
            var kept = group.OrderByDescending(x => Completeness(x.Source)).First();
            foreach (var (file, source) in group.Where(x => !ReferenceEquals(x.Source, kept.Source)))
            {
                var result = files[file];
                var sources = result.Sources.Remove(source);
                var problems = result.Problems.Add(ReadProblem.Note(
                    source.Location,
                    $"{source.Describe()} (id {source.Id}) is also exported in {kept.Source.Location}; it is read once, from there"));
                var skip = sources.Length == 0 && !result.HasErrors
                    ? $"holds only objects that another file of the export also holds ({kept.Source.FilePath})"
                    : result.SkipReason;
                files[file] = result.With(sources, problems, skip);
            }
        }
    }

    /// <summary>Orders copies of one object: known assignments, then a known template, then more settings.</summary>
    private static (int, int, int) Completeness(PolicySource source) =>
        (source.AssignmentState == AssignmentState.Unknown ? 0 : 1, source.TemplateId is null ? 0 : 1, source.Settings.Length);

    /// <summary>
    /// Completes group targets from the names all files carried: a name for a target that carries only an id, an id
    /// for one that carries only a name (IntuneCD). Targets that carry both, or that no list knows, stay as read.
    /// </summary>
    private static void NameGroupTargets(ReadResult[] files, List<int> indexes)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, name) in indexes.SelectMany(i => files[i].GroupNames.OrderBy(kv => kv.Key, StringComparer.Ordinal)))
        {
            names.TryAdd(id, name);
        }

        if (names.Count == 0)
        {
            return;
        }

        // A name maps back to an id only when one group has it.
        var ids = names.GroupBy(n => n.Value, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Key, StringComparer.OrdinalIgnoreCase);
        foreach (var i in indexes)
        {
            var result = files[i];
            var named = result.Sources.Select(s => s.Kind.IsIntune() ? Named(s, names, ids) : s).ToImmutableArray();
            if (!named.SequenceEqual(result.Sources))
            {
                files[i] = result.With(named, result.Problems, result.SkipReason);
            }
        }
    }

    /// <summary>assumeAssigned: every unassigned Intune source becomes a new source assigned to All devices.</summary>
    private static void AssignUnassigned(ReadResult[] files, List<int> indexes)
    {
        foreach (var i in indexes)
        {
            var result = files[i];
            if (result.Sources.Any(s => s.AssignmentState == AssignmentState.Unassigned && s.Kind.IsIntune()))
            {
                files[i] = result.With(
                    [.. result.Sources.Select(s => s.AssignmentState == AssignmentState.Unassigned && s.Kind.IsIntune()
                        ? s.WithAssignments([new Assignment(AssignmentTargetKind.AllDevices, GroupName: "all devices (assumeAssigned)", Location: s.Location)])
                        : s)],
                    result.Problems,
                    result.SkipReason);
            }
        }
    }

    private static PolicySource Named(PolicySource source, Dictionary<string, string> names, Dictionary<string, string> ids)
    {
        var changed = false;
        var assignments = source.Assignments.Select(assignment =>
        {
            if (assignment.Kind is not (AssignmentTargetKind.Group or AssignmentTargetKind.ExcludedGroup))
            {
                return assignment;
            }

            if (assignment.GroupName is null && assignment.GroupId is { } id && names.GetValueOrDefault(id) is { } name)
            {
                changed = true;
                return assignment with { GroupName = name };
            }

            if (assignment.GroupId is null && assignment.GroupName is { } known && ids.GetValueOrDefault(known) is { } found)
            {
                changed = true;
                return assignment with { GroupId = found };
            }

            return assignment;
        }).ToList();
        return changed ? source.WithAssignments(assignments) : source;
    }
}
