namespace TrtOrleans.Therapy.Engine;

/// <summary>The reply text and how it was produced. <paramref name="Path"/> is set when the LLM was asked to phrase it
/// (appended to navigation.reasoning).</summary>
internal sealed record ComposedReply(string Text, string? Path, IReadOnlyList<string> Analytics)
{
    public override string ToString() => $"ComposedReply {{ Chars = {Text.Length}, Path = {Path} }}";
}
