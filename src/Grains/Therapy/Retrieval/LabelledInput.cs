namespace TrtOrleans.Therapy.Retrieval;

/// <summary>One line of a retrieval-quality set: a client input, the rag_query it is retrieved under and the
/// exemplar a reviewer judged the best match.</summary>
public sealed record LabelledInput(string RagQuery, string BestExemplarId, string Input)
{
    /// <summary>Reads <c>rag_query TAB exemplar_id TAB input</c> lines; blank lines and <c>#</c> comments are
    /// skipped. A malformed line throws <see cref="InvalidDataException"/> with its line number.</summary>
    public static IReadOnlyList<LabelledInput> LoadTsv(string path)
    {
        var result = new List<LabelledInput>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
            {
                throw new InvalidDataException($"line {number}: expected rag_query<TAB>exemplar id<TAB>input");
            }

            result.Add(new LabelledInput(parts[0], parts[1], parts[2]));
        }

        return result;
    }
}
