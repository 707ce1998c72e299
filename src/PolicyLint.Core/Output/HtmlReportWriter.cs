using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PolicyLint.Catalog;
using PolicyLint.Model;
using PolicyLint.Resolution;

namespace PolicyLint.Output;

/// <summary>
/// One self-contained HTML page for an admin: a summary, the findings (filterable by level, rule and policy), and per
/// tenant a settings matrix in the manner of Policy Analyzer: PassportForWork settings as rows, Intune profiles and GPOs
/// as columns, the effective value and winning source per scope (and per OU where GPO links change it), conflicts and
/// shadowed settings marked.
/// </summary>
/// <remarks>
/// Everything is rendered here, so the page does no per-row or per-cell work when it opens (tenants with thousands of
/// profiles must open quickly); its script only hides and shows finding rows when a filter changes. The page loads
/// nothing: a Content-Security-Policy allows only the page's own style and script (by hash), so even a string that
/// escaped encoding could not run. Every string from the inputs is HTML-encoded (policy names come from pull requests).
/// </remarks>
public sealed class HtmlReportWriter : IReportWriter
{
    // Encodes < > & ' " and leaves other Unicode readable (names are often not English).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    // Tooltips stay short: in a big tenant one setting can conflict with hundreds (the findings list them all).
    private const int MaxConflictsInTitle = 2;

    private const int MaxWinnersInTitle = 10;

    private static readonly string[] LevelOrder = [Analysis.Levels.Error, Analysis.Levels.Warning, Analysis.Levels.Note];

    private static readonly Dictionary<CspNode, int> CatalogOrder =
        PassportForWorkCatalog.All.Select((node, index) => (node, index)).ToDictionary(x => x.node, x => x.index);

    public string Format => "html";

    public void Write(LintReport report, TextWriter output)
    {
        output.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        output.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"");
        output.Write(ContentSecurityPolicy);
        output.Write("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n");
        output.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        output.Write("<meta name=\"generator\" content=\"");
        Text(output, $"{ToolInfo.Name} {report.ToolVersion}");
        output.Write("\">\n<title>PolicyLint report</title>\n<style>");
        output.Write(Css);
        output.Write("</style>\n</head>\n<body>\n");

        WriteHeader(report, output);
        WriteSummary(report, output);
        WriteFindings(report, output);
        WriteMatrices(report, output);
        WriteFiles(report, output);

        output.Write("<footer>");
        Text(output, $"{ToolInfo.Name} {report.ToolVersion}");
        output.Write("</footer>\n<script>");
        output.Write(Script);
        output.Write("</script>\n</body>\n</html>\n");
    }

    private static void WriteHeader(LintReport report, TextWriter output)
    {
        output.Write("<header><h1>PolicyLint report</h1><p class=\"meta\">");
        Text(output, $"{ToolInfo.Name} {report.ToolVersion}");
        if (report.EndTime is { } end)
        {
            output.Write(" · ");
            Text(output, end.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        }

        output.Write("</p><nav><a href=\"#findings\">Findings</a> <a href=\"#matrix\">Settings matrix</a> <a href=\"#files\">Files</a></nav></header>\n");
    }

    private static void WriteSummary(LintReport report, TextWriter output)
    {
        output.Write("<section id=\"summary\" aria-label=\"Summary\"><div class=\"cards\">\n");
        Card(output, "error", report.Errors, report.Errors == 1 ? "error" : "errors");
        Card(output, "warning", report.Warnings, report.Warnings == 1 ? "warning" : "warnings");
        Card(output, "note", report.NoteCount, report.NoteCount == 1 ? "note" : "notes");
        Card(output, "files-linted", report.FilesLinted, "files linted");
        Card(output, "files-skipped", report.FilesSkipped, "files skipped");
        Card(output, "suppressed", report.Suppressed.Length, "suppressed");
        output.Write("</div>\n<p class=\"line\">");
        Text(output, TextReportWriter.Summary(report));
        output.Write("</p></section>\n");
    }

    private static void Card(TextWriter output, string key, int count, string label)
    {
        output.Write("<div class=\"card ");
        output.Write(key);
        output.Write("\"><span class=\"num\" data-count=\"");
        output.Write(key);
        output.Write("\">");
        output.Write(count.ToString(CultureInfo.InvariantCulture));
        output.Write("</span> ");
        output.Write(label);
        output.Write("</div>\n");
    }

    private static void WriteFindings(LintReport report, TextWriter output)
    {
        // Policies get a small index for the filter, so rows carry a number instead of a (long, untrusted) name.
        var findingsPerSource = report.Findings.Where(f => f.SourceName is not null)
            .CountBy(f => f.SourceName!, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var sources = findingsPerSource.Keys.Order(StringComparer.OrdinalIgnoreCase).ThenBy(n => n, StringComparer.Ordinal).ToList();
        var sourceIndex = sources.Select((name, index) => (name, index)).ToDictionary(x => x.name, x => x.index, StringComparer.Ordinal);

        output.Write("<section id=\"findings\"><h2>Findings <span class=\"shown\"><span id=\"shown-count\">");
        output.Write(report.Findings.Length.ToString(CultureInfo.InvariantCulture));
        output.Write("</span> of ");
        output.Write(report.Findings.Length.ToString(CultureInfo.InvariantCulture));
        output.Write(" shown</span></h2>\n");

        output.Write("<form id=\"filters\" class=\"filters\" autocomplete=\"off\"><fieldset><legend>Level</legend>");
        foreach (var level in LevelOrder)
        {
            var count = report.Findings.Count(f => f.Level == level);
            output.Write("<label class=\"lvl-toggle ");
            output.Write(level);
            output.Write("\"><input type=\"checkbox\" name=\"level\" value=\"");
            output.Write(level);
            output.Write("\" checked> ");
            output.Write(level);
            output.Write(" (");
            output.Write(count.ToString(CultureInfo.InvariantCulture));
            output.Write(")</label>");
        }

        output.Write("</fieldset>\n<label>Rule <select name=\"rule\"><option value=\"\">All rules</option>");
        foreach (var rule in report.Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.Write("<option value=\"");
            Text(output, rule.Key);
            output.Write("\">");
            Text(output, $"{rule.Key} {rule.First().RuleName} ({rule.Count()})");
            output.Write("</option>");
        }

        output.Write("</select></label>\n<label>Policy <select name=\"source\"><option value=\"\">All policies</option>");
        foreach (var name in sources)
        {
            output.Write("<option value=\"");
            output.Write(sourceIndex[name].ToString(CultureInfo.InvariantCulture));
            output.Write("\">");
            Text(output, $"{name} ({findingsPerSource[name]})");
            output.Write("</option>");
        }

        output.Write("</select></label>\n<button type=\"reset\">Show all</button></form>\n");

        // Rows are blocks, not table rows: off-screen ones skip layout (content-visibility), which a table cannot do;
        // with thousands of findings that is the difference between seconds and a page that opens at once.
        output.Write(FindingsHeader);
        output.Write("<div id=\"finding-rows\" role=\"rowgroup\">\n");
        foreach (var finding in report.Findings)
        {
            WriteFinding(output, finding, finding.SourceName is { } name ? sourceIndex[name] : null);
        }

        output.Write("</div></div>\n<p id=\"no-match\" class=\"empty\"");
        if (report.Findings.Length > 0)
        {
            output.Write(" hidden");
        }

        output.Write(">");
        output.Write(report.Findings.Length > 0 ? "No finding matches the filters." : "No findings.");
        output.Write("</p>\n");

        if (report.Suppressed.Length > 0)
        {
            output.Write("<details class=\"suppressed\"><summary>");
            output.Write(report.Suppressed.Length.ToString(CultureInfo.InvariantCulture));
            output.Write(" suppressed by .policylint.yml</summary>");
            output.Write(FindingsHeader);
            output.Write("<div role=\"rowgroup\">\n");
            foreach (var finding in report.Suppressed)
            {
                WriteFinding(output, finding, null);
            }

            output.Write("</div></div></details>\n");
        }

        output.Write("</section>\n");
    }

    private static void WriteFinding(TextWriter output, Finding finding, int? sourceIndex)
    {
        output.Write("<div class=\"fr\" role=\"row\" data-level=\"");
        output.Write(finding.Level);
        output.Write("\" data-rule=\"");
        Text(output, finding.RuleId);
        output.Write("\" data-source=\"");
        if (sourceIndex is { } index)
        {
            output.Write(index.ToString(CultureInfo.InvariantCulture));
        }

        output.Write("\"><div role=\"cell\"><span class=\"lvl ");
        output.Write(finding.Level);
        output.Write("\">");
        output.Write(finding.Level);
        output.Write("</span></div><div role=\"cell\" class=\"rule\">");
        if (SafeHelpLink(finding.HelpUri) is { } help)
        {
            output.Write("<a href=\"");
            Text(output, help);
            output.Write("\" rel=\"noopener noreferrer\" target=\"_blank\">");
            Text(output, finding.RuleId);
            output.Write("</a>");
        }
        else
        {
            Text(output, finding.RuleId);
        }

        output.Write("<small>");
        Text(output, finding.RuleName);
        output.Write("</small></div><div role=\"cell\" class=\"msg\">");
        Text(output, finding.Message);
        if (finding.Justification is { } justification)
        {
            output.Write("<small>Suppressed: ");
            Text(output, justification);
            output.Write("</small>");
        }

        output.Write("</div><div role=\"cell\" class=\"src\">");
        Text(output, finding.SourceName ?? string.Empty);
        output.Write("</div><div role=\"cell\" class=\"loc\">");
        WriteLocation(output, finding.Location);
        foreach (var related in finding.RelatedLocations)
        {
            output.Write("<small class=\"related\">also ");
            WriteLocation(output, related);
            output.Write("</small>");
        }

        output.Write("</div></div>\n");
    }

    private const string FindingsHeader =
        "<div class=\"findings\" role=\"table\" aria-label=\"Findings\"><div class=\"fh\" role=\"row\"><div role=\"columnheader\">Level</div><div role=\"columnheader\">Rule</div><div role=\"columnheader\">Finding</div><div role=\"columnheader\">Policy</div><div role=\"columnheader\">Location</div></div>\n";

    private static void WriteLocation(TextWriter output, FindingLocation location)
    {
        Text(output, location.FilePath);
        if (location.ByteOffset is { } offset)
        {
            output.Write("<span class=\"pos\">(byte ");
            output.Write(offset.ToString(CultureInfo.InvariantCulture));
            output.Write(")</span>");
        }
        else if (location.Line > 0)
        {
            output.Write("<span class=\"pos\">(");
            output.Write(location.Line.ToString(CultureInfo.InvariantCulture));
            output.Write(',');
            output.Write(location.Column.ToString(CultureInfo.InvariantCulture));
            output.Write(")</span>");
        }
    }

    /// <summary>Rule pages are plain links; anything but http(s) (a custom rule's <c>javascript:</c> link) is not linked.</summary>
    private static string? SafeHelpLink(string? uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp)
            ? parsed.AbsoluteUri
            : null;

    private static void WriteMatrices(LintReport report, TextWriter output)
    {
        output.Write("<section id=\"matrix\"><h2>Settings matrix</h2>\n");
        output.Write("<p class=\"legend\"><span class=\"chip win\">wins</span> strongest setting in its scope · <span class=\"chip conflict\">conflict</span> same precedence, different values, overlapping targets · <span class=\"chip shadowed\">shadowed</span> overridden by a stronger overlapping setting · <span class=\"chip inactive\">not in effect</span> unassigned, not applied, or a value the device rejects. Hover a cell for its file and line. Columns: Group Policy first (strongest link first), then Intune.</p>\n");
        var tenants = report.Policies.Where(p => p.Sources.Any(s => s.Settings.Length > 0)).ToList();
        if (tenants.Count == 0)
        {
            output.Write("<p class=\"empty\">No settings were read.</p>\n");
        }

        for (var i = 0; i < tenants.Count; i++)
        {
            WriteMatrix(output, tenants[i], i + 1, tenants.Count);
        }

        output.Write("</section>\n");
    }

    private static void WriteMatrix(TextWriter output, EffectivePolicy policy, int number, int tenantCount)
    {
        var columns = Columns(policy);
        var columnOf = columns.Select((source, index) => (source, index)).ToDictionary(x => x.source, x => x.index);
        var shadowing = new Dictionary<PolicySetting, Shadowing>();
        var conflicts = new Dictionary<PolicySetting, List<PolicySetting>>();
        foreach (var node in policy.Nodes)
        {
            foreach (var shadow in node.Shadowed.Concat(node.ShadowedWithinTier))
            {
                shadowing.TryAdd(shadow.Shadowed, shadow);
            }

            foreach (var conflict in node.Conflicts)
            {
                AddTo(conflicts, conflict.First, conflict.Second);
                AddTo(conflicts, conflict.Second, conflict.First);
            }
        }

        var ous = policy.Sources.Where(s => s.GroupPolicy is { LinksKnown: true })
            .SelectMany(s => s.GroupPolicy!.Links.Where(l => l.Enabled).Select(l => l.SomPath))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

        var rows = Rows(policy);
        var id = "matrix-" + number.ToString(CultureInfo.InvariantCulture);
        output.Write("<div class=\"tenant\"><h3>");
        Text(output, tenantCount > 1 ? $"Tenant {number} of {tenantCount}: {TenantLabel(policy)}" : TenantLabel(policy));
        output.Write("</h3><p class=\"tools\"><label><input type=\"checkbox\" data-only-issues=\"");
        output.Write(id);
        output.Write("\"> only settings with conflicts, shadowing or settings not in effect</label> <span class=\"muted\">");
        Text(output, $"{columns.Count} sources");
        output.Write("</span></p>\n<div class=\"grid");
        output.Write(rows.Sum(r => r.RowCount) > 30 ? " tall" : string.Empty);
        output.Write("\"><table class=\"matrix\" id=\"");
        output.Write(id);
        output.Write("\"><thead><tr><th class=\"setting\" rowspan=\"2\">Setting</th><th class=\"scope\" rowspan=\"2\">Scope</th><th class=\"eff\" rowspan=\"2\">Effective</th>");
        var gpoCount = columns.Count(c => c.IsGroupPolicy);
        if (gpoCount > 0)
        {
            output.Write("<th class=\"group gpo\" colspan=\"");
            output.Write(gpoCount.ToString(CultureInfo.InvariantCulture));
            output.Write("\">Group Policy</th>");
        }

        if (columns.Count > gpoCount)
        {
            output.Write("<th class=\"group intune\" colspan=\"");
            output.Write((columns.Count - gpoCount).ToString(CultureInfo.InvariantCulture));
            output.Write("\">Intune</th>");
        }

        output.Write("</tr>\n<tr>");
        foreach (var source in columns)
        {
            output.Write("<th class=\"src\" title=\"");
            Text(output, SourceTitle(source));
            output.Write("\">");
            Text(output, source.DisplayName);
            output.Write("<small>");
            Text(output, source.Kind.DisplayName());
            output.Write("</small></th>");
        }

        output.Write("</tr></thead>\n<tbody>\n");
        foreach (var group in rows)
        {
            WriteNodeRows(output, policy, group, columns, columnOf, shadowing, conflicts, ous);
        }

        output.Write("</tbody></table></div></div>\n");
    }

    /// <summary>GPOs first, strongest link first (they win over Intune), then Intune sources by name, the tenant-wide enrollment policy last.</summary>
    private static List<PolicySource> Columns(EffectivePolicy policy) =>
        [.. policy.Sources.Where(s => s.Settings.Length > 0)
            .OrderBy(s => s.IsGroupPolicy ? 0 : s.Kind == SourceKind.TenantWideEnrollment ? 2 : 1)
            .ThenByDescending(s => s.IsGroupPolicy ? PrecedenceRules.GroupPolicyRank(s) : 0)
            .ThenBy(s => s.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.FilePath, StringComparer.Ordinal)];

    /// <summary>
    /// One group per setting (catalogue order, then names the catalogue does not know), each with a row per scope
    /// that any source sets, holding every setting as written, in effect or not.
    /// </summary>
    private static List<NodeRows> Rows(EffectivePolicy policy)
    {
        var groups = new Dictionary<string, NodeRows>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in policy.Sources.SelectMany(s => s.Settings))
        {
            var key = setting.Node?.Id ?? "?" + setting.WrittenName;
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = new NodeRows(setting.Node, setting.WrittenName);
            }

            (setting.Scope == PolicyScope.Device ? group.Device : group.User).Add(setting);
        }

        return [.. groups.Values
            .OrderBy(g => g.Node is null ? int.MaxValue : CatalogOrder.GetValueOrDefault(g.Node, int.MaxValue - 1))
            .ThenBy(g => g.Node?.Id ?? g.WrittenName, StringComparer.OrdinalIgnoreCase)];
    }

    private static void WriteNodeRows(
        TextWriter output,
        EffectivePolicy policy,
        NodeRows group,
        List<PolicySource> columns,
        Dictionary<PolicySource, int> columnOf,
        Dictionary<PolicySetting, Shadowing> shadowing,
        Dictionary<PolicySetting, List<PolicySetting>> conflicts,
        List<string> ous)
    {
        var effective = group.Node is null ? null : policy.Find(group.Node.Id);
        var all = group.Device.Concat(group.User).ToList();
        var hasIssue = all.Any(s => !s.TakesEffect || shadowing.ContainsKey(s) || conflicts.ContainsKey(s));
        var first = true;
        foreach (var (scope, settings) in new[] { (PolicyScope.Device, group.Device), (PolicyScope.User, group.User) })
        {
            if (settings.Count == 0)
            {
                continue;
            }

            // Applied settings of this scope, strongest first (the resolver's order); the top ones win the scope.
            var applied = effective?.Settings.Where(s => s.Scope == scope).ToList() ?? [];
            var winners = TopTies(policy, applied);
            var winnerSet = winners.ToHashSet();
            var (winnersAt, elsewhere) = OuOutcomes(policy, applied, winners, ous);

            output.Write("<tr class=\"");
            output.Write(hasIssue || elsewhere.Count > 0 ? "issue" : "ok");
            output.Write(first ? string.Empty : " cont");
            output.Write("\">");
            WriteSettingHeader(output, group, scope, first);
            WriteScope(output, scope, elsewhere.Count > 0 ? winnersAt : []);
            WriteEffective(output, policy, winners, conflicts, shadowing, scope, group.Node is null);

            var cells = new List<PolicySetting>?[columns.Count];
            foreach (var setting in settings)
            {
                (cells[columnOf[setting.Source]] ??= []).Add(setting);
            }

            foreach (var cell in cells)
            {
                WriteCell(output, policy, cell, winnerSet, shadowing, conflicts);
            }

            output.Write("</tr>\n");
            first = false;

            // Where GPO links give other OUs another result: one row per result, naming the OUs, its winners' cells only.
            foreach (var (where, ouWinners) in elsewhere)
            {
                output.Write("<tr class=\"issue cont ou\">");
                WriteSettingHeader(output, group, scope, first: false);
                WriteScope(output, scope, where);
                WriteEffective(output, policy, ouWinners, conflicts, shadowing, scope, unknownNode: false);
                var ouWinnerSet = ouWinners.ToHashSet();
                var acrossScopes = ouWinners.Where(w => shadowing.TryGetValue(w, out var shadow) && shadow.Winner.Scope != scope)
                    .ToDictionary(w => w, w => shadowing[w]);
                var ouCells = new List<PolicySetting>?[columns.Count];
                foreach (var setting in ouWinners)
                {
                    (ouCells[columnOf[setting.Source]] ??= []).Add(setting);
                }

                foreach (var cell in ouCells)
                {
                    WriteCell(output, policy, cell, ouWinnerSet, acrossScopes, conflicts);
                }

                output.Write("</tr>\n");
            }
        }
    }

    private static void WriteScope(TextWriter output, PolicyScope scope, List<string> ous)
    {
        output.Write("<td class=\"scope\">");
        output.Write(scope == PolicyScope.Device ? "device" : "user");
        for (var i = 0; i < ous.Count; i++)
        {
            output.Write(i == 0 ? "<small>at " : "<small>");
            Text(output, ous[i]);
            output.Write("</small>");
        }

        output.Write("</td>");
    }

    private static void WriteSettingHeader(TextWriter output, NodeRows group, PolicyScope scope, bool first)
    {
        output.Write("<th class=\"setting\" title=\"");
        Text(output, group.Node?.OmaUri(scope) ?? group.WrittenName);
        output.Write("\">");
        if (!first)
        {
            // Later rows of the same setting: its short name only, so the group reads as one.
            output.Write("<small>");
            Text(output, group.Node?.Name ?? group.WrittenName);
            output.Write("</small>");
        }
        else if (group.Node is { } node)
        {
            Text(output, node.DisplayName);
            output.Write("<small>");
            Text(output, node.Name);
            output.Write("</small>");
        }
        else
        {
            output.Write("<span class=\"unknown\">");
            Text(output, group.WrittenName);
            output.Write("</span><small>not a known node</small>");
        }

        output.Write("</th>");
    }

    private static void WriteEffective(
        TextWriter output,
        EffectivePolicy policy,
        List<PolicySetting> winners,
        Dictionary<PolicySetting, List<PolicySetting>> conflicts,
        Dictionary<PolicySetting, Shadowing> shadowing,
        PolicyScope scope,
        bool unknownNode)
    {
        if (winners.Count == 0)
        {
            output.Write("<td class=\"eff none\">");
            output.Write(unknownNode ? "never applied" : "not in effect");
            output.Write("</td>");
            return;
        }

        var values = winners.Select(ValueText).Distinct(StringComparer.Ordinal).ToList();
        var winnerSet = winners.ToHashSet();
        var conflicting = values.Count > 1 && winners.Any(w => conflicts.TryGetValue(w, out var others) && others.Any(winnerSet.Contains));
        var overridden = winners.Select(w => shadowing.GetValueOrDefault(w)).FirstOrDefault(s => s is not null && s.Winner.Scope != scope);
        output.Write("<td class=\"eff");
        output.Write(conflicting ? " conflict" : values.Count > 1 ? " varies" : string.Empty);
        output.Write(overridden is null ? string.Empty : " overridden");
        output.Write("\" title=\"");
        var title = new StringBuilder();
        var lines = winners.Select(w => $"{w.Source.DisplayName} = {ValueText(w)}").Distinct(StringComparer.Ordinal).ToList();
        title.AppendJoin('\n', lines.Take(MaxWinnersInTitle)).Append('\n');
        if (lines.Count > MaxWinnersInTitle)
        {
            title.Append(CultureInfo.InvariantCulture, $"and {lines.Count - MaxWinnersInTitle} more\n");
        }

        title.Append(PrecedenceLabel(policy, winners[0]));
        if (conflicting)
        {
            title.Append("\nConflict: equal precedence, overlapping targets, different values; devices that get both end up with either.");
        }
        else if (values.Count > 1)
        {
            title.Append("\nEqual precedence, different values for different targets (no overlap found).");
        }

        if (overridden is not null)
        {
            title.Append(CultureInfo.InvariantCulture, $"\nOverridden where both apply by {overridden.Winner.Source.Describe()} ({(overridden.Winner.Scope == PolicyScope.User ? "user" : "device")} scope) = {ValueText(overridden.Winner)}: {overridden.Reason}");
        }

        Lines(output, title.ToString());
        output.Write("\"><b>");
        var shownValues = string.Join(" / ", values.Take(4)) + (values.Count > 4 ? $" / … ({values.Count} values)" : string.Empty);
        Text(output, (conflicting ? "conflict: " : values.Count > 1 ? "by group: " : string.Empty) + shownValues);
        output.Write("</b>");
        var names = winners.Select(w => w.Source.DisplayName).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in names.Take(names.Count > 3 ? 2 : 3))
        {
            output.Write("<small>");
            Text(output, name);
            output.Write("</small>");
        }

        if (names.Count > 3)
        {
            output.Write("<small>and ");
            output.Write((names.Count - 2).ToString(CultureInfo.InvariantCulture));
            output.Write(" more (hover)</small>");
        }

        if (overridden is not null)
        {
            output.Write("<small class=\"over\">overridden by ");
            output.Write(overridden.Winner.Scope == PolicyScope.User ? "user" : "device");
            output.Write(" scope</small>");
        }

        output.Write("</td>");
    }

    private static void WriteCell(
        TextWriter output,
        EffectivePolicy policy,
        List<PolicySetting>? settings,
        HashSet<PolicySetting> winners,
        Dictionary<PolicySetting, Shadowing> shadowing,
        Dictionary<PolicySetting, List<PolicySetting>> conflicts)
    {
        if (settings is null)
        {
            output.Write("<td></td>");
            return;
        }

        var classes = new List<string>(4);
        if (settings.Any(winners.Contains))
        {
            classes.Add("win");
        }

        if (settings.Any(conflicts.ContainsKey))
        {
            classes.Add("conflict");
        }

        if (settings.Any(shadowing.ContainsKey))
        {
            classes.Add("shadowed");
        }

        if (settings.All(s => !s.TakesEffect))
        {
            classes.Add("inactive");
        }

        output.Write("<td class=\"v ");
        output.Write(string.Join(' ', classes));
        output.Write("\" title=\"");
        var title = new StringBuilder();
        foreach (var setting in settings)
        {
            if (title.Length > 0)
            {
                title.Append("\n\n");
            }

            AppendCellTitle(title, policy, setting, winners, shadowing, conflicts);
        }

        Lines(output, title.ToString());
        output.Write("\">");
        for (var i = 0; i < settings.Count; i++)
        {
            if (i > 0)
            {
                output.Write("<br>");
            }

            output.Write("<span class=\"val\">");
            Text(output, ValueText(settings[i]));
            output.Write("</span><small class=\"at\">");
            Text(output, ShortLocation(settings[i].Location));
            output.Write("</small>");
        }

        output.Write("</td>");
    }

    private static void AppendCellTitle(
        StringBuilder title,
        EffectivePolicy policy,
        PolicySetting setting,
        HashSet<PolicySetting> winners,
        Dictionary<PolicySetting, Shadowing> shadowing,
        Dictionary<PolicySetting, List<PolicySetting>> conflicts)
    {
        var invariant = CultureInfo.InvariantCulture;
        title.Append(invariant, $"{setting.Source.DisplayName}\n{setting.Location}\nwritten as {setting.WrittenName}");
        // The raw value only where it is short and says something the value does not (1 for true; not a choice id).
        if (setting.Problem != SettingProblem.EncryptedValue && setting.RawValue is { Length: <= 40 } raw && raw != ValueText(setting))
        {
            title.Append(invariant, $" = {raw}");
        }

        if (setting.TakesEffect)
        {
            title.Append('\n').Append(PrecedenceLabel(policy, setting));
        }
        else
        {
            title.Append(invariant, $"\nnot in effect: {NotInEffectReason(setting)}");
        }

        if (winners.Contains(setting))
        {
            title.Append("\nwins in its scope");
        }

        if (shadowing.TryGetValue(setting, out var shadow))
        {
            var what = shadow.IsByGroup ? $"{shadow.Winner.Node?.Name} = {ValueText(shadow.Winner)}" : ValueText(shadow.Winner);
            title.Append(invariant, $"\nshadowed by '{shadow.Winner.Source.DisplayName}' ({what}) at {shadow.Winner.Location}: {shadow.Reason}");
        }

        if (conflicts.TryGetValue(setting, out var others))
        {
            foreach (var other in others.Take(MaxConflictsInTitle))
            {
                title.Append(invariant, $"\nconflicts with '{other.Source.DisplayName}' = {ValueText(other)} at {other.Location}");
            }

            if (others.Count > MaxConflictsInTitle)
            {
                title.Append(invariant, $"\nconflicts with {others.Count - MaxConflictsInTitle} more (see the findings)");
            }
        }
    }

    private static string NotInEffectReason(PolicySetting setting)
    {
        if (setting.NotAppliedReason is { } reason)
        {
            return reason;
        }

        if (setting.Problem != SettingProblem.None)
        {
            return setting.ProblemDetail ?? setting.Problem switch
            {
                SettingProblem.UnknownNode => "not a PassportForWork node",
                SettingProblem.MalformedValue => "the value cannot be read",
                SettingProblem.OutOfRange => "the value is out of range",
                SettingProblem.WrongScope => "the node does not exist in this scope",
                SettingProblem.EncryptedValue => "the value is encrypted in the export",
                _ => setting.Problem.ToString(),
            };
        }

        if (setting.Node is null)
        {
            return "not a known node";
        }

        return setting.Source.AssignmentState == AssignmentState.Unassigned ? "the policy is not assigned" : "no usable value";
    }

    private static string PrecedenceLabel(EffectivePolicy policy, PolicySetting setting)
    {
        var precedence = policy.PrecedenceOf(setting);
        var tier = precedence.Tier switch
        {
            PrecedenceTier.UserGpo => "User Configuration GPO",
            PrecedenceTier.ComputerGpo => "Computer Configuration GPO",
            PrecedenceTier.UserCsp => "user-scope Intune policy",
            PrecedenceTier.DeviceCsp => "device-scope Intune policy",
            PrecedenceTier.MdmWinsOverGp => "Intune policy with MDMWinsOverGP",
            _ => "tenant-wide enrollment default",
        };
        var link = setting.Source.IsGroupPolicy ? PrecedenceRules.StrongestLink(setting.Source) : null;
        return link is null
            ? $"precedence: {tier}"
            : $"precedence: {tier}, strongest link {link.SomPath}{(link.LinkOrder is { } order ? $" (link order {order.ToString(CultureInfo.InvariantCulture)})" : string.Empty)}{(link.Enforced ? ", enforced" : string.Empty)}";
    }

    /// <summary>The strongest applied settings of a scope: every one with the top precedence (ties are listed together).</summary>
    private static List<PolicySetting> TopTies(EffectivePolicy policy, List<PolicySetting> strongestFirst)
    {
        if (strongestFirst.Count == 0)
        {
            return [];
        }

        var top = policy.PrecedenceOf(strongestFirst[0]);
        return [.. strongestFirst.TakeWhile(s => policy.PrecedenceOf(s).CompareTo(top) == 0)];
    }

    /// <summary>
    /// Where GPO links make the result differ from the scope's winner. For each OU a GPO is linked to, the GPOs that
    /// reach it (linked there or above, by enabled links) are ranked by the link that reaches it; where none reaches it,
    /// the Intune winner applies. Returns the OUs where the scope's winners hold, and the other results with their OUs
    /// (OUs where nothing is set in this scope are left out: they only add "not set" rows).
    /// </summary>
    private static (List<string> WinnersAt, List<(List<string> Ous, List<PolicySetting> Winners)> Elsewhere) OuOutcomes(
        EffectivePolicy policy, List<PolicySetting> applied, List<PolicySetting> winners, List<string> ous)
    {
        var gpo = applied.Where(s => s.Source.IsGroupPolicy).ToList();
        if (gpo.Count == 0 || ous.Count <= 1)
        {
            return ([], []);
        }

        var intune = TopTies(policy, [.. applied.Where(s => !s.Source.IsGroupPolicy)]);
        var winnersAt = new List<string>();
        var elsewhere = new List<(List<string> Ous, List<PolicySetting> Winners)>();
        foreach (var ou in ous)
        {
            var best = new List<PolicySetting>();
            var bestRank = (Tier: PrecedenceTier.EnrollmentDefault, Rank: int.MinValue);
            foreach (var setting in gpo)
            {
                if (RankAt(setting.Source, ou) is not { } rank)
                {
                    continue;
                }

                var candidate = (policy.PrecedenceOf(setting).Tier, rank);
                var order = candidate.Tier != bestRank.Tier ? candidate.Tier.CompareTo(bestRank.Tier) : candidate.rank.CompareTo(bestRank.Rank);
                if (best.Count == 0 || order > 0)
                {
                    best = [setting];
                    bestRank = candidate;
                }
                else if (order == 0)
                {
                    best.Add(setting);
                }
            }

            var outcome = best.Count > 0 ? best : intune;
            if (outcome.Count == 0)
            {
                continue;
            }

            if (outcome.ToHashSet().SetEquals(winners))
            {
                winnersAt.Add(ou);
                continue;
            }

            var same = elsewhere.FindIndex(e => e.Winners.ToHashSet().SetEquals(outcome));
            if (same >= 0)
            {
                elsewhere[same].Ous.Add(ou);
            }
            else
            {
                elsewhere.Add(([ou], outcome));
            }
        }

        return (winnersAt, elsewhere);
    }

    /// <summary>The rank of a GPO's strongest enabled link that reaches the OU, or null when none does; unknown links reach everywhere.</summary>
    private static int? RankAt(PolicySource source, string ou)
    {
        if (source.GroupPolicy is not { LinksKnown: true } info)
        {
            return 0;
        }

        int? best = null;
        foreach (var link in info.Links)
        {
            if (link.Enabled && Reaches(link.SomPath, ou))
            {
                var rank = PrecedenceRules.LinkRank(link);
                best = best is { } b ? Math.Max(b, rank) : rank;
            }
        }

        return best;
    }

    private static bool Reaches(string som, string ou) =>
        string.Equals(som, ou, StringComparison.OrdinalIgnoreCase)
        || (ou.Length > som.Length && ou[som.Length] == '/' && ou.StartsWith(som, StringComparison.OrdinalIgnoreCase));

    private static string ValueText(PolicySetting setting)
    {
        if (setting.Problem == SettingProblem.EncryptedValue)
        {
            return "(encrypted)";
        }

        if (setting.Value.Kind == PolicyValueKind.None)
        {
            return setting.RawValue ?? "(no value)";
        }

        var text = setting.Value.ToString();
        return setting.Value.Kind == PolicyValueKind.Integer && setting.Node?.AllowedValues is { } allowed && allowed.TryGetValue(setting.Value.IntegerValue, out var meaning)
            ? $"{text} ({meaning})"
            : text;
    }

    private static string ShortLocation(SourceLocation location) => location.IsBinary
        ? $"byte {location.Offset.ToString(CultureInfo.InvariantCulture)}"
        : location.Line > 0 ? $"line {location.Line.ToString(CultureInfo.InvariantCulture)}" : string.Empty;

    private static string SourceTitle(PolicySource source)
    {
        var title = new StringBuilder();
        title.Append(source.Describe()).Append('\n').Append(source.Location.ToString());
        if (source.GroupPolicy is { } gpo)
        {
            if (!gpo.LinksKnown)
            {
                title.Append("\nlinks unknown (no GPMC report)");
            }

            foreach (var link in gpo.Links)
            {
                title.Append(CultureInfo.InvariantCulture, $"\nlinked to {link.SomPath}{(link.LinkOrder is { } order ? $", link order {order.ToString(CultureInfo.InvariantCulture)}" : string.Empty)}{(link.Enforced ? ", enforced" : string.Empty)}{(link.Enabled ? string.Empty : ", link disabled")}");
            }
        }
        else if (source.AssignmentState == AssignmentState.Unassigned)
        {
            title.Append("\nnot assigned");
        }
        else if (source.Assignments.Length > 0)
        {
            title.Append("\nassigned to ").Append(string.Join(", ", source.Assignments.Select(a => a.Describe())));
        }

        return title.ToString();
    }

    /// <summary>A tenant is named by the folder that holds all its sources.</summary>
    private static string TenantLabel(EffectivePolicy policy)
    {
        var folders = policy.Sources.Select(s => Path.GetDirectoryName(s.FilePath)?.Replace('\\', '/') ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        if (folders.Count == 0)
        {
            return "Sources";
        }

        var common = folders[0];
        foreach (var folder in folders.Skip(1))
        {
            while (common.Length > 0 && !(folder == common || folder.StartsWith(common + "/", StringComparison.Ordinal)))
            {
                var cut = common.LastIndexOf('/');
                common = cut < 0 ? string.Empty : common[..cut];
            }
        }

        return common.Length > 0 ? common : "Sources";
    }

    private static void WriteFiles(LintReport report, TextWriter output)
    {
        output.Write("<section id=\"files\"><h2>Files</h2>\n");
        foreach (var warning in report.ConfigurationWarnings)
        {
            output.Write("<p class=\"warn\">");
            Text(output, warning);
            output.Write("</p>\n");
        }

        foreach (var missing in report.MissingPaths)
        {
            output.Write("<p class=\"warn\">not found: ");
            Text(output, missing);
            output.Write("</p>\n");
        }

        output.Write("<details><summary>");
        output.Write(report.FilesLinted.ToString(CultureInfo.InvariantCulture));
        output.Write(" linted</summary><ul class=\"files\">\n");
        foreach (var file in report.Files.Where(f => f.Sources.Length > 0))
        {
            output.Write("<li>");
            Text(output, file.FilePath);
            output.Write(" <small>");
            Text(output, $"{file.Format}: {string.Join(", ", file.Sources.Select(s => s.Describe()))}");
            output.Write("</small></li>\n");
        }

        output.Write("</ul></details>\n<details><summary>");
        output.Write(report.FilesSkipped.ToString(CultureInfo.InvariantCulture));
        output.Write(" skipped</summary><ul class=\"files\">\n");
        foreach (var file in report.Skipped)
        {
            output.Write("<li>");
            Text(output, file.FilePath);
            output.Write(" <small>");
            Text(output, file.SkipReason ?? string.Empty);
            output.Write("</small></li>\n");
        }

        output.Write("</ul></details>\n");
        var notes = report.Notes.ToList();
        if (notes.Count > 0)
        {
            output.Write("<details><summary>");
            output.Write(notes.Count.ToString(CultureInfo.InvariantCulture));
            output.Write(" notes</summary><ul class=\"files\">\n");
            foreach (var note in notes)
            {
                output.Write("<li>");
                Text(output, note.ToString());
                output.Write("</li>\n");
            }

            output.Write("</ul></details>\n");
        }

        output.Write("</section>\n");
    }

    private static void AddTo(Dictionary<PolicySetting, List<PolicySetting>> map, PolicySetting key, PolicySetting value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private static void Text(TextWriter output, string value) => Encoder.Encode(output, value);

    /// <summary>Encoded text whose line breaks stay literal (a tooltip's lines; the encoder would write each as <c>&amp;#xA;</c>).</summary>
    private static void Lines(TextWriter output, string value)
    {
        var start = 0;
        for (var end = value.IndexOf('\n', StringComparison.Ordinal); end >= 0; end = value.IndexOf('\n', start))
        {
            Encoder.Encode(output, value, start, end - start);
            output.Write('\n');
            start = end + 1;
        }

        Encoder.Encode(output, value, start, value.Length - start);
    }

    /// <summary>Settings of one node (or one unknown name) as written, by scope.</summary>
    private sealed record NodeRows(CspNode? Node, string WrittenName)
    {
        public List<PolicySetting> Device { get; } = [];

        public List<PolicySetting> User { get; } = [];

        public int RowCount => (Device.Count > 0 ? 1 : 0) + (User.Count > 0 ? 1 : 0);
    }

    private static string Hash(string text) => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text))) + "'";

    private const string Css = """
        :root{--err:#b3261e;--err-bg:#fde7e4;--warn:#8a5300;--warn-bg:#fff1d6;--note:#1f5fa8;--note-bg:#e3eefc;--win:#1e6b34;--win-bg:#dcf3e3;--line:#d5d9de;--muted:#5d6670;--head:#f3f5f7}
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b1f23;background:#fff}
        header{padding:16px 24px 8px;border-bottom:1px solid var(--line)}
        h1{margin:0;font-size:22px}
        h2{font-size:18px;margin:24px 0 8px}
        h3{font-size:15px;margin:18px 0 6px}
        section,footer{padding:0 24px}
        footer{color:var(--muted);font-size:12px;margin:24px 0}
        nav a{margin-right:14px}
        .meta,.muted,small{color:var(--muted)}
        small{display:block;font-size:11px}
        .cards{display:flex;flex-wrap:wrap;gap:10px;margin-top:16px}
        .card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px;background:var(--head)}
        .card .num{display:block;font-size:24px;font-weight:600}
        .card.error .num{color:var(--err)}.card.warning .num{color:var(--warn)}.card.note .num{color:var(--note)}
        .line{color:var(--muted)}
        .filters{display:flex;flex-wrap:wrap;gap:10px 18px;align-items:center;margin:8px 0 10px;padding:8px 12px;background:var(--head);border:1px solid var(--line);border-radius:6px}
        .filters fieldset{border:0;margin:0;padding:0;display:flex;gap:8px;align-items:center}
        .filters legend{float:left;margin-right:6px;font-weight:600}
        .filters label{font-weight:600}
        .filters select{max-width:28em;font:inherit;font-weight:400}
        .lvl-toggle{font-weight:400!important;padding:2px 8px;border-radius:12px;border:1px solid var(--line);background:#fff;cursor:pointer}
        .shown{font-size:13px;font-weight:400;color:var(--muted);margin-left:8px}
        table{border-collapse:collapse}
        .fh,.fr{display:grid;grid-template-columns:90px 170px minmax(0,1fr) 180px 240px;border-bottom:1px solid var(--line)}
        .fh>div,.fr>div{padding:6px 8px;overflow-wrap:anywhere;min-width:0}
        .fh{background:var(--head);font-weight:600;position:sticky;top:0;z-index:1}
        .fr{content-visibility:auto;contain-intrinsic-size:auto 90px}
        .lvl{display:inline-block;white-space:nowrap;padding:1px 7px;border-radius:10px;font-size:12px;font-weight:600}
        .lvl.error{color:var(--err);background:var(--err-bg)}.lvl.warning{color:var(--warn);background:var(--warn-bg)}.lvl.note{color:var(--note);background:var(--note-bg)}
        .rule a{font-weight:600}
        .loc{font-size:12px}.pos{color:var(--muted)}
        .related{font-size:11px}
        .empty{color:var(--muted);font-style:italic}
        .legend{color:var(--muted);font-size:12px}
        .chip{display:inline-block;padding:0 6px;border-radius:3px;border:1px solid var(--line)}
        .tools{margin:4px 0 8px}
        .tenant{content-visibility:auto;contain-intrinsic-size:auto 900px}
        .grid{overflow:auto;border:1px solid var(--line);border-radius:6px}
        .grid.tall{max-height:85vh}
        .matrix{font-size:13px}
        .matrix th,.matrix td{border:1px solid var(--line);padding:4px 6px;vertical-align:top;text-align:left}
        .matrix thead th{position:sticky;top:0;background:var(--head);z-index:2}
        .matrix thead tr+tr th{top:27px}
        .matrix .group{height:27px;white-space:nowrap}
        .matrix th.src{min-width:9em;max-width:14em;font-weight:600;overflow-wrap:anywhere}
        .matrix .group{text-align:left}
        .matrix .group.gpo{background:#ece8f6}.matrix .group.intune{background:#e6f0f8}
        .matrix .setting{position:sticky;left:0;z-index:1;background:#fff;min-width:15em;max-width:15em;overflow-wrap:anywhere}
        .matrix thead .setting,.matrix thead .scope,.matrix thead .eff{z-index:3;background:var(--head)}
        .matrix .scope{position:sticky;left:15em;z-index:1;background:#fff;min-width:10em;max-width:10em;overflow-wrap:anywhere}
        .matrix .eff{position:sticky;left:25em;z-index:1;background:#f7faf8;min-width:11em;max-width:14em;border-right:2px solid #9aa3ad;overflow-wrap:anywhere}
        .matrix tr.cont th.setting{color:var(--muted);font-weight:400}
        .matrix tr.ou td,.matrix tr.ou th{background:#fbfbfd}
        .matrix td.eff b{display:block}
        .matrix td.eff.conflict b{color:var(--err)}
        .matrix td.eff.varies b{color:var(--warn)}
        .matrix td.eff.none{color:var(--muted);font-style:italic}
        .over{color:var(--warn)!important}
        .unknown{font-family:ui-monospace,Consolas,monospace;font-size:12px}
        td.v{min-width:6em}
        .val{font-weight:600}
        .win,.chip.win{background:var(--win-bg);box-shadow:inset 3px 0 0 var(--win)}
        .conflict,.chip.conflict{background:var(--err-bg);outline:2px solid var(--err);outline-offset:-2px}
        .shadowed .val,.chip.shadowed{text-decoration:line-through;color:var(--muted)}
        td.shadowed{background:#eef0f2}
        .inactive,.chip.inactive{color:var(--muted);font-style:italic;background:repeating-linear-gradient(135deg,#fff,#fff 4px,#f1f2f4 4px,#f1f2f4 8px)}
        .matrix.only-issues tr.ok{display:none}
        ul.files{font-size:13px}
        .warn{color:var(--warn)}
        [hidden]{display:none!important}
        @media print{.filters,.tools,nav{display:none}.grid{overflow:visible;max-height:none}.fr,.tenant{content-visibility:visible}}
        """;

    private const string Script = """
        "use strict";
        (function () {
          var form = document.getElementById("filters");
          var rows = document.getElementById("finding-rows").children;
          var shown = document.getElementById("shown-count");
          var empty = document.getElementById("no-match");
          function apply() {
            var levels = {};
            var boxes = form.querySelectorAll("input[name=level]");
            for (var i = 0; i < boxes.length; i++) { if (boxes[i].checked) { levels[boxes[i].value] = true; } }
            var rule = form.elements.rule.value, source = form.elements.source.value, count = 0;
            for (var j = 0; j < rows.length; j++) {
              var row = rows[j];
              var match = levels[row.getAttribute("data-level")] === true
                && (rule === "" || row.getAttribute("data-rule") === rule)
                && (source === "" || row.getAttribute("data-source") === source);
              row.hidden = !match;
              if (match) { count++; }
            }
            shown.textContent = String(count);
            empty.hidden = count !== 0;
          }
          form.addEventListener("change", apply);
          form.addEventListener("reset", function (e) {
            e.preventDefault();
            var boxes = form.querySelectorAll("input[name=level]");
            for (var i = 0; i < boxes.length; i++) { boxes[i].checked = true; }
            form.elements.rule.value = "";
            form.elements.source.value = "";
            apply();
          });
          form.addEventListener("submit", function (e) { e.preventDefault(); });
          var toggles = document.querySelectorAll("input[data-only-issues]");
          for (var k = 0; k < toggles.length; k++) {
            toggles[k].addEventListener("change", function (e) {
              document.getElementById(e.target.getAttribute("data-only-issues")).classList.toggle("only-issues", e.target.checked);
            });
          }
        })();
        """;

    /// <summary>Nothing may be loaded; only this page's own style and script run (by hash, so nothing injected can).</summary>
    private static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src {Hash(Css)}; script-src {Hash(Script)}; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";
}
