using System.Text;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>Amendment A7 (docs/engine.md "Amendments"): leave-taking is never consent. An answer with a leave-taking
/// cue ends the session with a respectful close — in 3.1.5 as a decline, in 3.2 as a stop. The crisis gates run first
/// and always win; a session already complete keeps its own closing rules.</summary>
internal static class LeaveTakingGate
{
    // Matched on whole words of the corrected input; "okay, bye" is leave-taking, not agreement.
    private static readonly string[] Cues =
    [
        "bye", "goodbye", "good bye", "bye bye", "have to go", "got to go", "gotta go", "need to go", "talk later",
        "see you", "that's enough for today", "that is enough for today", "thats enough for today",
    ];

    private static readonly string[] Negators = ["not", "don't", "dont", "never"];

    public static TurnOutline? TryTake(TurnScope t)
    {
        var s = t.S;
        if (s.CurrentSubstate == Substates.Complete || !Detected(t.A.CorrectedInput))
        {
            return null;
        }

        s.LastClientProvidedInfo = "leave_taking";
        TurnPlan plan;
        if (s.CurrentSubstate == Substates.AlphaPermission)
        {
            plan = Entries.CloseWithoutExercise(t, "client_left", "A7 leave-taking; decline and close", RuleId.A7);
        }
        else if (s.CurrentSubstate == Substates.AlphaSequence)
        {
            plan = AlphaNavigator.Stop(t, "client_left", "A7 leave-taking; stop the exercise and close", RuleId.A7);
        }
        else
        {
            s.ClosingReason = "client_left";
            StateEdits.Transition(s, Substates.Complete, "client_left", t.Now);
            plan = new TurnPlan(RuleId.A7, Decisions.CloseSession, Situations.SessionClosing, null, Intents.Closing,
                "A7 leave-taking; close and invite back");
        }

        return new TurnOutline(plan);
    }

    /// <summary>A leave-taking cue not directly negated ("i do not have to go" is not leave-taking).</summary>
    internal static bool Detected(string text)
    {
        var words = Words(text);
        foreach (var cue in Cues)
        {
            var cueWords = cue.Split(' ');
            for (var i = 0; i + cueWords.Length <= words.Count; i++)
            {
                if (Matches(words, i, cueWords) && !Negated(words, i))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Matches(List<string> words, int at, string[] cue)
    {
        for (var j = 0; j < cue.Length; j++)
        {
            if (words[at + j] != cue[j])
            {
                return false;
            }
        }

        return true;
    }

    private static bool Negated(List<string> words, int at)
    {
        for (var k = Math.Max(0, at - 2); k < at; k++)
        {
            if (Negators.Contains(words[k]))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Words(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            sb.Append(char.IsLetterOrDigit(ch) || ch == '\'' ? ch : ch == '\u2019' ? '\'' : ' ');
        }

        return [.. sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }
}
