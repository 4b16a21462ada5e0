using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Text;

public sealed partial class TextAnalyzer
{
    // §5.7 body detectors.
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

        var sensations = new List<string>();
        foreach (var m in AnalysisContext.Longest(cx.Get(ListNames.BodySensation)))
        {
            if (absentClauses.Contains(m.Clause) || cx.IsNegated(m.Start)) continue;
            var anchored = locationClauses.Contains(m.Clause);
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
            if (!cx.IsNegated(m.Start)) { present = true; break; }
        }
        return new BodyAnalysis(locations, sensations, absentClauses.Count > 0, present);
    }

    // §5.8 problem and pattern detectors.
    private static ProblemAnalysis DetectProblem(AnalysisContext cx, QuestionKind pending, BodyAnalysis body,
        EmotionAnalysis emotion)
    {
        var topics = new List<string>();
        foreach (var m in AnalysisContext.Longest(cx.Get(ListNames.ProblemTopic)))
        {
            if (!cx.IsNegated(m.Start)) AddDistinct(topics, cx.Text(m));
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
        var answer = pending == QuestionKind.Pattern && patternCue && cx.WordCount >= 5;
        if (!answer && cx.WordCount >= 8
            && (emotion.NegativeWords.Count > 0 || body.Locations.Count > 0 || body.Sensations.Count > 0))
        {
            foreach (var c in cues)
            {
                if (c.Entry.General) { answer = true; break; }
            }
        }
        return new ProblemAnalysis(topics, statement, patternCue, answer);
    }

    // §5.3 input category, first match.
    private static string InputCategory(AnalysisContext cx, GoalAnalysis goal, ProblemAnalysis problem, AnswerCues answers, bool isQuestion)
    {
        foreach (var m in cx.Get(ListNames.DesireCategory))
        {
            if (!cx.IsNegated(m.Start)) return "goal_statement";
        }
        if (goal.Recognised && goal.StateFree) return "goal_statement";
        if (problem.Statement is not null) return "problem_description";
        foreach (var m in cx.Get(ListNames.ProblemWord))
        {
            if (!cx.IsNegated(m.Start)) return "problem_description";
        }
        if (cx.Get(ListNames.FeelingFrame).Count > 0 || IAmFeeling(cx)) return "feeling_statement";
        if (isQuestion) return "question";
        foreach (var m in cx.Get(ListNames.Answer))
        {
            if (m.Entry.Category == "AFFIRM" && m.Start == 0 && !cx.IsNegated(m.Start)) return "affirmation";
        }
        if (answers.BareAffirm) return "affirmation";
        foreach (var m in cx.Get(ListNames.Greeting))
        {
            if (m.Start == 0) return "greeting";
        }
        return "general_statement";
    }

    // `i am [adv]` + an emotion or state word.
    private static bool IAmFeeling(AnalysisContext cx)
    {
        for (var i = 0; i + 2 < cx.WordCount; i++)
        {
            if (cx.Words[i] != "i" || cx.Words[i + 1] != "am" || cx.ClauseOf[i + 1] != cx.ClauseOf[i]) continue;
            var clause = cx.ClauseOf[i];
            var p = i + 2;
            foreach (var list in (string[])[ListNames.Emotion, ListNames.GoalState])
            {
                foreach (var m in cx.Get(list))
                {
                    if (m.Clause != clause || m.Start < p) continue;
                    if (AllFillers(cx, p, m.Start)) return true;
                }
            }
        }
        return false;
    }

    private static bool AllFillers(AnalysisContext cx, int from, int to)
    {
        var p = from;
        while (p < to)
        {
            if (!cx.Trie.IsFiller(cx.Words, p, to, out var next)) return false;
            p = next;
        }
        return true;
    }

    // §5.3/§5.6: ends with `?`, or the first token is a wh-word or auxiliary. An auxiliary followed by `not`
    // ("do not know", "is not great") opens a statement, not a question.
    private static bool IsQuestion(AnalysisContext cx, string cleaned)
    {
        var trimmed = cleaned.AsSpan().TrimEnd(" \"'");
        if (trimmed.Length > 0 && trimmed[^1] == '?') return true;
        if (cx.WordCount == 0) return false;
        foreach (var m in cx.Get(ListNames.QuestionWord))
        {
            if (m.Start != 0) continue;
            if (m.Entry.Category == "auxiliary" && cx.WordCount > 1 && cx.Words[1] == "not") return false;
            return true;
        }
        return false;
    }
}
