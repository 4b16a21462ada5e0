using System.Text.RegularExpressions;
using TrtOrleans.Therapy.Engine;

namespace TrtOrleans.Engine.Tests.Lint;

/// <summary>The reply lint of amendment A6: form rules for any filled reply, and the content each template row of
/// §10.3 requires (A8). Returns the problems found; empty means the reply passes.</summary>
internal static partial class ReplyLint
{
    /// <summary>Plain replies stay within these lengths (characters); the long intents of §10 may say more.</summary>
    public const int MaxChars = 320;
    public const int MaxLongChars = 720;

    private static readonly string[] BodyCues = ["shoulders", "jaw", "chest", "breath", "breathing", "stomach", "body", "hands", "feet", "belly"];
    private static readonly string[] Qualities =
        ["tight", "tightness", "heavy", "heaviness", "sharp", "pressure", "knot", "warm", "warmth", "buzzing", "dull", "hot", "fluttery", "hollow", "jittery", "squeezing", "pressing", "heat", "weight"];
    private static readonly string[] Offers = ["many people", "some people", "one possibility", "one option", "perhaps", "might"];
    private static readonly string[] Attributions = ["you'd like", "you would like", "you want", "you wish", "you're hoping", "you are hoping"];
    private static readonly string[] Refinements =
        ["calmer", "lighter", "more confident", "more at ease", "more peaceful", "more settled", "more in control"];

    /// <summary>Fills <paramref name="text"/> as the engine does: slot values, then one space between words.</summary>
    public static string Fill(string text, LintSlots slots)
    {
        var filled = Slot().Replace(text, m => slots.Value(m.Groups[1].Value) ?? m.Value);
        filled = Spaces().Replace(filled, " ").Trim();
        filled = filled.Replace(" .", ".", StringComparison.Ordinal).Replace(" ?", "?", StringComparison.Ordinal)
            .Replace(" ,", ",", StringComparison.Ordinal);
        return filled.Length > 0 && char.IsLower(filled[0]) ? char.ToUpperInvariant(filled[0]) + filled[1..] : filled;
    }

    public static IEnumerable<string> Check(string key, bool question, string reply, LintSlots slots, bool fallback)
    {
        foreach (var p in Form(key, question, reply)) yield return p;
        var content = fallback ? null : Content(key, reply.ToLowerInvariant(), slots);
        if (content is not null) yield return content;
    }

    private static IEnumerable<string> Form(string key, bool question, string reply)
    {
        if (reply.Contains('{') || reply.Contains('}')) yield return "unfilled slot or brace";
        if (reply.Contains("  ", StringComparison.Ordinal)) yield return "double space";
        if (reply != reply.Trim()) yield return "leading or trailing space";
        // Within one stretch of text; "Got it. It might be…" repeats across a sentence boundary, which is fine.
        foreach (var stretch in reply.ToLowerInvariant().Split(['.', '?', '!', ',', ';', ':']))
        {
            var words = Word().Matches(stretch).Select(m => m.Value).ToList();
            for (var i = 1; i < words.Count; i++)
            {
                if (words[i] == words[i - 1]) yield return $"duplicated word '{words[i]}'";
            }
        }

        if (DeterminerClash().Match(reply) is { Success: true } clash) yield return $"article clash '{clash.Value}'";
        if (ArticleBeforeVowel().Match(reply) is { Success: true } a) yield return $"'a' before a vowel: '{a.Value}'";
        if (FirstPerson().Match(reply) is { Success: true } fp) yield return $"client's first person in the reply: '{fp.Value}'";
        var sentences = ReplyTemplates.CountSentences(reply);
        var isLong = Intents.IsLong(key);
        if (!isLong && sentences > 3) yield return $"{sentences} sentences (max 3)";
        if (reply.Length > (isLong ? MaxLongChars : MaxChars)) yield return $"{reply.Length} characters";
        if (question && (!reply.EndsWith('?') || reply.Count(c => c == '?') != 1)) yield return "a question must end with exactly one question mark";
    }

    /// <summary>The A8 content of the row, or null when it is there. Every key must have a rule.</summary>
    private static string? Content(string key, string t, LintSlots s)
    {
        bool Has(params string[] any) => any.Any(x => t.Contains(x, StringComparison.Ordinal));
        int Count(string[] any) => any.Count(x => Regex.IsMatch(t, $@"\b{Regex.Escape(x)}\b"));
        string? Need(bool ok, string what) => ok ? null : $"{key}: {what}";

        var intent = key.StartsWith("alpha_", StringComparison.Ordinal) && !key.StartsWith("alpha_instruction_", StringComparison.Ordinal) ? "alpha_step" : key;
        return intent switch
        {
            "goal_question" or "goal_redirect_outcome" => Need(Has("feel", "want", "like", "different", "get out of", "have from", "outcome"), "ask what they want to feel or have"),
            "goal_menu" => Need(Has("calmer") && Has("lighter") && Has("in control"), "offer calmer, lighter, more in control"),
            "goal_suggest_default" => Need(Has("calmer") && Has("at ease"), "offer calmer and more at ease"),
            "goal_refine" => Need(Has(s.DesiredState) && Count(Refinements) >= 2, "name their words and offer two or three specific states"),
            "vision_present" => Need(Has(s.DesiredState) && Count(BodyCues) >= 1, "restate their state words with a body cue"),
            // A2: an inferred state is offered, never attributed; the state words are there and the client is asked.
            "vision_suggest" => Need(Has(s.DesiredState) && Has(Offers) && Has("fit", "good place to start", "sound right", "feel right")
                && !Has(Attributions), "offer the suggested state words as a suggestion and ask whether it fits, never as their wish"),
            "vision_represent" => Need(Has(s.DesiredState) && Has("words"), "restate their state words and invite them to change the words"),
            "psycho_education" => Need(Has(s.Prey) && Has(s.Predator) && Has("alarm"), "the alarm and the animal picture"),
            "psycho_education_simpler" => Need(Has("alarm", "stress"), "the same idea in plain words"),
            "problem_question" => Need(Has(s.DesiredState) && Has("in the way", "between you", "hard to", "stopping", "blocking", "keeps you from", "keeping it", "making it hard"), "what gets in the way of their state"),
            "body_entry" => Need(Has(s.Problem) && Has("body") && Has("where"), "name the problem, ask what and where in the body"),
            "ask_location" => Need(Has(s.Emotion) && Has("where"), "ask where the emotion is felt"),
            "ask_location_examples" => Need(Has("where") && Count(["chest", "stomach", "throat", "shoulders", "jaw", "neck", "belly"]) >= 2, "ask where with example places"),
            "ask_sensation" => Need(Has(s.Location) && Count(Qualities) >= 2, "name the location and offer example qualities"),
            "ask_present_moment" => Need((Has(s.Sensation) || Has(s.Location)) && Has("now", "this moment", "present"), "name the sensation or location and ask about now"),
            "ask_present_moment_open" => Need(Has("body") && Has("now"), "ask what they notice in the body now"),
            "ask_pattern" => Need(Has("start", "begin", "coming on", "on its way", "first"), "ask how they know it is starting"),
            "general_inquiry" => Need(Has("more", "else", "understand", "like for you", "how has", "say", "tell", "notice", "been like", "stands out", "share"), "invite them to say more"),
            "readiness_question" or "readiness_reask" => Need(Has("anything"), "ask if there is anything else"),
            "readiness_question_body_limit" => Need(Has("anything") && Has("common", "good company"), "say it is common; ask if there is anything else"),
            "readiness_open" => Need(Has("what"), "invite what it is"),
            "permission_request" => Need(Has("jaw") && Has("tongue") && Has("breath") && Has("stop") && Has("minute", "brief", "short"), "describe the exercise: jaw, tongue, breath, brief, can stop"),
            "permission_explain" => Need(Has("jaw") && Has("tongue") && Has("breath"), "explain the steps"),
            "permission_reassure" => Need(Has("optional", "no pressure", "stop"), "respect hesitation; brief and optional"),
            "permission_after_redirects" => Need(Has("body") && Has("exercise"), "suggest working with the body directly"),
            "redirect_past" => Need(Has("now", "this moment") && Has("body"), "ask what they feel now, in the body"),
            "redirect_thinking" => Need(Has("feel") && Has("where") && Has("body"), "ask what they feel and where in the body"),
            "silence" => Need(Has("time", "pause"), "take your time"),
            "pause_offer" => Need(Has("pause", "break"), "offer to pause"),
            "alpha_step" => Need(Has("tense", "tension") && Has("calm"), "the checkpoint question"),
            "alpha_instruction_jaw" => Need(Has("jaw"), "the jaw"),
            "alpha_instruction_tongue" => Need(Has("tongue"), "the tongue"),
            "alpha_instruction_breath" => Need(Has("breath"), "the breath"),
            "completion" => Need(Has("feel", "notice"), "ask how they feel now"),
            "closing" or "close_without_exercise" or "after_close" => Need(Has("next", "another time", "again"), "close with a way back"),
            "closing_positive" or "closing_difficult" => Need(Has("next"), "close with a way back"),
            "crisis_moderate" or "crisis_high" or "crisis_immediate" => Need(Has(LintSlots.ResourceLine.ToLowerInvariant()) && Has("safe"), "resource line and the safety question"),
            "safety_safe" => Need(Has("988"), "the resource"),
            "safety_unsafe" => Need(Has("988") && Has("911") && Has("safe"), "resources and the safety question"),
            "safety_unclear" => Need(Has("safe"), "the safety question"),
            "safety_hold_note" => Need(Has("safe"), "continue once safe"),
            "ack_negative" => Need(Has(s.Emotion) && !Has("always", "forever"), "reflect the emotion as something going on, never permanent"),
            "ack_positive" => Need(Has(s.Emotion), "reflect the positive state"),
            "ack_neutral" => null,
            _ => $"{key}: no lint rule for this template row",
        };
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Slot();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[a-z0-9']+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(a|an|the|your|my)\s+(a|an|the|your|that|this|my)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeterminerClash();

    [GeneratedRegex(@"\ba\s+[aeio][a-z]*", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleBeforeVowel();

    [GeneratedRegex(@"\b(my|myself|mine)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPerson();
}
