using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Text;

public sealed partial class TextAnalyzer
{
    // docs/engine.md "Text normalisation and detectors" body detectors.
    private static BodyAnalysis DetectBody(AnalysisContext cx, QuestionKind pending)
    {
        var absentClauses = new HashSet<int>();
        foreach (var m in cx.Get(ListNames.BodyAbsent)) absentClauses.Add(m.Clause);
        var topicClauses = new HashSet<int>();
        foreach (var m in cx.Get(ListNames.ProblemTopic))
        {
            if (!cx.IsNegated(m.Start)) topicClauses.Add(m.Clause);
        }

        var locations = new List<string>();
        var locationClauses = new HashSet<int>();
        foreach (var m in AnalysisContext.Longest(cx.Get(ListNames.BodyLocation)))
        {
            if (absentClauses.Contains(m.Clause) || cx.IsNegated(m.Start)) continue;
            locationClauses.Add(m.Clause);
            AddDistinct(locations, cx.Text(m));
        }

        // A4: a change in a sensation ("it is easing", "less heavy now") is presence with a sensation. Not in a
        // goal context: "i want to feel lighter" is a wish, not a report.
        var goalContext = pending is QuestionKind.Goal or QuestionKind.GoalMenu or QuestionKind.GoalRefine or QuestionKind.VisionCheck;
        var desireClauses = new HashSet<int>();
        foreach (var m in cx.Get(ListNames.GoalDesire)) desireClauses.Add(m.Clause);
        bool ChangeAllowed(int clause) => !goalContext && !desireClauses.Contains(clause) && !topicClauses.Contains(clause);
        var changeClauses = new HashSet<int>();
        var changeWords = new List<string>();
        var improving = false;
        foreach (var m in AnalysisContext.Longest(cx.Get(ListNames.BodyChange)))
        {
            if (cx.IsNegated(m.Start) || absentClauses.Contains(m.Clause) || !ChangeAllowed(m.Clause)) continue;
            changeClauses.Add(m.Clause);
            AddDistinct(changeWords, cx.Text(m));
            if (m.Entry.Category == "better") improving = true;
        }

        var sensations = new List<string>();
        foreach (var m in AnalysisContext.Longest(cx.Get(ListNames.BodySensation)))
        {
            if (absentClauses.Contains(m.Clause)) continue;
            var reducedWord = ReducedSensation(cx, m);
            // "less weighed down" as an answer to the goal question is a wish, not a report.
            if (reducedWord && !ChangeAllowed(m.Clause)) continue;
            var reduced = reducedWord;
            if (cx.IsNegated(m.Start) && !reduced) continue;
            if (reduced)
            {
                changeClauses.Add(m.Clause);
                improving = true;
            }

            var anchored = locationClauses.Contains(m.Clause) || changeClauses.Contains(m.Clause);
            bool counts;
            if (topicClauses.Contains(m.Clause))
            {
                // "the deadlines are tight": in a problem clause only a body location makes it a sensation.
                counts = anchored;
            }
            else
            {
                counts = anchored || cx.HasFrame(m.Start) || cx.WordCount <= 4 || pending == QuestionKind.Sensation;
            }
            if (counts) AddDistinct(sensations, cx.Text(m));
        }

        var present = false;
        foreach (var m in cx.Get(ListNames.BodyPresent))
        {
            // "i can not feel anything right now" is an absent answer, not a present-moment one.
            if (!cx.IsNegated(m.Start) && !absentClauses.Contains(m.Clause)) { present = true; break; }
        }
        var changing = changeClauses.Count > 0;
        if (changing)
        {
            present = true;
            // "it is fading": the change itself is what they notice in the body.
            if (sensations.Count == 0) sensations.AddRange(changeWords);
        }
        return new BodyAnalysis(locations, sensations, absentClauses.Count > 0, present)
        {
            Changing = changing,
            Improving = improving,
        };
    }

    /// <summary>A sensation right after a reduction ("less heavy", "not as tight"), fillers allowed between.</summary>
    private static bool ReducedSensation(AnalysisContext cx, LexMatch sensation)
    {
        foreach (var p in cx.Get(ListNames.BodyChangePrefix))
        {
            if (p.Clause == sensation.Clause && p.End <= sensation.Start && AllFillers(cx, p.End, sensation.Start)) return true;
        }
        return false;
    }

    // docs/engine.md "Text normalisation and detectors" problem and pattern detectors.
    private static ProblemAnalysis DetectProblem(AnalysisContext cx, QuestionKind pending, BodyAnalysis body,
        EmotionAnalysis emotion)
    {
        var topics = new List<string>();
        foreach (var m in AnalysisContext.Longest(cx.Get(ListNames.ProblemTopic)))
        {
            // Only a negator right before the topic ("no work today", "not my boss") negates it: in "i can not
            // cope with work" the work is the problem.
            if (!TopicNegated(cx, m.Start)) AddDistinct(topics, cx.Text(m));
        }
        string? statement = null;
        foreach (var m in AnalysisContext.Longest(cx.Get(ListNames.ProblemStatement)))
        {
            if (cx.IsNegated(m.Start)) continue;
            statement = cx.Text(m);
            break;
        }
        var cues = cx.Get(ListNames.PatternCue);
        var patternCue = cues.Count > 0;
        // "no idea when it starts" holds a cue but answers nothing.
        var unknowing = cx.Get(ListNames.Idk).Count > 0;
        var answer = pending == QuestionKind.Pattern && patternCue && cx.WordCount >= 5 && !unknowing;
        if (!answer && !unknowing && cx.WordCount >= 8
            && (emotion.NegativeWords.Count > 0 || body.Locations.Count > 0 || body.Sensations.Count > 0))
        {
            foreach (var c in cues)
            {
                if (c.Entry.General) { answer = true; break; }
            }
        }
        return new ProblemAnalysis(topics, statement, patternCue, answer);
    }

    private static bool TopicNegated(AnalysisContext cx, int start)
    {
        var clauseStart = cx.ClauseStart[cx.ClauseOf[start]];
        for (var j = start - 1; j >= Math.Max(clauseStart, start - 2); j--)
        {
            if (cx.IsNegatorAt(j)) return true;
        }
        return false;
    }
}
