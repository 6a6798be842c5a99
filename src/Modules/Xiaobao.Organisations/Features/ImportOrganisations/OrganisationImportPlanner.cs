using Xiaobao.Kernel.Localization;
using Xiaobao.Organisations.Domain;
using Xiaobao.Organisations.Features.Shared;

namespace Xiaobao.Organisations.Features.ImportOrganisations;

/// <summary>
/// Checks a whole import file against the existing hierarchy and, only if every row is valid, lists the creates
/// and updates parents first. Pure: the caller loads <see cref="ExistingOrganisation"/>s and applies the plan.
/// </summary>
internal static class OrganisationImportPlanner
{
    public static OrganisationImportPlan Plan(IReadOnlyList<ExistingOrganisation> existing, IReadOnlyList<OrganisationImportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(rows);

        var errors = new List<OrganisationImportError>();
        var existingByCode = new Dictionary<string, ExistingOrganisation>(StringComparer.Ordinal);
        foreach (var organisation in existing)
        {
            existingByCode.TryAdd(organisation.Code, organisation);
        }

        var fileRows = new List<ParsedRow>();
        var fileByCode = new Dictionary<string, ParsedRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var parsed = Parse(row, errors);
            if (parsed is null)
            {
                continue;
            }

            if (!fileByCode.TryAdd(parsed.Code, parsed))
            {
                // The later row is the one reported: the first is what the user most likely meant, and
                // leaving duplicates out of the hierarchy checks avoids a cascade of follow-on errors.
                errors.Add(new(row.RowNumber, OrganisationImportColumns.Code,
                    UiText.Format("Error.Import.DuplicateCode", parsed.Code, fileByCode[parsed.Code].RowNumber)));
                continue;
            }

            fileRows.Add(parsed);
        }

        var hierarchy = new Hierarchy(existingByCode, fileByCode);
        var cycles = FindCycles(fileRows, hierarchy);
        foreach (var row in fileRows)
        {
            if (cycles.TryGetValue(row.Code, out var cycle))
            {
                errors.Add(new(row.RowNumber, OrganisationImportColumns.ParentCode, cycle.Count == 1
                    ? UiText.Format("Error.Import.OwnParent", row.Code)
                    : UiText.Format("Error.Import.Cycle", string.Join(" → ", cycle.Append(cycle[0])))));
                continue;
            }

            CheckPlacement(row, hierarchy, errors);
        }

        CheckExistingChildren(existingByCode, fileByCode, cycles, errors);
        CheckSingleHeadOffice(existing, fileRows, hierarchy, errors);

        if (errors.Count > 0)
        {
            return OrganisationImportPlan.Failed([.. errors.OrderBy(e => e.RowNumber)]);
        }

        return OrganisationImportPlan.Ready(ParentsFirst(fileRows, fileByCode, existingByCode));
    }

    private static ParsedRow? Parse(OrganisationImportRow row, List<OrganisationImportError> errors)
    {
        var code = Trimmed(row.Code);
        var codeValid = false;
        if (code is null)
        {
            errors.Add(new(row.RowNumber, OrganisationImportColumns.Code, UiText.Get("Error.Import.CodeRequired")));
        }
        else if (code.Length > Organisation.CodeMaxLength)
        {
            errors.Add(new(row.RowNumber, OrganisationImportColumns.Code, UiText.Format("Error.Import.CodeTooLong", Organisation.CodeMaxLength)));
        }
        else if (!code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add(new(row.RowNumber, OrganisationImportColumns.Code, UiText.Get("Error.Import.CodeChars")));
        }
        else
        {
            codeValid = true;
        }

        var nameZh = Trimmed(row.NameZh);
        if (nameZh is null)
        {
            errors.Add(new(row.RowNumber, OrganisationImportColumns.NameZh, UiText.Get("Error.Import.NameZhRequired")));
        }
        else if (nameZh.Length > Organisation.NameMaxLength)
        {
            errors.Add(new(row.RowNumber, OrganisationImportColumns.NameZh, UiText.Format("Error.Import.NameZhTooLong", Organisation.NameMaxLength)));
        }

        var nameEn = Trimmed(row.NameEn) ?? string.Empty;
        if (nameEn.Length > Organisation.NameMaxLength)
        {
            errors.Add(new(row.RowNumber, OrganisationImportColumns.NameEn, UiText.Format("Error.Import.NameEnTooLong", Organisation.NameMaxLength)));
        }

        OrganisationLevel? level = null;
        if (Trimmed(row.Level) is null)
        {
            errors.Add(new(row.RowNumber, OrganisationImportColumns.Level, UiText.Get("Error.Import.LevelRequired")));
        }
        else if (OrganisationImportValues.TryParseLevel(row.Level, out var parsedLevel))
        {
            level = parsedLevel;
        }
        else
        {
            errors.Add(new(row.RowNumber, OrganisationImportColumns.Level,
                UiText.Format("Error.Import.LevelUnknown", row.Level!.Trim())));
        }

        if (!OrganisationImportValues.TryParseActive(row.Active, out var isActive))
        {
            errors.Add(new(row.RowNumber, OrganisationImportColumns.Active, UiText.Format("Error.Import.ActiveUnknown", row.Active!.Trim())));
        }

        // A row with a bad name or flag still takes part in the hierarchy checks, so its other problems are reported too;
        // only a row without a usable code cannot, since nothing can refer to it.
        return codeValid ? new ParsedRow(row.RowNumber, code!, nameZh ?? string.Empty, nameEn, level, Trimmed(row.ParentCode), isActive) : null;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Each node has at most one parent, so walking up from every file row and watching for a node already on the
    // current walk finds every cycle in linear time, including cycles closed by an existing organisation's parent.
    private static Dictionary<string, IReadOnlyList<string>> FindCycles(List<ParsedRow> fileRows, Hierarchy hierarchy)
    {
        var cycles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in fileRows)
        {
            var walk = new List<string>();
            var onWalk = new HashSet<string>(StringComparer.Ordinal);
            string? current = start.Code;
            while (current is not null && hierarchy.Contains(current) && !finished.Contains(current) && onWalk.Add(current))
            {
                walk.Add(current);
                current = hierarchy.ParentOf(current);
            }

            if (current is not null && onWalk.Contains(current))
            {
                var cycle = walk[walk.IndexOf(current)..];
                foreach (var code in cycle)
                {
                    cycles[code] = cycle;
                }
            }

            finished.UnionWith(walk);
        }

        return cycles;
    }

    private static void CheckPlacement(ParsedRow row, Hierarchy hierarchy, List<OrganisationImportError> errors)
    {
        if (row.ParentCode is not null && !hierarchy.Contains(row.ParentCode))
        {
            errors.Add(new(row.RowNumber, OrganisationImportColumns.ParentCode,
                UiText.Format("Error.Import.ParentNotFound", row.ParentCode)));
            return;
        }

        if (row.Level is not { } level)
        {
            return;
        }

        if (level == OrganisationLevel.HeadOffice)
        {
            if (row.ParentCode is not null)
            {
                errors.Add(new(row.RowNumber, OrganisationImportColumns.ParentCode, UiText.Get("Error.Org.HeadOfficeNoParent")));
            }

            return;
        }

        if (row.ParentCode is null)
        {
            errors.Add(new(row.RowNumber, OrganisationImportColumns.ParentCode, UiText.Format("Error.Import.ParentRequired", OrganisationText.Level(level))));
            return;
        }

        if (hierarchy.LevelOf(row.ParentCode) is { } parentLevel && (int)parentLevel != (int)level - 1)
        {
            errors.Add(new(row.RowNumber, OrganisationImportColumns.Level,
                UiText.Format(
                    "Error.Import.WrongParentLevel",
                    OrganisationText.Level(level),
                    OrganisationText.Level((OrganisationLevel)((int)level - 1)),
                    row.ParentCode,
                    OrganisationText.Level(parentLevel))));
        }
    }

    // Changing a node's level in place would strand children that the file does not mention one level too deep or shallow.
    // A row already reported as part of a cycle is skipped: its level is meaningless until the cycle is fixed.
    private static void CheckExistingChildren(
        Dictionary<string, ExistingOrganisation> existingByCode,
        Dictionary<string, ParsedRow> fileByCode,
        Dictionary<string, IReadOnlyList<string>> cycles,
        List<OrganisationImportError> errors)
    {
        var stranded = existingByCode.Values
            .Where(child => !fileByCode.ContainsKey(child.Code) && child.ParentCode is not null)
            .Where(child => fileByCode.TryGetValue(child.ParentCode!, out var parent)
                && !cycles.ContainsKey(parent.Code)
                && parent.Level is { } newLevel
                && existingByCode.TryGetValue(parent.Code, out var before)
                && before.Level != newLevel)
            .GroupBy(child => child.ParentCode!, StringComparer.Ordinal);
        foreach (var group in stranded)
        {
            var parent = fileByCode[group.Key];
            errors.Add(new(parent.RowNumber, OrganisationImportColumns.Level,
                UiText.Format("Error.Import.StrandedChildren", parent.Code, OrganisationText.QuotedList(group.Select(c => c.Code).Order(StringComparer.Ordinal)))));
        }
    }

    private static void CheckSingleHeadOffice(
        IReadOnlyList<ExistingOrganisation> existing, List<ParsedRow> fileRows, Hierarchy hierarchy, List<OrganisationImportError> errors)
    {
        // The existing head office keeps its place unless the file demotes it; otherwise the first one in the file does.
        var incumbent = existing
            .Where(o => o.Level == OrganisationLevel.HeadOffice && hierarchy.LevelOf(o.Code) == OrganisationLevel.HeadOffice)
            .Select(o => o.Code)
            .FirstOrDefault()
            ?? fileRows.FirstOrDefault(r => r.Level == OrganisationLevel.HeadOffice)?.Code;

        foreach (var row in fileRows.Where(r => r.Level == OrganisationLevel.HeadOffice && r.Code != incumbent))
        {
            errors.Add(new(row.RowNumber, OrganisationImportColumns.Level,
                UiText.Format("Error.Import.SecondHeadOffice", incumbent)));
        }
    }

    // Only reached without errors, so levels strictly increase along every parent link and recursion is at most four deep.
    private static List<OrganisationImportOperation> ParentsFirst(
        List<ParsedRow> fileRows, Dictionary<string, ParsedRow> fileByCode, Dictionary<string, ExistingOrganisation> existingByCode)
    {
        var operations = new List<OrganisationImportOperation>(fileRows.Count);
        var emitted = new HashSet<string>(StringComparer.Ordinal);

        void Emit(ParsedRow row)
        {
            if (emitted.Contains(row.Code))
            {
                return;
            }

            if (row.ParentCode is not null && fileByCode.TryGetValue(row.ParentCode, out var parent))
            {
                Emit(parent);
            }

            emitted.Add(row.Code);
            var level = row.Level!.Value;
            operations.Add(existingByCode.TryGetValue(row.Code, out var current)
                ? new OrganisationImportOperation.Update(current.Id, row.RowNumber, row.Code, row.NameZh, row.NameEn, level, row.ParentCode, row.IsActive)
                : new OrganisationImportOperation.Create(row.RowNumber, row.Code, row.NameZh, row.NameEn, level, row.ParentCode, row.IsActive));
        }

        foreach (var row in fileRows)
        {
            Emit(row);
        }

        return operations;
    }

    private sealed record ParsedRow(
        int RowNumber, string Code, string NameZh, string NameEn, OrganisationLevel? Level, string? ParentCode, bool IsActive);

    /// <summary>The hierarchy as it will be after the import: file rows override existing organisations with the same code.</summary>
    private sealed class Hierarchy(Dictionary<string, ExistingOrganisation> existingByCode, Dictionary<string, ParsedRow> fileByCode)
    {
        public bool Contains(string code) => fileByCode.ContainsKey(code) || existingByCode.ContainsKey(code);

        public string? ParentOf(string code) =>
            fileByCode.TryGetValue(code, out var row) ? row.ParentCode : existingByCode.GetValueOrDefault(code)?.ParentCode;

        public OrganisationLevel? LevelOf(string code) =>
            fileByCode.TryGetValue(code, out var row) ? row.Level : existingByCode.GetValueOrDefault(code)?.Level;
    }
}
