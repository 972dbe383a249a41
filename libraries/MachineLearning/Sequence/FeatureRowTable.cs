using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SpecialistPlatform.MachineLearning.Sequence;

/// <summary>
/// Feature key to weight row for tagging, by open addressing with linear probing, with each slot holding its key
/// and its weights side by side ([key as two floats][T weights]), so a lookup costs one cache miss instead of a
/// dictionary bucket, an entry and a separate weight row. Keys are well-mixed 64-bit hashes: their low bits index
/// the table directly. Key 0 marks an empty slot, so a real key 0 (one chance in 2^64) is kept aside.
/// Beside the slots, one byte per slot holds a fingerprint of its key (0 when empty): most keys a text produces are
/// not in a pruned table (rare word pairs), and the fingerprints, a few hundred kilobytes that stay in cache, turn
/// nearly every such lookup away without touching the megabytes of weights.
/// </summary>
internal sealed class FeatureRowTable
{
    private readonly float[] _slots;
    private readonly int _stride;
    private readonly int _tags;
    private readonly int _mask;
    private readonly float[]? _zeroKeyRow;
    private readonly byte[] _fingerprints;

    public FeatureRowTable(ulong[] keys, float[] weights, int tags)
    {
        _tags = tags;
        _stride = tags + 2;
        var capacity = 16;
        while (capacity * 2 < keys.Length * 3)
        {
            capacity <<= 1;
        }
        _slots = new float[(long)capacity * _stride <= Array.MaxLength ? capacity * _stride : throw new ArgumentException("Too many feature rows.")];
        _mask = capacity - 1;
        _fingerprints = new byte[capacity];
        var seen = new HashSet<ulong>(keys.Length);
        for (var r = 0; r < keys.Length; r++)
        {
            var key = keys[r];
            if (!seen.Add(key))
            {
                throw new ArgumentException("Feature keys are not unique.");
            }
            var row = weights.AsSpan(r * tags, tags);
            if (key == 0)
            {
                _zeroKeyRow = row.ToArray();
                continue;
            }
            var slot = (int)(key & (ulong)_mask);
            while (KeyAt(slot) != 0)
            {
                slot = (slot + 1) & _mask;
            }
            MemoryMarshal.Write(MemoryMarshal.AsBytes(_slots.AsSpan(slot * _stride, 2)), in key);
            _fingerprints[slot] = Fingerprint(key);
            row.CopyTo(_slots.AsSpan(slot * _stride + 2, tags));
        }
    }

    /// <summary>The key's top byte, never 0 (which marks an empty slot); the slot index comes from the low bits, so the two are independent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Fingerprint(ulong key) => (byte)Math.Max(1, key >> 56);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong KeyAt(int slot) => MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(_slots.AsSpan(slot * _stride, 2)));

    /// <summary>
    /// The key's weights (one per tag), empty for an unknown key: the same row <see cref="Accumulate"/> adds, for
    /// callers that cache the rows of keys they look up again and again.
    /// </summary>
    public ReadOnlySpan<float> Row(ulong key)
    {
        if (key == 0)
        {
            return _zeroKeyRow;
        }
        var slot = (int)(key & (ulong)_mask);
        var fingerprint = Fingerprint(key);
        while (true)
        {
            var f = _fingerprints[slot];
            if (f == 0)
            {
                return default;
            }
            if (f == fingerprint && KeyAt(slot) == key)
            {
                return _slots.AsSpan(slot * _stride + 2, _tags);
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Adds the key's weights to <paramref name="scores"/>; false (and nothing added) for an unknown key.</summary>
    public bool Accumulate(ulong key, Span<double> scores)
    {
        if (key == 0)
        {
            if (_zeroKeyRow is null)
            {
                return false;
            }
            for (var y = 0; y < _tags; y++)
            {
                scores[y] += _zeroKeyRow[y];
            }
            return true;
        }
        var slot = (int)(key & (ulong)_mask);
        var fingerprint = Fingerprint(key);
        while (true)
        {
            var f = _fingerprints[slot];
            if (f == 0)
            {
                return false;
            }
            if (f == fingerprint && KeyAt(slot) == key)
            {
                var w = _slots.AsSpan(slot * _stride + 2, _tags);
                for (var y = 0; y < w.Length; y++)
                {
                    scores[y] += w[y];
                }
                return true;
            }
            slot = (slot + 1) & _mask;
        }
    }
}
