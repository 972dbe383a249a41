namespace SpecialistPlatform.MachineLearning.Features;

/// <summary>
/// Counts hash buckets of one text without allocating per call: an open-addressing table whose slots
/// are invalidated by a generation stamp instead of being cleared. Keys come out in first-seen order,
/// which depends only on the text, so sums over them are bit-identical run to run.
/// </summary>
internal sealed class BucketCounter
{
    private int[] _tableKey = new int[1024];
    private int[] _tableSlot = new int[1024];
    private int[] _tableStamp = new int[1024];
    private int _stamp = 1;

    public int[] Keys { get; private set; } = new int[256];

    public float[] Counts { get; private set; } = new float[256];

    public int Count { get; private set; }

    /// <summary>The text and the feature settings whose buckets the counter holds (null after a plain clear).</summary>
    public string? Text { get; private set; }

    public object? Key { get; private set; }

    public bool Holds(string text, object key) => ReferenceEquals(Text, text) && Equals(Key, key);

    public void Label(string text, object key)
    {
        Text = text;
        Key = key;
    }

    public void Clear()
    {
        Count = 0;
        Text = null;
        Key = null;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_tableStamp);
            _stamp = 1;
        }
    }

    public void Add(int key)
    {
        if (Count * 2 >= _tableKey.Length)
        {
            Grow();
        }
        var mask = _tableKey.Length - 1;
        var i = key & mask;
        while (true)
        {
            if (_tableStamp[i] != _stamp)
            {
                _tableStamp[i] = _stamp;
                _tableKey[i] = key;
                _tableSlot[i] = Count;
                if (Count == Keys.Length)
                {
                    Keys = Resize(Keys, Count * 2);
                    Counts = Resize(Counts, Count * 2);
                }
                Keys[Count] = key;
                Counts[Count] = 1f;
                Count++;
                return;
            }
            if (_tableKey[i] == key)
            {
                Counts[_tableSlot[i]] += 1f;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    private void Grow()
    {
        var size = _tableKey.Length * 2;
        _tableKey = new int[size];
        _tableSlot = new int[size];
        _tableStamp = new int[size];
        _stamp = 1;
        var mask = size - 1;
        for (var s = 0; s < Count; s++)
        {
            var i = Keys[s] & mask;
            while (_tableStamp[i] == _stamp)
            {
                i = (i + 1) & mask;
            }
            _tableStamp[i] = _stamp;
            _tableKey[i] = Keys[s];
            _tableSlot[i] = s;
        }
    }

    private static T[] Resize<T>(T[] array, int size)
    {
        var bigger = new T[size];
        Array.Copy(array, bigger, array.Length);
        return bigger;
    }
}
