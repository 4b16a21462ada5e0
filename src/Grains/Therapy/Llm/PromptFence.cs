using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TrtOrleans.Therapy.Llm;

/// <summary>Prompt hygiene (docs/engine.md "LLM use"). Client text, history, exemplars and the draft are data: each block is wrapped in
/// markers carrying 16 random hex characters chosen per call, so text inside a block cannot guess or forge the end
/// marker. Anything that looks like a marker is removed from inserted text first.</summary>
internal sealed partial class PromptFence
{
    public const int ClientTextCap = 1000;
    private const int HistoryTextCap = 500;

    public PromptFence()
        : this(RandomNumberGenerator.GetHexString(16, lowercase: true))
    {
    }

    internal PromptFence(string token) => Token = token;

    /// <summary>The per-call random part of every marker.</summary>
    public string Token { get; }

    public string Open(string block) => $"<<<{block}_{Token}>>>";

    public string Close(string block) => $"<<<END_{block}_{Token}>>>";

    /// <summary>Wraps cleaned text in the block's markers.</summary>
    public string Wrap(string block, string text) => $"{Open(block)}\n{text}\n{Close(block)}";

    /// <summary>Removes marker-like sequences and control characters, then caps the length at a word boundary.</summary>
    public string Clean(string? text, int cap)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Whole marker names first, then any stray copy of this call's token.
        var cleaned = MarkerLike().Replace(text, string.Empty);
        cleaned = cleaned.Replace(Token, string.Empty, StringComparison.OrdinalIgnoreCase);
        // Repeat until stable: removing one run can join two halves into a new one ("<<" + "<<<x" → "<<<").
        string previous;
        do
        {
            previous = cleaned;
            cleaned = AngleRun().Replace(cleaned, string.Empty);
        }
        while (cleaned.Length != previous.Length);

        var builder = new StringBuilder(cleaned.Length);
        foreach (var c in cleaned)
        {
            builder.Append(char.IsControl(c) && c != '\n' ? ' ' : c);
        }

        return CapAtWord(builder.ToString().Trim(), cap);
    }

    public string CleanClient(string? text) => Clean(text, ClientTextCap);

    public string CleanHistory(string? text) => Clean(text, HistoryTextCap);

    /// <summary>True when the text carries this call's marker or any marker-like sequence (docs/engine.md "LLM use" post-filter).</summary>
    public bool Leaks(string text) =>
        text.Contains(Token, StringComparison.OrdinalIgnoreCase)
        || text.Contains("<<<", StringComparison.Ordinal)
        || text.Contains(">>>", StringComparison.Ordinal)
        || MarkerLike().IsMatch(text);

    internal static string CapAtWord(string text, int cap)
    {
        if (text.Length <= cap)
        {
            return text;
        }

        var cut = text.LastIndexOfAny([' ', '\n', '\t'], cap);
        return (cut > 0 ? text[..cut] : text[..cap]).TrimEnd();
    }

    [GeneratedRegex(@"(END_)?[A-Z]+_[0-9a-fA-F]{16}")]
    private static partial Regex MarkerLike();

    [GeneratedRegex(@"<{3,}|>{3,}")]
    private static partial Regex AngleRun();
}
