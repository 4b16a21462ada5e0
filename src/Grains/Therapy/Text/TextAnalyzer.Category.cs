using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Text;

public sealed partial class TextAnalyzer
{
    // docs/engine.md "Text normalisation and detectors" input category, first match.
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

    // docs/engine.md "Text normalisation and detectors": ends with `?`, or the first token is a wh-word or auxiliary. Without a `?`, an auxiliary followed by
    // `not` ("do not know", "is not great") or a wh-word followed by a first-person subject ("when i see my boss…",
    // "what i want is peace") opens a statement, not a question.
    /// <summary>A wh-word or auxiliary followed by an auxiliary/subject addressed to the therapist: "what do you",
    /// "can you", "how would i".</summary>
    private static bool QuestionOpening(AnalysisContext cx, int i)
    {
        var w0 = cx.Words[i];
        var w1 = cx.Words[i + 1];
        var w2 = cx.Words[i + 2];
        var wh = w0 is "what" or "how" or "why" or "where" or "when" or "who";
        var aux = w0 is "can" or "could" or "would" or "will" or "do" or "does" or "should" or "is" or "are";
        if (aux) return w1 is "you" or "we";
        return wh && w1 is "do" or "does" or "did" or "can" or "could" or "would" or "should" or "is" or "are" && w2 is "you" or "i" or "we" or "it" or "that" or "this";
    }

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
        // "why not" consents and "who knows" does not know: answers that only look like questions.
        if (cx.WordCount == 2 && cx.Words[1] == "not") return false;
        foreach (var m in cx.Get(ListNames.Idk))
        {
            if (m.Start == 0) return false;
        }
        // A question after a lead-in: "confused, what do you want me to say".
        for (var i = 1; i + 2 < cx.WordCount; i++)
        {
            if (cx.ClauseStart[cx.ClauseOf[i]] == i && QuestionOpening(cx, i)) return true;
        }
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
