namespace Network.Benchmarking.Matching;

/// <summary>
/// The best <c>k</c> of a stream of (score, city) pairs, higher score first, ties to the lower city index (the
/// period orders cities by id, so ties go to the smaller id). A min-heap of size k: a candidate that does not beat
/// the worst kept is rejected with one comparison, which is almost every candidate in a large network.
/// </summary>
internal sealed class TopK
{
    private readonly double[] _score;
    private readonly int[] _city;

    public TopK(int capacity)
    {
        _score = new double[Math.Max(capacity, 1)];
        _city = new int[_score.Length];
    }

    public int Count { get; private set; }

    /// <summary>The lowest score kept; only meaningful when <see cref="Count"/> is above 0.</summary>
    public double LowestScore => _score[0];

    public void Offer(double score, int city)
    {
        if (Count < _score.Length)
        {
            var i = Count++;
            _score[i] = score;
            _city[i] = city;
            SiftUp(i);
        }
        else if (Worse(_score[0], _city[0], score, city))
        {
            _score[0] = score;
            _city[0] = city;
            SiftDown(0);
        }
    }

    /// <summary>The kept cities, best first.</summary>
    public int[] Best()
    {
        var order = Enumerable.Range(0, Count).ToArray();
        Array.Sort(order, (a, b) => Worse(_score[a], _city[a], _score[b], _city[b]) ? 1 : Worse(_score[b], _city[b], _score[a], _city[a]) ? -1 : 0);
        return Array.ConvertAll(order, i => _city[i]);
    }

    // Whether (s1, c1) ranks below (s2, c2).
    private static bool Worse(double s1, int c1, double s2, int c2) => s1 < s2 || (s1 == s2 && c1 > c2);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Worse(_score[i], _city[i], _score[parent], _city[parent]))
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= Count)
            {
                return;
            }

            var worst = left;
            var right = left + 1;
            if (right < Count && Worse(_score[right], _city[right], _score[left], _city[left]))
            {
                worst = right;
            }

            if (!Worse(_score[worst], _city[worst], _score[i], _city[i]))
            {
                return;
            }

            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_score[a], _score[b]) = (_score[b], _score[a]);
        (_city[a], _city[b]) = (_city[b], _city[a]);
    }
}
