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
/// carries (the reconciled files no longer hold the lists, which are used up); a file the user named that is not a policy export is an error. Folders listed as tenants in
/// .policylint.yml are reconciled separately: policies of two tenants never overlap. Gives new objects; never changes
/// what the read stage produced.
/// </summary>
public static class Reconciler
{
    public static ReconciledInput Reconcile(ImmutableArray<ReadInput> inputs, PolicyLintConfig config)
    {
        var files = new ReadResult[inputs.Length];
        var tenants = ImmutableArray.CreateBuilder<TenantInput>();
        // Loops and dictionaries of reference types rather than LINQ over indexes and tuples: those are compiled at
        // every start (docs/performance.md, cold start).
        var byTenant = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Length; i++)
        {
            var tenant = config.TenantOf(inputs[i].Name);
            if (!byTenant.TryGetValue(tenant, out var members))
            {
                byTenant[tenant] = members = [];
            }

            members.Add(i);
        }

        foreach (var tenant in byTenant.Keys.Order(StringComparer.Ordinal))
        {
            var indexes = byTenant[tenant];
            foreach (var i in indexes)
            {
                files[i] = Explicit(inputs[i]);
            }

            RemoveDuplicates(files, indexes);
            NameGroupTargets(files, indexes);
            // Per tenant: a baseline repository and a live tenant's export can sit side by side in one run.
            if (config.FactsFor(tenant).AssumeAssigned)
            {
                AssignUnassigned(files, indexes);
            }

            foreach (var i in indexes)
            {
                // Used up: a 20,000-group tenant would otherwise keep every name until the report is written.
                files[i] = files[i].WithoutGroupNames();
            }

            var sources = ImmutableArray.CreateBuilder<PolicySource>();
            foreach (var i in indexes)
            {
                sources.AddRange(files[i].Sources);
            }

            if (sources.Count > 0)
            {
                tenants.Add(new TenantInput(tenant, sources.ToImmutable()));
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
        // Copies of each Intune object by id, in the order they were first seen.
        var byId = new Dictionary<string, List<Copy>>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in indexes)
        {
            foreach (var source in files[i].Sources)
            {
                if (source.Kind.IsIntune() && !string.IsNullOrWhiteSpace(source.Id))
                {
                    if (!byId.TryGetValue(source.Id, out var copies))
                    {
                        byId[source.Id] = copies = [];
                    }

                    copies.Add(new Copy(i, source));
                }
            }
        }

        foreach (var group in byId.Values.Where(g => g.Count > 1))
        {
            // The first of the most complete copies is kept.
            var kept = group[0];
            foreach (var copy in group)
            {
                if (IsMoreComplete(copy.Source, kept.Source))
                {
                    kept = copy;
                }
            }

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
    private static bool IsMoreComplete(PolicySource candidate, PolicySource than)
    {
        var assignments = (candidate.AssignmentState == AssignmentState.Unknown ? 0 : 1) - (than.AssignmentState == AssignmentState.Unknown ? 0 : 1);
        var template = (candidate.TemplateId is null ? 0 : 1) - (than.TemplateId is null ? 0 : 1);
        return assignments != 0 ? assignments > 0 : template != 0 ? template > 0 : candidate.Settings.Length > than.Settings.Length;
    }

    /// <summary>One copy of an Intune object: the file it was read from and the source.</summary>
    private sealed record Copy(int File, PolicySource Source);

    /// <summary>
    /// Completes group targets from the names all files carried: a name for a target that carries only an id, an id
    /// for one that carries only a name (IntuneCD). Targets that carry both, or that no list knows, stay as read.
    /// </summary>
    private static void NameGroupTargets(ReadResult[] files, List<int> indexes)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in indexes)
        {
            var groupNames = files[i].GroupNames;
            foreach (var id in groupNames.Keys.Order(StringComparer.Ordinal))
            {
                names.TryAdd(id, groupNames[id]);
            }
        }

        if (names.Count == 0)
        {
            return;
        }

        // A name maps back to an id only when one group has it.
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var shared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in names.Keys)
        {
            var name = names[id];
            if (!shared.Contains(name) && !ids.TryAdd(name, id))
            {
                ids.Remove(name);
                shared.Add(name);
            }
        }
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
