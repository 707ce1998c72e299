using PolicyLint.Input;
using PolicyLint.Model;

namespace PolicyLint.Intune;

/// <summary>
/// What the files of one run say together: they are one tenant. The same Intune object exported twice (by two tools,
/// or an IntuneManagement export and its <c>_Settings.json</c> companion) is recognised by its Graph id and read once,
/// from the copy that says most (assignments known, template known, most settings), with a note on the others; then
/// group targets are named from the group lists the export carries.
/// </summary>
public static class ExportSet
{
    public static void Reconcile(IReadOnlyList<ReadResult> results)
    {
        RemoveDuplicates(results);
        GroupDirectory.NameTargets(results);
    }

    private static void RemoveDuplicates(IReadOnlyList<ReadResult> results)
    {
        var copies = results
            .SelectMany(r => r.Sources.Select(s => (Result: r, Source: s)))
            .Where(x => x.Source.Kind.IsIntune() && !string.IsNullOrWhiteSpace(x.Source.Id))
            .GroupBy(x => x.Source.Id!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1);
        foreach (var group in copies)
        {
            var ordered = group.ToList();
            var kept = ordered.OrderByDescending(x => Completeness(x.Source)).First();
            foreach (var (result, source) in ordered.Where(x => !ReferenceEquals(x.Source, kept.Source)))
            {
                result.Sources.Remove(source);
                result.Problems.Add(ReadProblem.Note(
                    source.Location,
                    $"{source.Describe()} (id {source.Id}) is also exported in {kept.Source.Location}; it is read once, from there"));
                if (result.Sources.Count == 0 && !result.HasErrors)
                {
                    result.SkipReason = $"holds only objects that another file of the export also holds ({kept.Source.FilePath})";
                }
            }
        }
    }

    /// <summary>Orders copies of one object: known assignments, then a known template, then more settings.</summary>
    private static (int, int, int) Completeness(PolicySource source) =>
        (source.AssignmentState == AssignmentState.Unknown ? 0 : 1, source.TemplateId is null ? 0 : 1, source.Settings.Count);
}
