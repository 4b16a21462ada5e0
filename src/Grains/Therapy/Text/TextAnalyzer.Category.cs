using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Text;

public sealed partial class TextAnalyzer
{
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
        foreach (var self in cx.Get(ListNames.SelfAm))
        {
            foreach (var list in (string[])[ListNames.Emotion, ListNames.GoalState])
            {
                foreach (var m in cx.Get(list))
                {
                    if (m.Clause == self.Clause && m.Start >= self.End && AllFillers(cx, self.End, m.Start)) return true;
                }
            }
        }
        return false;
    }

    private static bool IsStatementSubject(AnalysisContext cx, int pos)
    {
        foreach (var s in cx.Get(ListNames.StatementSubject))
        {
            if (s.Start == pos) return true;
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

    // §5.3: ends with `?`, or the first token is a wh-word or auxiliary. Without a `?`, an auxiliary followed by
    // `not` ("do not know", "is not great") or a wh-word followed by a first-person subject ("when i see my boss…",
    // "what i want is peace") opens a statement, not a question.
    private static bool IsQuestion(AnalysisContext cx, string cleaned)
    {
        // The last letter, digit or sentence mark decides; trailing quotes, brackets and emoji do not.
        for (var i = cleaned.Length - 1; i >= 0; i--)
        {
            var c = cleaned[i];
            if (c == '?') return true;
            if (char.IsLetterOrDigit(c) || c is '.' or '!' or ',' or ';' or ':') break;
        }
        if (cx.WordCount == 0) return false;
        foreach (var m in cx.Get(ListNames.QuestionWord))
        {
            if (m.Start != 0) continue;
            if (m.Entry.Category == "auxiliary" && cx.WordCount > 1 && cx.Words[1] == "not") return false;
            if (m.Entry.Category == "wh" && m.End < cx.WordCount && IsStatementSubject(cx, m.End)) return false;
            return true;
        }
        return false;
    }
}
