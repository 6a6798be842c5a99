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
    private readonly State[] _states;

    // Edges of each state, sorted by symbol, packed as symbol << 32 | target so one read gives both.
    private readonly long[] _edges;
    private readonly int[] _outputs;
    private readonly int[] _lengths;

    // Edges of states with many children (the first characters of thousands of phrases fan out widely) are also in an
    // open-addressing hash keyed by state and symbol: one probe instead of a binary search.
    private readonly long[] _wideKeys;
    private readonly int[] _wideTargets;
    private readonly int _wideMask;

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

        PhraseCount = phrases.Count;
        StateCount = children.Count;
        _states = new State[children.Count];
        _rootNext = new int[alphabet + 1];
        foreach (var (symbol, target) in children[Root])
        {
            _rootNext[symbol] = target;
        }

        _edges = new long[children.Skip(1).Sum(c => c.Count)];
        _outputs = new int[own.Sum(o => o?.Count ?? 0)];
        var e = 0;
        var k = 0;
        for (var s = 0; s < children.Count; s++)
        {
            ref var state = ref _states[s];
            state.EdgeStart = e;
            if (s != Root)
            {
                foreach (var (symbol, target) in children[s].OrderBy(kv => kv.Key))
                {
                    _edges[e++] = ((long)symbol << 32) | (uint)target;
                }
            }

            state.EdgeEnd = e;
            state.OutputStart = k;
            foreach (var p in own[s] ?? [])
            {
                _outputs[k++] = p;
            }

            state.OutputEnd = k;
        }

        var wide = children.Select((c, s) => (Children: c, State: s)).Where(x => x.State != Root && x.Children.Count > LinearScanLimit).ToList();
        var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, wide.Sum(x => x.Children.Count) * 2));
        _wideKeys = new long[capacity];
        _wideTargets = new int[capacity];
        _wideMask = capacity - 1;
        foreach (var (edges, state) in wide)
        {
            foreach (var (symbol, target) in edges)
            {
                var key = WideKey(state, symbol);
                var slot = Slot(key);
                while (_wideKeys[slot] != 0)
                {
                    slot = (slot + 1) & _wideMask;
                }

                _wideKeys[slot] = key;
                _wideTargets[slot] = target;
            }
        }

        Link(children);
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
        var symbols = _symbolOf;
        var states = _states;
        var state = Root;
        for (var i = 0; i < text.Length; i++)
        {
            int symbol = symbols[text[i]];
            if (symbol == 0)
            {
                state = Root;
                continue;
            }

            state = state == Root ? _rootNext[symbol] : Step(state, symbol);
            for (var output = states[state].FirstOutput; output > Root; output = states[output].NextOutput)
            {
                ref var found = ref states[output];
                for (var o = found.OutputStart; o < found.OutputEnd; o++)
                {
                    var phrase = _outputs[o];
                    hits.Add(new PhraseHit(phrase, i - _lengths[phrase] + 1, _lengths[phrase]));
                }
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

            state = _states[state].Fail;
        }

        return _rootNext[symbol];
    }

    private int Edge(int state, int symbol)
    {
        ref readonly var current = ref _states[state];
        if (current.EdgeEnd - current.EdgeStart > LinearScanLimit)
        {
            var key = WideKey(state, symbol);
            for (var slot = Slot(key); _wideKeys[slot] != 0; slot = (slot + 1) & _wideMask)
            {
                if (_wideKeys[slot] == key)
                {
                    return _wideTargets[slot];
                }
            }

            return -1;
        }

        for (var e = current.EdgeStart; e < current.EdgeEnd; e++)
        {
            if ((int)(_edges[e] >> 32) == symbol)
            {
                return (int)_edges[e];
            }
        }

        return -1;
    }

    private static long WideKey(int state, int symbol) => ((long)state << 16) | (uint)symbol;

    private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> 40) & _wideMask;

    // Breadth first: a state's failure link is the longest proper suffix of its path that is also a path; its outputs
    // are its own phrases and those of the states reached by following failure links (the "dictionary suffix links").
    private void Link(List<Dictionary<int, int>> children)
    {
        var queue = new Queue<int>();
        foreach (var child in children[Root].Values)
        {
            _states[child].Fail = Root;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            ref var current = ref _states[state];
            current.NextOutput = HasOutput(current.Fail) ? current.Fail : _states[current.Fail].NextOutput;
            current.FirstOutput = HasOutput(state) ? state : current.NextOutput;
            foreach (var (symbol, child) in children[state])
            {
                var f = _states[state].Fail;
                while (f != Root && !children[f].ContainsKey(symbol))
                {
                    f = _states[f].Fail;
                }

                _states[child].Fail = state != Root && children[f].TryGetValue(symbol, out var target) ? target : Root;
                queue.Enqueue(child);
            }
        }
    }

    private bool HasOutput(int state) => state != Root && _states[state].OutputStart < _states[state].OutputEnd;

    /// <summary>One state's data side by side, so a step touches one cache line.</summary>
    private struct State
    {
        public int EdgeStart;
        public int EdgeEnd;
        public int Fail;
        public int OutputStart;
        public int OutputEnd;

        /// <summary>This state if it ends a phrase, else the nearest state on its failure chain that does (0: none).</summary>
        public int FirstOutput;

        /// <summary>The nearest state strictly further along the failure chain that ends a phrase (0: none).</summary>
        public int NextOutput;
    }
}
