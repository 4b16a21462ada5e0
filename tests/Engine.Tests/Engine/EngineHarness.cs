using System.Text.Json;
using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Engine;
using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>Shared engine instances and a small driver for scripted conversations.</summary>
internal static class EngineHarness
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<TextAnalyzer> _analyzer = new(TextAnalyzer.LoadDefault);
    private static readonly Lazy<ReplyTemplates> _templates = new(ReplyTemplates.LoadDefault);

    public static ReplyTemplates Templates => _templates.Value;

    /// <summary>The deterministic engine on the shipped data.</summary>
    public static TrtEngine Real() => new(_analyzer.Value, _templates.Value);

    public static TrtEngine WithFake(FakeAnalyzer fake, IExemplarRetriever? retriever = null, ILlmAdvisor? llm = null) =>
        new(fake, _templates.Value, retriever, llm, new EngineOptions());

    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Runs the inputs in order; with <paramref name="roundTrip"/> the state goes through JSON between turns,
    /// as it does when a grain is reactivated.</summary>
    public static async Task<(EngineState State, List<TurnResult> Turns)> RunAsync(
        TrtEngine engine, string sessionId, IEnumerable<string> inputs, EngineState? start = null, bool roundTrip = false)
    {
        var state = start ?? engine.NewSession(sessionId, T0);
        var turns = new List<TurnResult>();
        var minute = 0;
        foreach (var input in inputs)
        {
            var result = await engine.TurnAsync(state, input, T0.AddMinutes(++minute));
            turns.Add(result);
            state = result.State;
            if (roundTrip)
            {
                state = JsonSerializer.Deserialize<EngineState>(JsonSerializer.Serialize(state, Json), Json)!;
            }
        }

        return (state, turns);
    }

    public static string Step(int n, TurnResult r) =>
        $"{n}: {r.Response.SessionProgress.CurrentSubstate} / {r.Response.Navigation.Decision}";

    public static string Short(string substate) => substate switch
    {
        Substates.GoalAndVision => "1.1",
        Substates.PsychoEducation => "1.1.5",
        Substates.ProblemAndBody => "1.2",
        Substates.AssessReadiness => "3.1",
        Substates.AlphaPermission => "3.1.5",
        Substates.AlphaSequence => "3.2",
        _ => "complete",
    };
}
