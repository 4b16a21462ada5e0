using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

/// <summary>What an answer adds to the session's lists and criteria (docs/engine.md "Answer interpretation"). Every
/// flag comes from client input, never from the engine's own reply.</summary>
internal static class AnswerRecorder
{
    /// <summary>The first matching answer type.</summary>
    public static string AnswerType(TurnScope t)
    {
        var a = t.A;
        var ans = a.Answers;
        var body = a.Body;
        if (ans.NothingMore) return "nothing_more";
        if (body.Absent) return "body_absent";
        if (t.F.NewEmotions.Count > 0) return "emotion";
        if (body.Locations.Count > 0) return "body_location";
        if (body.Sensations.Count > 0) return "sensation_quality";
        if (body.PresentCue) return "present_moment";
        if (a.Goal.Recognised) return "goal";
        if (t.F.NewTopics.Count > 0) return "new_problem_mentioned";
        if (a.Problem.PatternAnswer) return "pattern";
        if (ans.Affirm) return "affirmation";
        if (ans.Decline) return "decline";
        if (ans.Confusion || ans.IdkAnswer) return "confusion";
        return "general_response";
    }

    public static void RecordEmotions(TurnScope t)
    {
        foreach (var word in t.A.Emotion.NegativeWords)
        {
            StateEdits.AddLatest(t.S.Emotions, word, EngineState.EmotionsCap);
            t.C.EmotionIdentified = true;
            t.C.EmotionContent = word;
        }
    }

    public static void RecordBody(TurnScope t)
    {
        var s = t.S;
        var body = t.A.Body;
        foreach (var location in body.Locations)
        {
            StateEdits.AddLatest(s.BodyLocations, location, EngineState.BodyListCap);
            t.C.BodyAwarenessPresent = true;
        }

        foreach (var sensation in body.Sensations)
        {
            StateEdits.AddLatest(s.Sensations, sensation, EngineState.BodyListCap);
            t.C.BodyAwarenessPresent = true;
        }
    }

    public static void RecordProblem(TurnScope t)
    {
        var problem = t.A.Problem;
        foreach (var topic in problem.Topics)
        {
            StateEdits.AddLatest(t.S.ProblemTopics, topic, EngineState.ProblemTopicsCap);
        }

        if (problem.Topics.Count > 0)
        {
            t.C.ProblemIdentified = true;
            t.C.ProblemContent = StateEdits.Cut("topic: " + string.Join(" ", problem.Topics.Distinct().Take(2)),
                EngineState.ContentMaxChars);
        }
        else if (!string.IsNullOrWhiteSpace(problem.Statement))
        {
            t.C.ProblemIdentified = true;
            t.C.ProblemContent = StateEdits.Cut(problem.Statement, EngineState.ContentMaxChars);
        }
    }
}
