using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Xiaobao.Text.Matching;
using Xiaobao.Text.Normalisation;
using Xiaobao.Text.Phrases.PersonalData;

namespace Xiaobao.Text.Phrases;

/// <summary>
/// A <see cref="RuleSet"/> ready to check texts: every phrase of every rule (what to find, its exceptions, disclosure
/// wording and conditions) in one Aho–Corasick automaton over folded text, patterns compiled once. Immutable and
/// thread-safe; build it once per rule-set version and keep it.
/// </summary>
public sealed class CompiledRuleSet
{
    private static readonly System.Buffers.SearchValues<char> s_clauseBreaks = System.Buffers.SearchValues.Create(",.;:!?\n，。；：！？");

    private readonly Rule[] _rules;
    private readonly PhraseAutomaton _automaton;
    private readonly Entry[] _entries;
    private readonly PatternEntry[] _patterns;
    private readonly int[] _disclosures;
    private readonly (int Rule, PersonalDataKind Kind)[] _detectors;
    private readonly FrozenDictionary<char, string[]> _cuesByLastCharacter;
    private readonly bool[] _cueEnds = new bool[char.MaxValue + 1];
    private readonly string[] _notNegations;
    private readonly int _window;

    public CompiledRuleSet(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        RuleSet = ruleSet;
        _rules = [.. ruleSet.Rules];
        var phrases = new List<string>();
        var entries = new List<Entry>();
        var patterns = new List<PatternEntry>();
        for (var r = 0; r < _rules.Length; r++)
        {
            var rule = _rules[r];
            var find = rule.Kind == RuleKind.Disclosure ? Role.Evidence : Role.Trigger;
            void AddPhrases(IEnumerable<string> list, Role role)
            {
                foreach (var phrase in list)
                {
                    phrases.Add(Fold(phrase));
                    entries.Add(new Entry(r, role));
                }
            }

            AddPhrases(rule.Phrases, find);
            AddPhrases(rule.Exceptions, Role.Exception);
            AddPhrases(rule.When, Role.Condition);
            patterns.AddRange(rule.Patterns.Select(p => new PatternEntry(r, RuleSetValidator.CompilePattern(p, RegexOptions.Compiled), find)));
        }

        _automaton = new PhraseAutomaton(phrases);
        _entries = [.. entries];
        _patterns = [.. patterns];
        _disclosures = [.. Enumerable.Range(0, _rules.Length).Where(r => _rules[r].Kind == RuleKind.Disclosure)];
        _detectors = [.. Enumerable.Range(0, _rules.Length).Where(r => _rules[r].Detector is not null).Select(r => (r, _rules[r].Detector!.Value))];
        _cuesByLastCharacter = ruleSet.Negation.Cues.Select(Fold).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)
            .GroupBy(c => c[^1]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        foreach (var last in _cuesByLastCharacter.Keys)
        {
            _cueEnds[last] = true;
        }
        _notNegations = [.. ruleSet.Negation.NotNegations.Select(Fold).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];
        _window = ruleSet.Negation.Window;
    }

    private enum Role : byte
    {
        Trigger,
        Exception,
        Evidence,
        Condition,
    }

    public RuleSet RuleSet { get; }

    /// <summary>Adds what this set finds in <paramref name="text"/> (folded with <see cref="NormalisationOptions.Matching"/>).</summary>
    public void Check(NormalisedText text, string? documentType, List<Finding> findings, List<MissingDisclosure> missing)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(missing);
        var triggers = new List<(int Rule, TextSpan Span)>();
        var exceptions = new List<(int Rule, TextSpan Span)>();
        var present = new HashSet<(int Rule, Role Role)>();
        void Record(int rule, Role role, TextSpan span)
        {
            if (!_rules[rule].AppliesToDocument(documentType) && _rules[rule].Kind != RuleKind.Disclosure)
            {
                return;
            }

            switch (role)
            {
                case Role.Trigger:
                    triggers.Add((rule, span));
                    break;
                case Role.Exception:
                    exceptions.Add((rule, span));
                    break;
                default:
                    present.Add((rule, role));
                    break;
            }
        }

        foreach (var hit in _automaton.FindAll(text.Text))
        {
            var entry = _entries[hit.Phrase];
            Record(entry.Rule, entry.Role, hit.Span);
        }

        foreach (var pattern in _patterns)
        {
            if (pattern.Role == Role.Evidence && present.Contains((pattern.Rule, Role.Evidence)))
            {
                continue;
            }

            foreach (Match match in pattern.Regex.Matches(text.Text))
            {
                if (match.Length > 0)
                {
                    Record(pattern.Rule, pattern.Role, new TextSpan(match.Index, match.Length));
                }
            }
        }

        // Grouped by rule, each rule's matches by start and longest first, so Kept sees one rule's matches in order.
        triggers.Sort((a, b) => a.Rule != b.Rule ? a.Rule.CompareTo(b.Rule) : a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.Length.CompareTo(a.Span.Length));
        var exceptionsByRule = exceptions.ToLookup(e => e.Rule, e => e.Span);
        for (var first = 0; first < triggers.Count;)
        {
            var rule = triggers[first].Rule;
            var last = first;
            while (last < triggers.Count && triggers[last].Rule == rule)
            {
                last++;
            }

            foreach (var span in Kept(text.Text, _rules[rule], triggers, first, last, exceptionsByRule[rule]))
            {
                findings.Add(MakeFinding(_rules[rule], text, span, mask: false));
            }

            first = last;
        }

        foreach (var (rule, kind) in _detectors)
        {
            if (_rules[rule].AppliesToDocument(documentType))
            {
                findings.AddRange(PersonalDataDetector.Find(kind, text.Text).Select(span => MakeFinding(_rules[rule], text, span, mask: true)));
            }
        }

        foreach (var rule in _disclosures.Select(r => (Index: r, Rule: _rules[r])))
        {
            var required = rule.Rule.AppliesToDocument(documentType) && (rule.Rule.When.Count == 0 || present.Contains((rule.Index, Role.Condition)));
            if (required && !present.Contains((rule.Index, Role.Evidence)))
            {
                missing.Add(new MissingDisclosure(RuleSet.Id, rule.Rule.Id, rule.Rule.Category, rule.Rule.Severity, rule.Rule.Explanation, rule.Rule.Suggestion, rule.Rule.Source));
            }
        }
    }

    internal static string Fold(string phrase) => TextNormaliser.Normalise(phrase, NormalisationOptions.Matching).Text;

    /// <summary>
    /// The matches of one rule that stand: not inside one of its exceptions, not negated, and not inside a longer match
    /// of the same rule (稳赚不赔 is reported once, not also as 稳赚).
    /// </summary>
    private IEnumerable<TextSpan> Kept(string text, Rule rule, List<(int Rule, TextSpan Span)> sorted, int first, int last, IEnumerable<TextSpan> exceptions)
    {
        var coveredTo = -1;
        for (var i = first; i < last; i++)
        {
            var span = sorted[i].Span;
            if (span.End <= coveredTo)
            {
                continue;
            }

            if (exceptions.Any(e => e.Contains(span)))
            {
                continue;
            }

            if (rule.Negatable && IsNegated(text, span.Start))
            {
                continue;
            }

            coveredTo = span.End;
            yield return span;
        }
    }

    /// <summary>A negation cue ends at most <see cref="NegationSettings.Window"/> characters before the match, in the same clause.</summary>
    private bool IsNegated(string text, int start)
    {
        for (var end = start; end >= Math.Max(1, start - _window); end--)
        {
            // Most places end no cue: one table read rules them out.
            if (!_cueEnds[text[end - 1]])
            {
                continue;
            }

            foreach (var cue in _cuesByLastCharacter[text[end - 1]])
            {
                var cueStart = end - cue.Length;
                if (cueStart >= 0
                    && text.AsSpan(cueStart, cue.Length).SequenceEqual(cue)
                    && text.AsSpan(end, start - end).IndexOfAny(s_clauseBreaks) < 0
                    && !InsideNotNegation(text, cueStart, end))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool InsideNotNegation(string text, int cueStart, int cueEnd)
    {
        foreach (var phrase in _notNegations)
        {
            for (var p = Math.Max(0, cueEnd - phrase.Length); p <= cueStart && p + phrase.Length <= text.Length; p++)
            {
                if (text.AsSpan(p, phrase.Length).SequenceEqual(phrase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private Finding MakeFinding(Rule rule, NormalisedText text, TextSpan span, bool mask)
    {
        var original = text.ToOriginal(span);
        var slice = text.Original.Substring(original.Start, original.Length);
        return new Finding(
            RuleSet.Id, rule.Id, rule.Kind, rule.Category, rule.Severity, original.Start, original.Length,
            mask ? PersonalDataDetector.Mask(slice) : slice, rule.Explanation, rule.Suggestion, rule.Source);
    }

    private readonly record struct Entry(int Rule, Role Role);

    private sealed record PatternEntry(int Rule, Regex Regex, Role Role);
}
