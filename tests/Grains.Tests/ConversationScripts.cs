namespace TrtOrleans.Grains.Tests;

/// <summary>Client lines of trt-engine.md §17 W1 (the straight path to stage_1_complete).</summary>
internal static class ConversationScripts
{
    public static readonly string[] StraightPath =
    [
        "Hi. I've been on edge for weeks.",
        "I'd like to feel settled again",
        "Yes, that's exactly it",
        "Makes sense to me",
        "Money. The rent went up and I can't cover it",
        "A tight band across my chest",
        "Yes, it's there right now",
        "I notice it every time I open my banking app",
        "No, that covers it",
        "Sure, let's try",
        "A little calmer",
        "Calmer again",
        "Much more relaxed",
        "Lighter, thank you",
    ];
}
