using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Retrieval;

/// <summary>Sentence vectors as the weighted mean of distilled word vectors (<see cref="WordVectors"/>): a few
/// microseconds of CPU per sentence and no model at run time. Function words count a little (so that "yes, it is
/// there now" is not an empty sentence) but much less than content words; a word outside the vocabulary is looked up
/// by its stem, then skipped.</summary>
public sealed class WordVectorEmbedder : ITextEmbedder
{
    public const string ProviderName = "wordvec";

    /// <summary>Weight of a function word relative to a content word (1), chosen on the labelled set: 0 loses short
    /// answers such as "yes, it is there now", 1 lets "i" and "the" outvote the topic.</summary>
    public const float DefaultFunctionWordWeight = 0.35f;

    private readonly Lazy<WordVectors> _lazyTable;
    private readonly float _functionWordWeight;

    /// <param name="table">The distilled table (<see cref="WordVectors.Load"/>).</param>
    /// <param name="functionWordWeight">Weight of a stop word relative to a content word (1).</param>
    public WordVectorEmbedder(WordVectors table, float functionWordWeight = DefaultFunctionWordWeight)
        : this(new Lazy<WordVectors>(table), functionWordWeight)
    {
    }

    private WordVectorEmbedder(Lazy<WordVectors> table, float functionWordWeight)
    {
        _lazyTable = table;
        _functionWordWeight = functionWordWeight;
    }

    public string Name => ProviderName;

    private WordVectors Table => _lazyTable.Value;

    /// <summary>An embedder whose table is read on first use: a missing or damaged file then surfaces when the
    /// retriever embeds the corpus at start-up, which logs it and falls back to BM25.</summary>
    public static WordVectorEmbedder FromFile(string path) =>
        new(new Lazy<WordVectors>(() => WordVectors.Load(path)), DefaultFunctionWordWeight);

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var result = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            result[i] = Embed(texts[i]);
        }

        return Task.FromResult(result);
    }

    /// <summary>The unit-length sentence vector; all zeros when no word is known.</summary>
    public float[] Embed(string text)
    {
        var table = Table;
        var sum = new float[table.Dimensions];
        var lowered = RetrievalText.Lowered(text).AsSpan();
        var start = -1;
        for (var i = 0; i <= lowered.Length; i++)
        {
            var letter = i < lowered.Length && char.IsLetterOrDigit(lowered[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                Add(table, lowered[start..i], sum);
                start = -1;
            }
        }

        VectorMath.Normalize(sum);
        return sum;
    }

    private void Add(WordVectors table, ReadOnlySpan<char> word, Span<float> sum)
    {
        var weight = RetrievalText.IsStopWord(word) ? _functionWordWeight : 1f;
        if (weight <= 0 || table.TryAccumulate(word, weight, sum))
        {
            return;
        }

        // "clenching" is not in the vocabulary but "clench" is: the BM25 stemmer's stem usually is.
        var stem = RetrievalText.Stem(word.ToString());
        if (stem.Length != word.Length)
        {
            table.TryAccumulate(stem, weight, sum);
        }
    }
}
