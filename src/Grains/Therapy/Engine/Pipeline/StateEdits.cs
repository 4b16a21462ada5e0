using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>Small edits of the turn's state copy shared by the stages: transitions, events, bounded lists.</summary>
internal static class StateEdits
{
    /// <summary>A transition (docs/engine.md "Transitions"): records it and restarts the substate's turn count.</summary>
    public static void Transition(EngineState s, string to, string reason, DateTimeOffset now)
    {
        var from = s.CurrentSubstate;
        s.CurrentSubstate = to;
        s.SubstateEnteredTurn = s.TurnCount;
        s.TurnsInSubstate = 0;
        AddEvent(s, "substate_advanced", $"{from} -> {to} ({reason})", now);
        if (to == Substates.Complete)
        {
            s.Status = "completed";
            s.CompletedAt ??= now;
        }
    }

    public static void AddEvent(EngineState s, string name, string detail, DateTimeOffset now)
    {
        s.CompletionEvents.Add(new CompletionEvent { Event = name, Turn = s.TurnCount, Timestamp = now, Detail = detail });
        Trim(s.CompletionEvents, EngineState.CompletionEventsCap);
    }

    public static void Trim<T>(List<T> list, int cap)
    {
        if (list.Count > cap)
        {
            list.RemoveRange(0, list.Count - cap);
        }
    }

    /// <summary>Adds a value as the latest entry (moving it if already present) and drops the oldest beyond the cap.</summary>
    public static void AddLatest(List<string> list, string value, int cap)
    {
        list.Remove(value);
        list.Add(value);
        Trim(list, cap);
    }

    public static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text[..max];
        var space = cut.LastIndexOf(' ');
        return space > max / 2 ? cut[..space] : cut;
    }
}
