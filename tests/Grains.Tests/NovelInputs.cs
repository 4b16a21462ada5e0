namespace TrtOrleans.Grains.Tests;

/// <summary>Client lines of 40-200 characters that never repeat (as with real people): the straight path first, then
/// deterministic recombinations of varied fragments, so compression meets text it has not seen before.</summary>
internal static class NovelInputs
{
    private static readonly string[] Openers =
    [
        "Honestly", "I guess", "Well, today", "When I think about it", "Lately", "This morning", "Since we talked",
        "To be fair", "Right now", "If I'm honest",
    ];

    private static readonly string[] Middles =
    [
        "my sister called about the wedding budget", "the landlord sent another letter about repairs",
        "my knee hurt on the stairs at the station", "the night shift swapped again without asking me",
        "our dog kept barking at the neighbours' scaffolding", "a parcel from my grandmother arrived torn open",
        "the bus to the clinic was cancelled twice", "my flatmate left the oven on overnight",
        "the allotment flooded after the storm", "my manager moved the review to Friday afternoon",
        "the bank froze my card while I was abroad", "my son refused to go to football practice",
    ];

    private static readonly string[] Endings =
    [
        "and my stomach tightened", "so I went for a walk by the canal", "which left a dull ache behind my eyes",
        "and I noticed my jaw clenching", "but I breathed slower and it passed", "and my hands went cold",
        "so I sat in the car for ten minutes", "and I kept replaying it at dinner",
    ];

    public static string Line(int i) => i < ConversationScripts.StraightPath.Length
        ? ConversationScripts.StraightPath[i]
        : $"{Openers[i % Openers.Length]}, {Middles[i * 7 % Middles.Length]} {Endings[i * 5 % Endings.Length]} (day {i}).";
}
