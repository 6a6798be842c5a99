namespace Xiaobao.Text.Matching;

/// <summary>One occurrence of a phrase: its index in the list the automaton was built from, and where it is.</summary>
public readonly record struct PhraseHit(int Phrase, int Start, int Length)
{
    public TextSpan Span => new(Start, Length);
}

/// <summary>
/// Aho–Corasick automaton: finds every occurrence of every phrase in one pass over the text, whatever the number of
/// phrases. Characters are first mapped to a compact alphabet of the characters the phrases use, so a character that
/// is in no phrase costs one array read; the root has a dense transition table, other states short sorted edge lists.
/// Immutable once built and safe to share between threads.
/// </summary>
public sealed class PhraseAutomaton
{
    private const int Root = 0;
    private const int LinearScanLimit = 8;

    private readonly ushort[] _symbolOf;
    private readonly int[] _rootNext;
    private readonly int[] _edgeStart;
    private readonly int[] _edgeSymbols;
    private readonly int[] _edgeTargets;
    private readonly int[] _fail;
    private readonly int[] _outputStart;
    private readonly int[] _outputs;
    private readonly int[] _outputLink;
    private readonly int[] _lengths;

    public PhraseAutomaton(IReadOnlyList<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _lengths = [.. phrases.Select(p => p.Length)];
        _symbolOf = new ushort[char.MaxValue + 1];
        var alphabet = 0;
        foreach (var c in phrases.SelectMany(p => p))
        {
            if (_symbolOf[c] == 0)
            {
                if (alphabet == ushort.MaxValue)
                {
                    throw new ArgumentException("The phrases use more distinct characters than the automaton supports.", nameof(phrases));
                }

                _symbolOf[c] = (ushort)++alphabet;
            }
        }

        // Build the trie with dictionaries, then flatten it into arrays for scanning.
        var children = new List<Dictionary<int, int>> { new() };
        var own = new List<List<int>?> { null };
        for (var p = 0; p < phrases.Count; p++)
        {
            if (phrases[p].Length == 0)
            {
                continue;
            }

            var state = Root;
            foreach (var c in phrases[p])
            {
                var symbol = _symbolOf[c];
                if (!children[state].TryGetValue(symbol, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    own.Add(null);
                    children[state][symbol] = next;
                }

                state = next;
            }

            (own[state] ??= []).Add(p);
        }

        var states = children.Count;
        PhraseCount = phrases.Count;
        StateCount = states;
        _rootNext = new int[alphabet + 1];
        _edgeStart = new int[states + 1];
        var edgeCount = children.Skip(1).Sum(c => c.Count);
        _edgeSymbols = new int[edgeCount];
        _edgeTargets = new int[edgeCount];
        var e = 0;
        for (var s = 0; s < states; s++)
        {
            _edgeStart[s] = e;
            if (s == Root)
            {
                foreach (var (symbol, target) in children[s])
                {
                    _rootNext[symbol] = target;
                }

                continue;
            }

            foreach (var (symbol, target) in children[s].OrderBy(kv => kv.Key))
            {
                _edgeSymbols[e] = symbol;
                _edgeTargets[e] = target;
                e++;
            }
        }

        _edgeStart[states] = e;
        _outputStart = new int[states + 1];
        _outputs = new int[own.Sum(o => o?.Count ?? 0)];
        var k = 0;
        for (var s = 0; s < states; s++)
        {
            _outputStart[s] = k;
            foreach (var p in own[s] ?? [])
            {
                _outputs[k++] = p;
            }
        }

        _outputStart[states] = k;
        (_fail, _outputLink) = Link(children);
    }

    public int PhraseCount { get; }

    public int StateCount { get; }

    /// <summary>Every occurrence of every phrase, overlapping ones included, ordered by where they end.</summary>
    public List<PhraseHit> FindAll(string text)
    {
        var hits = new List<PhraseHit>();
        FindAll(text, hits);
        return hits;
    }

    /// <summary>Appends every occurrence to <paramref name="hits"/> (lets a caller reuse one list).</summary>
    public void FindAll(string text, List<PhraseHit> hits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(hits);
        var state = Root;
        for (var i = 0; i < text.Length; i++)
        {
            int symbol = _symbolOf[text[i]];
            if (symbol == 0)
            {
                state = Root;
                continue;
            }

            state = Step(state, symbol);
            var output = HasOutput(state) ? state : _outputLink[state];
            while (output > Root)
            {
                for (var o = _outputStart[output]; o < _outputStart[output + 1]; o++)
                {
                    var phrase = _outputs[o];
                    hits.Add(new PhraseHit(phrase, i - _lengths[phrase] + 1, _lengths[phrase]));
                }

                output = _outputLink[output];
            }
        }
    }

    private int Step(int state, int symbol)
    {
        while (state != Root)
        {
            var next = Edge(state, symbol);
            if (next > Root)
            {
                return next;
            }

            state = _fail[state];
        }

        return _rootNext[symbol];
    }

    private int Edge(int state, int symbol)
    {
        var low = _edgeStart[state];
        var high = _edgeStart[state + 1] - 1;
        if (high - low < LinearScanLimit)
        {
            for (var e = low; e <= high; e++)
            {
                if (_edgeSymbols[e] == symbol)
                {
                    return _edgeTargets[e];
                }
            }

            return -1;
        }

        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var at = _edgeSymbols[mid];
            if (at == symbol)
            {
                return _edgeTargets[mid];
            }

            if (at < symbol)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return -1;
    }

    private bool HasOutput(int state) => _outputStart[state] < _outputStart[state + 1];

    private (int[] Fail, int[] OutputLink) Link(List<Dictionary<int, int>> children)
    {
        var fail = new int[children.Count];
        var outputLink = new int[children.Count];
        outputLink[Root] = -1;
        var queue = new Queue<int>();
        foreach (var child in children[Root].Values)
        {
            fail[child] = Root;
            outputLink[child] = -1;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (symbol, child) in children[state])
            {
                var f = fail[state];
                while (f != Root && !children[f].ContainsKey(symbol))
                {
                    f = fail[f];
                }

                fail[child] = children[f].TryGetValue(symbol, out var target) && target != child ? target : Root;
                outputLink[child] = HasOutput(fail[child]) ? fail[child] : outputLink[fail[child]];
                queue.Enqueue(child);
            }
        }

        return (fail, outputLink);
    }
}
