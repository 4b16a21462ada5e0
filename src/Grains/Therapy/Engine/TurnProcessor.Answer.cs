using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Therapy.Engine;

// §7 answer interpretation: flags and lists come from client input only, by the substate the turn started in.
internal sealed partial class TurnProcessor
{
    private const int BodyQuestionLimit = 3;
    private const string DefaultGoalLabel = "at ease";
    private const string DefaultGoalPhrase = "calmer and more at ease";
    private const string VagueRefinedPhrase = "lighter and more at ease";

    private void Interpret()
    {
        _s.LastClientProvidedInfo = AnswerType();
        var sub = _startSubstate;
        if (sub is Substates.GoalAndVision or Substates.PsychoEducation or Substates.ProblemAndBody
            or Substates.AssessReadiness)
        {
            RecordEmotions();
            RecordBody();
        }

        if (sub is Substates.ProblemAndBody or Substates.AssessReadiness)
        {
            InterpretProblemAndBody();
        }
        else if (sub == Substates.GoalAndVision)
        {
            InterpretGoal();
        }
        else if (sub == Substates.PsychoEducation && _pending is QuestionKind.EducationCheck or QuestionKind.None)
        {
            var confused = _a.Answers.Confusion || _a.Answers.IdkAnswer || (_a.IsQuestion && !_a.Answers.Affirm);
            if (!confused)
            {
                C.EducationUnderstood = true;
            }
        }
    }

    /// <summary>§7.1: the first matching answer type.</summary>
    private string AnswerType()
    {
        var ans = _a.Answers;
        var body = _a.Body;
        if (ans.NothingMore) return "nothing_more";
        if (body.Absent) return "body_absent";
        if (_newEmotions.Count > 0) return "emotion";
        if (body.Locations.Count > 0) return "body_location";
        if (body.Sensations.Count > 0) return "sensation_quality";
        if (body.PresentCue) return "present_moment";
        if (_a.Goal.Recognised) return "goal";
        if (_newTopics.Count > 0) return "new_problem_mentioned";
        if (_a.Problem.PatternAnswer) return "pattern";
        if (ans.Affirm) return "affirmation";
        if (ans.Decline) return "decline";
        if (ans.Confusion || ans.IdkAnswer) return "confusion";
        return "general_response";
    }

    private void RecordEmotions()
    {
        foreach (var word in _a.Emotion.NegativeWords)
        {
            AddLatest(_s.Emotions, word, EngineState.EmotionsCap);
            C.EmotionIdentified = true;
            C.EmotionContent = word;
        }
    }

    private void RecordBody()
    {
        foreach (var location in _a.Body.Locations)
        {
            AddLatest(_s.BodyLocations, location, EngineState.BodyListCap);
            C.BodyAwarenessPresent = true;
        }

        foreach (var sensation in _a.Body.Sensations)
        {
            AddLatest(_s.Sensations, sensation, EngineState.BodyListCap);
            C.BodyAwarenessPresent = true;
        }
    }

    private void RecordProblem()
    {
        var problem = _a.Problem;
        foreach (var topic in problem.Topics)
        {
            AddLatest(_s.ProblemTopics, topic, EngineState.ProblemTopicsCap);
        }

        if (problem.Topics.Count > 0)
        {
            C.ProblemIdentified = true;
            C.ProblemContent = Cut("topic: " + string.Join(" ", problem.Topics.Distinct().Take(2)),
                EngineState.ContentMaxChars);
        }
        else if (!string.IsNullOrWhiteSpace(problem.Statement))
        {
            C.ProblemIdentified = true;
            C.ProblemContent = Cut(problem.Statement, EngineState.ContentMaxChars);
        }
    }

    private void InterpretProblemAndBody()
    {
        RecordProblem();
        var body = _a.Body;
        if (body.PresentCue)
        {
            C.PresentMomentFocus = true;
        }

        if (_s.Cycle is { } cycle)
        {
            cycle.LocationGiven |= body.Locations.Count > 0;
            cycle.SensationGiven |= body.Sensations.Count > 0;
        }

        var hasBodyInfo = _s.BodyLocations.Count > 0 || _s.Sensations.Count > 0;
        if (_pending == QuestionKind.PresentMoment && _a.Answers.Affirm && hasBodyInfo)
        {
            C.PresentMomentFocus = true;
        }

        if (_a.Problem.PatternAnswer)
        {
            C.PatternUnderstood = true;
        }

        // §7.3: one counter of unproductive answers to body questions.
        if (IsBodyKind(_pending))
        {
            var productive = body.Locations.Count > 0 || body.Sensations.Count > 0 || body.PresentCue
                || _newEmotions.Count > 0
                || (_pending == QuestionKind.PresentMoment && (_a.Answers.Affirm || _a.Answers.Decline));
            if (!productive)
            {
                _s.BodyQuestionCount++;
            }
        }
    }

    private void InterpretGoal()
    {
        var goal = _a.Goal;
        if (!C.GoalStated && _pending is QuestionKind.Goal or QuestionKind.GoalMenu or QuestionKind.None)
        {
            if (goal.Recognised)
            {
                SetGoal(goal.Label, goal.Phrase);
                _goalChanged = true;
            }

            return;
        }

        if (_pending == QuestionKind.GoalRefine)
        {
            if (goal.Recognised && !goal.Vague)
            {
                SetGoal(goal.Label, goal.Phrase);
            }
            else
            {
                _s.DesiredStatePhrase = VagueRefinedPhrase;
            }

            _s.GoalVague = false;
            _goalChanged = true;
            return;
        }

        if (_pending == QuestionKind.VisionCheck)
        {
            if (_a.Answers.Affirm && !_a.Answers.Decline)
            {
                C.VisionAccepted = true;
                return;
            }

            // Read the answer as if the goal question were pending: restating the goal accepts the vision.
            var reading = _engine.Analyzer.Analyze(_input, QuestionKind.Goal).Goal;
            if (!reading.Recognised)
            {
                return;
            }

            if (reading.Label == _s.DesiredState && !_a.Answers.Decline)
            {
                C.VisionAccepted = true;
            }
            else if (reading.Label != _s.DesiredState && !reading.Vague)
            {
                SetGoal(reading.Label, reading.Phrase);
                _goalChanged = true;
            }
        }
    }

    private void SetGoal(string? label, string? phrase)
    {
        label ??= DefaultGoalLabel;
        C.GoalStated = true;
        C.GoalContent = Cut(string.IsNullOrWhiteSpace(phrase) ? _a.CorrectedInput : phrase, EngineState.ContentMaxChars);
        _s.DesiredState = label;
        _s.DesiredStatePhrase = string.IsNullOrWhiteSpace(phrase) ? label : phrase;
        _s.GoalVague = label == "vague";
    }

    private void AdoptDefaultGoal()
    {
        C.GoalStated = true;
        C.GoalContent = DefaultGoalPhrase;
        _s.DesiredState = DefaultGoalLabel;
        _s.DesiredStatePhrase = DefaultGoalPhrase;
        _s.GoalVague = false;
        _s.GoalInferred = true;
    }
}
