namespace Network.Benchmarking.Matching;

/// <summary>
/// The state of one run of <see cref="MaximumWeightMatching"/>. Terms (S- and T-blossoms, base, stage, substage,
/// delta1–4) are Galil's; read his survey before this code. Numbering: vertices 0..n−1, non-trivial blossoms n..2n−1;
/// edge k has endpoints 2k (its first vertex) and 2k+1 (its second), so <c>p ^ 1</c> is the other end of endpoint p.
/// Dual variables of vertices are stored doubled (2·u), which keeps every slack and delta an integer.
/// </summary>
internal sealed class BlossomSolver
{
    private readonly int _n;
    private readonly Edge[] _edges;
    private readonly int[] _endpoint;         // endpoint p → its vertex
    private readonly int[] _neighbourStart;   // CSR: the edges of v are
    private readonly Neighbour[] _neighbours; // _neighbours[_neighbourStart[v] .. _neighbourStart[v + 1])
    private readonly int[] _mate;             // vertex → remote endpoint of its matched edge, or −1
    private readonly int[] _label;            // top-level blossom → 0 free, 1 S, 2 T (5 = S with breadcrumb)
    private readonly int[] _labelEnd;         // remote endpoint of the edge the label came through, or −1
    private readonly int[] _inBlossom;        // vertex → its top-level blossom
    private readonly int[] _blossomParent;
    private readonly int[]?[] _blossomChildren; // sub-blossoms from the base, round the cycle
    private readonly int[] _blossomBase;        // blossom → its base vertex, or −1 when unused
    private readonly int[]?[] _blossomEndpoints; // [i]: endpoint on children[i]'s edge to children[i + 1]
    private readonly int[] _bestEdge;            // least-slack edge to an S-blossom (delta2, delta3), or −1
    private readonly int[]?[] _blossomBestEdges; // per S-blossom: least-slack edges to neighbouring S-blossoms
    private readonly Stack<int> _unusedBlossoms = new();
    private readonly long[] _dual;
    private readonly bool[] _allowEdge;           // edge known to have zero slack
    private readonly List<int> _queue = [];       // S-vertices to scan
    private readonly int[] _bestEdgeTo;           // scratch for AddBlossom, all −1 between uses
    private readonly List<int> _leaves = [];      // scratch

    public BlossomSolver(int vertexCount, IReadOnlyList<WeightedEdge> edges)
    {
        _n = vertexCount;
        var m = edges.Count;
        _edges = new Edge[m];
        _endpoint = new int[2 * m];
        var degree = new int[_n + 1];
        long maxWeight = 0;
        for (var k = 0; k < m; k++)
        {
            var (u, v, w) = edges[k];
            _edges[k] = new Edge(u, v, w);
            _endpoint[2 * k] = u;
            _endpoint[(2 * k) + 1] = v;
            degree[u]++;
            degree[v]++;
            maxWeight = Math.Max(maxWeight, w);
        }

        _neighbourStart = new int[_n + 1];
        for (var i = 0; i < _n; i++)
        {
            _neighbourStart[i + 1] = _neighbourStart[i] + degree[i];
        }

        _neighbours = new Neighbour[2 * m];
        var fill = _neighbourStart[.._n];
        for (var k = 0; k < m; k++)
        {
            var (u, v, w) = _edges[k];
            _neighbours[fill[u]++] = new Neighbour(v, (2 * k) + 1, 2 * w);
            _neighbours[fill[v]++] = new Neighbour(u, 2 * k, 2 * w);
        }

        _mate = Filled(_n, -1);
        _label = new int[2 * _n];
        _labelEnd = Filled(2 * _n, -1);
        _inBlossom = Enumerable.Range(0, _n).ToArray();
        _blossomParent = Filled(2 * _n, -1);
        _blossomChildren = new int[2 * _n][];
        _blossomBase = Filled(2 * _n, -1);
        for (var i = 0; i < _n; i++)
        {
            _blossomBase[i] = i;
        }

        _blossomEndpoints = new int[2 * _n][];
        _bestEdge = Filled(2 * _n, -1);
        _blossomBestEdges = new int[2 * _n][];
        for (var b = (2 * _n) - 1; b >= _n; b--)
        {
            _unusedBlossoms.Push(b);
        }

        _dual = new long[2 * _n];
        Array.Fill(_dual, maxWeight, 0, _n);
        _allowEdge = new bool[m];
        _bestEdgeTo = Filled(2 * _n, -1);
    }

    public int[] Run(CancellationToken cancellationToken = default)
    {
        for (var stage = 0; stage < _n; stage++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Clear(_label);
            Array.Fill(_bestEdge, -1);
            Array.Clear(_blossomBestEdges, _n, _n);
            Array.Clear(_allowEdge);
            _queue.Clear();
            for (var v = 0; v < _n; v++)
            {
                if (_mate[v] == -1 && _label[_inBlossom[v]] == 0)
                {
                    AssignLabel(v, 1, -1);
                }
            }

            if (!RunStage())
            {
                break;   // no augmenting path: the matching is optimal
            }

            // End of a stage: expand the S-blossoms whose dual has reached 0.
            for (var b = _n; b < 2 * _n; b++)
            {
                if (_blossomParent[b] == -1 && _blossomBase[b] >= 0 && _label[b] == 1 && _dual[b] == 0)
                {
                    ExpandBlossom(b, endOfStage: true);
                }
            }
        }

        var partner = new int[_n];
        for (var v = 0; v < _n; v++)
        {
            partner[v] = _mate[v] >= 0 ? _endpoint[_mate[v]] : -1;
        }

        return partner;
    }

    /// <summary>Substages until an augmenting path is found (true) or the duals prove none is worth it (false).</summary>
    private bool RunStage()
    {
        while (true)
        {
            if (Scan())
            {
                return true;
            }

            // No augmenting path on tight edges: move the duals by the smallest delta (values are doubled).
            var deltaType = 1;
            var delta = _dual[0];
            for (var v = 1; v < _n; v++)
            {
                delta = Math.Min(delta, _dual[v]);   // delta1: a vertex dual reaches 0
            }

            int deltaEdge = -1, deltaBlossom = -1;
            for (var v = 0; v < _n; v++)
            {
                if (_label[_inBlossom[v]] == 0 && _bestEdge[v] != -1 && Slack(_bestEdge[v]) < delta)
                {
                    delta = Slack(_bestEdge[v]);   // delta2: an S-to-free edge becomes tight
                    deltaType = 2;
                    deltaEdge = _bestEdge[v];
                }
            }

            for (var b = 0; b < 2 * _n; b++)
            {
                if (_blossomParent[b] == -1 && _label[b] == 1 && _bestEdge[b] != -1)
                {
                    var slack = Slack(_bestEdge[b]);   // even: both ends are S, their duals moved together
                    if (slack / 2 < delta)
                    {
                        delta = slack / 2;   // delta3: an S-to-S edge becomes tight
                        deltaType = 3;
                        deltaEdge = _bestEdge[b];
                    }
                }
            }

            for (var b = _n; b < 2 * _n; b++)
            {
                if (_blossomBase[b] >= 0 && _blossomParent[b] == -1 && _label[b] == 2 && _dual[b] < delta)
                {
                    delta = _dual[b];   // delta4: a T-blossom's dual reaches 0
                    deltaType = 4;
                    deltaBlossom = b;
                }
            }

            for (var v = 0; v < _n; v++)
            {
                switch (_label[_inBlossom[v]])
                {
                    case 1: _dual[v] -= delta; break;
                    case 2: _dual[v] += delta; break;
                }
            }

            for (var b = _n; b < 2 * _n; b++)
            {
                if (_blossomBase[b] >= 0 && _blossomParent[b] == -1)
                {
                    switch (_label[b])
                    {
                        case 1: _dual[b] += delta; break;
                        case 2: _dual[b] -= delta; break;
                    }
                }
            }

            switch (deltaType)
            {
                case 1:
                    return false;
                case 2:
                    {
                        _allowEdge[deltaEdge] = true;
                        var (u, v, _) = _edges[deltaEdge];
                        _queue.Add(_label[_inBlossom[u]] == 0 ? v : u);
                        break;
                    }

                case 3:
                    _allowEdge[deltaEdge] = true;
                    _queue.Add(_edges[deltaEdge].U);
                    break;
                default:
                    ExpandBlossom(deltaBlossom, endOfStage: false);
                    break;
            }
        }
    }

    /// <summary>Grows the trees from the queued S-vertices over tight edges; true when the matching was augmented.</summary>
    private bool Scan()
    {
        // The hot loop (every edge of every S-vertex, every stage): arrays in locals, one neighbour entry per step.
        var inBlossom = _inBlossom;
        var label = _label;
        var dual = _dual;
        var allowEdge = _allowEdge;
        var bestEdge = _bestEdge;
        while (_queue.Count > 0)
        {
            var v = _queue[^1];
            _queue.RemoveAt(_queue.Count - 1);
            var dualOfV = dual[v];   // duals change only between substages
            var neighbours = _neighbours.AsSpan(_neighbourStart[v], _neighbourStart[v + 1] - _neighbourStart[v]);
            for (var i = 0; i < neighbours.Length; i++)
            {
                ref readonly var neighbour = ref neighbours[i];
                var w = neighbour.Vertex;
                var bv = inBlossom[v];
                var bw = inBlossom[w];
                if (bv == bw)
                {
                    continue;   // inside one blossom
                }

                var p = neighbour.End;
                var k = p >> 1;
                long slack = 0;
                var allowed = allowEdge[k];
                if (!allowed)
                {
                    slack = dualOfV + dual[w] - neighbour.DoubleWeight;
                    if (slack <= 0)
                    {
                        allowEdge[k] = allowed = true;
                    }
                }

                var labelOfW = label[bw];
                if (allowed)
                {
                    if (labelOfW == 0)
                    {
                        AssignLabel(w, 2, p ^ 1);   // w is free: T, and its mate S
                    }
                    else if (labelOfW == 1)
                    {
                        var b = ScanBlossom(v, w);   // two S-vertices: a new blossom, or an augmenting path
                        if (b >= 0)
                        {
                            AddBlossom(b, k);
                        }
                        else
                        {
                            AugmentMatching(k);
                            return true;
                        }
                    }
                    else if (label[w] == 0)
                    {
                        label[w] = 2;   // w inside a T-blossom, now reached from outside: remember how
                        _labelEnd[w] = p ^ 1;
                    }
                }
                else if (labelOfW == 1)
                {
                    if (bestEdge[bv] == -1 || slack < Slack(bestEdge[bv]))
                    {
                        bestEdge[bv] = k;   // least-slack edge to another S-blossom (delta3)
                    }
                }
                else if (label[w] == 0 && (bestEdge[w] == -1 || slack < Slack(bestEdge[w])))
                {
                    bestEdge[w] = k;   // least-slack edge to a free vertex (delta2)
                }
            }
        }

        return false;
    }

    // Twice the slack of edge k (valid between top-level blossoms).
    private long Slack(int k)
    {
        ref readonly var edge = ref _edges[k];
        return _dual[edge.U] + _dual[edge.V] - (2 * edge.Weight);
    }

    private void AssignLabel(int w, int t, int p)
    {
        var b = _inBlossom[w];
        _label[w] = _label[b] = t;
        _labelEnd[w] = _labelEnd[b] = p;
        _bestEdge[w] = _bestEdge[b] = -1;
        if (t == 1)
        {
            Leaves(b, _queue);
        }
        else
        {
            var mateOfBase = _mate[_blossomBase[b]];
            AssignLabel(_endpoint[mateOfBase], 1, mateOfBase ^ 1);
        }
    }

    /// <summary>Traces back from two S-vertices; the base of the blossom they close, or −1 for an augmenting path.</summary>
    private int ScanBlossom(int v, int w)
    {
        var path = new List<int>();
        var found = -1;
        while (v != -1 || w != -1)
        {
            var b = _inBlossom[v];
            if ((_label[b] & 4) != 0)
            {
                found = _blossomBase[b];
                break;
            }

            path.Add(b);
            _label[b] = 5;   // breadcrumb
            if (_labelEnd[b] == -1)
            {
                v = -1;   // reached a single vertex's root
            }
            else
            {
                v = _endpoint[_labelEnd[b]];
                v = _endpoint[_labelEnd[_inBlossom[v]]];   // through the T-blossom to the next S
            }

            if (w != -1)
            {
                (v, w) = (w, v);
            }
        }

        foreach (var b in path)
        {
            _label[b] = 1;
        }

        return found;
    }

    /// <summary>Shrinks the odd cycle closed by edge k into a new S-blossom with the given base.</summary>
    private void AddBlossom(int @base, int k)
    {
        var (v, w, _) = _edges[k];
        var bb = _inBlossom[@base];
        var bv = _inBlossom[v];
        var bw = _inBlossom[w];
        var b = _unusedBlossoms.Pop();
        _blossomBase[b] = @base;
        _blossomParent[b] = -1;
        _blossomParent[bb] = b;
        var children = new List<int>();
        var endpoints = new List<int>();
        while (bv != bb)
        {
            _blossomParent[bv] = b;
            children.Add(bv);
            endpoints.Add(_labelEnd[bv]);
            v = _endpoint[_labelEnd[bv]];
            bv = _inBlossom[v];
        }

        children.Add(bb);
        children.Reverse();
        endpoints.Reverse();
        endpoints.Add(2 * k);
        while (bw != bb)
        {
            _blossomParent[bw] = b;
            children.Add(bw);
            endpoints.Add(_labelEnd[bw] ^ 1);
            w = _endpoint[_labelEnd[bw]];
            bw = _inBlossom[w];
        }

        _label[b] = 1;
        _labelEnd[b] = _labelEnd[bb];
        _dual[b] = 0;
        _blossomChildren[b] = children.ToArray();
        _blossomEndpoints[b] = endpoints.ToArray();
        _leaves.Clear();
        Leaves(b, _leaves);
        foreach (var leaf in _leaves)
        {
            if (_label[_inBlossom[leaf]] == 2)
            {
                _queue.Add(leaf);   // a T-vertex becomes S inside the new S-blossom
            }

            _inBlossom[leaf] = b;
        }

        // The least-slack edge from the new blossom to each neighbouring S-blossom.
        var touched = new List<int>();
        foreach (var child in children)
        {
            if (_blossomBestEdges[child] is { } best)
            {
                foreach (var edge in best)
                {
                    ConsiderBestEdge(b, edge, touched);
                }
            }
            else
            {
                _leaves.Clear();
                Leaves(child, _leaves);
                foreach (var leaf in _leaves)
                {
                    for (var i = _neighbourStart[leaf]; i < _neighbourStart[leaf + 1]; i++)
                    {
                        ConsiderBestEdge(b, _neighbours[i].End >> 1, touched);
                    }
                }
            }

            _blossomBestEdges[child] = null;
            _bestEdge[child] = -1;
        }

        touched.Sort();
        var bestEdges = new int[touched.Count];
        _bestEdge[b] = -1;
        for (var i = 0; i < touched.Count; i++)
        {
            bestEdges[i] = _bestEdgeTo[touched[i]];
            _bestEdgeTo[touched[i]] = -1;
            if (_bestEdge[b] == -1 || Slack(bestEdges[i]) < Slack(_bestEdge[b]))
            {
                _bestEdge[b] = bestEdges[i];
            }
        }

        _blossomBestEdges[b] = bestEdges;
    }

    private void ConsiderBestEdge(int b, int edge, List<int> touched)
    {
        var (u, v, _) = _edges[edge];
        var j = _inBlossom[v] == b ? u : v;
        var bj = _inBlossom[j];
        if (bj != b && _label[bj] == 1)
        {
            if (_bestEdgeTo[bj] == -1)
            {
                touched.Add(bj);
                _bestEdgeTo[bj] = edge;
            }
            else if (Slack(edge) < Slack(_bestEdgeTo[bj]))
            {
                _bestEdgeTo[bj] = edge;
            }
        }
    }

    /// <summary>Turns a top-level blossom's children back into top-level blossoms (relabelling them mid-stage).</summary>
    private void ExpandBlossom(int b, bool endOfStage)
    {
        var children = _blossomChildren[b]!;
        var endpoints = _blossomEndpoints[b]!;
        foreach (var s in children)
        {
            _blossomParent[s] = -1;
            if (s < _n)
            {
                _inBlossom[s] = s;
            }
            else if (endOfStage && _dual[s] == 0)
            {
                ExpandBlossom(s, endOfStage);
            }
            else
            {
                var leaves = new List<int>();
                Leaves(s, leaves);
                foreach (var leaf in leaves)
                {
                    _inBlossom[leaf] = s;
                }
            }
        }

        if (!endOfStage && _label[b] == 2)
        {
            // Relabel from the child the blossom's T label came through, round to the base, on the even-length side.
            var entryChild = _inBlossom[_endpoint[_labelEnd[b] ^ 1]];
            var j = Array.IndexOf(children, entryChild);
            int step, trick;
            if ((j & 1) != 0)
            {
                j -= children.Length;
                step = 1;
                trick = 0;
            }
            else
            {
                step = -1;
                trick = 1;
            }

            var p = _labelEnd[b];
            while (j != 0)
            {
                _label[_endpoint[p ^ 1]] = 0;
                _label[_endpoint[At(endpoints, j - trick) ^ trick ^ 1]] = 0;
                AssignLabel(_endpoint[p ^ 1], 2, p);
                _allowEdge[At(endpoints, j - trick) >> 1] = true;
                j += step;
                p = At(endpoints, j - trick) ^ trick;
                _allowEdge[p >> 1] = true;
                j += step;
            }

            // The base child becomes T without passing the label on to its mate.
            var bv = At(children, j);
            _label[_endpoint[p ^ 1]] = _label[bv] = 2;
            _labelEnd[_endpoint[p ^ 1]] = _labelEnd[bv] = p;
            _bestEdge[bv] = -1;
            j += step;
            while (At(children, j) != entryChild)
            {
                bv = At(children, j);
                if (_label[bv] == 1)
                {
                    j += step;   // already S through a neighbour
                    continue;
                }

                var leaves = new List<int>();
                Leaves(bv, leaves);
                var reached = leaves.FindIndex(leaf => _label[leaf] != 0);
                if (reached >= 0)
                {
                    var leaf = leaves[reached];
                    _label[leaf] = 0;
                    _label[_endpoint[_mate[_blossomBase[bv]]]] = 0;
                    AssignLabel(leaf, 2, _labelEnd[leaf]);
                }

                j += step;
            }
        }

        _label[b] = _labelEnd[b] = -1;
        _blossomChildren[b] = _blossomEndpoints[b] = null;
        _blossomBase[b] = -1;
        _blossomBestEdges[b] = null;
        _bestEdge[b] = -1;
        _unusedBlossoms.Push(b);
    }

    /// <summary>Swaps matched and unmatched edges on the path through blossom b from vertex v to its base.</summary>
    private void AugmentBlossom(int b, int v)
    {
        var t = v;
        while (_blossomParent[t] != b)
        {
            t = _blossomParent[t];
        }

        if (t >= _n)
        {
            AugmentBlossom(t, v);
        }

        var children = _blossomChildren[b]!;
        var endpoints = _blossomEndpoints[b]!;
        var i = Array.IndexOf(children, t);
        var j = i;
        int step, trick;
        if ((i & 1) != 0)
        {
            j -= children.Length;
            step = 1;
            trick = 0;
        }
        else
        {
            step = -1;
            trick = 1;
        }

        while (j != 0)
        {
            j += step;
            t = At(children, j);
            var p = At(endpoints, j - trick) ^ trick;
            if (t >= _n)
            {
                AugmentBlossom(t, _endpoint[p]);
            }

            j += step;
            t = At(children, j);
            if (t >= _n)
            {
                AugmentBlossom(t, _endpoint[p ^ 1]);
            }

            _mate[_endpoint[p]] = p ^ 1;
            _mate[_endpoint[p ^ 1]] = p;
        }

        // Rotate so that the new base comes first.
        _blossomChildren[b] = [.. children[i..], .. children[..i]];
        _blossomEndpoints[b] = [.. endpoints[i..], .. endpoints[..i]];
        _blossomBase[b] = _blossomBase[_blossomChildren[b]![0]];
    }

    /// <summary>Augments along the path through S-S edge k between two single vertices' trees.</summary>
    private void AugmentMatching(int k)
    {
        for (var side = 0; side < 2; side++)
        {
            var s = side == 0 ? _edges[k].U : _edges[k].V;
            var p = (2 * k) + 1 - side;
            while (true)
            {
                var bs = _inBlossom[s];
                if (bs >= _n)
                {
                    AugmentBlossom(bs, s);
                }

                _mate[s] = p;
                if (_labelEnd[bs] == -1)
                {
                    break;   // reached the single vertex at the root
                }

                var t = _endpoint[_labelEnd[bs]];
                var bt = _inBlossom[t];
                s = _endpoint[_labelEnd[bt]];
                var j = _endpoint[_labelEnd[bt] ^ 1];
                if (bt >= _n)
                {
                    AugmentBlossom(bt, j);
                }

                _mate[j] = _labelEnd[bt];
                p = _labelEnd[bt] ^ 1;
            }
        }
    }

    /// <summary>
    /// Twice the slack of an edge (i, j) of weight w under the final duals, whether or not the edge was in the graph:
    /// 2·(u_i + u_j − w + Σ z_B over the blossoms holding both ends). Negative means the duals do not cover the edge,
    /// so the matching found may not be optimal once the edge is added. Valid after <see cref="Run"/>.
    /// </summary>
    public long DoubledSlack(int i, int j, long w)
    {
        var slack = _dual[i] + _dual[j] - (2 * w);
        if (_blossomParent[i] == -1 || _blossomParent[j] == -1)
        {
            return slack;   // at least one end is in no blossom: no blossom holds both
        }

        // Blossoms nest, so the ones holding both ends are the common top of both chains of parents.
        _leaves.Clear();
        for (var b = _blossomParent[i]; b != -1; b = _blossomParent[b])
        {
            _leaves.Add(b);
        }

        var top = _leaves.Count;
        var chainOfJ = new List<int>();
        for (var b = _blossomParent[j]; b != -1; b = _blossomParent[b])
        {
            chainOfJ.Add(b);
        }

        for (int a = top - 1, c = chainOfJ.Count - 1; a >= 0 && c >= 0 && _leaves[a] == chainOfJ[c]; a--, c--)
        {
            slack += 2 * _dual[_leaves[a]];
        }

        return slack;
    }

    /// <summary>Appends the vertices of blossom b (b itself for a vertex).</summary>
    private void Leaves(int b, List<int> into)
    {
        if (b < _n)
        {
            into.Add(b);
            return;
        }

        foreach (var child in _blossomChildren[b]!)
        {
            Leaves(child, into);
        }
    }

    // Python-style indexing: −1 is the last element. The walks round a blossom run past index 0 either way.
    private static int At(int[] items, int i) => items[i < 0 ? i + items.Length : i];

    private readonly record struct Edge(int U, int V, long Weight);

    /// <summary>One entry of a vertex's adjacency: everything the scan needs, side by side in memory.</summary>
    private readonly record struct Neighbour(int Vertex, int End, long DoubleWeight);

    private static int[] Filled(int length, int value)
    {
        var array = new int[length];
        Array.Fill(array, value);
        return array;
    }
}
