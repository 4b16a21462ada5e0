namespace TrtOrleans.Engine.Tests.Llm;

public class CircuitBreakerTests
{
    [Fact]
    public async Task ThreeConsecutiveFailuresOpenTheBreakerAndCallsAreSkipped()
    {
        await using var kit = new LlmTestKit();
        kit.ChatFails(500);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(kit.Advisor.Available);
            await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);
        }

        var skipped = await kit.Advisor.RephraseAsync(LlmTestKit.Phrasing(), CancellationToken.None);

        Assert.False(kit.Advisor.Available);
        Assert.True(kit.Advisor.BreakerOpen);
        Assert.Equal("breaker_open", skipped.FallbackReason);
        Assert.Equal(3, kit.Server.ChatRequests.Count);
    }

    [Fact]
    public async Task BreakerStaysOpenFor60SecondsThenASuccessClosesIt()
    {
        await using var kit = new LlmTestKit();
        kit.ChatFails(503);
        for (var i = 0; i < 3; i++)
        {
            await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);
        }

        kit.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(kit.Advisor.Available);
        kit.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(kit.Advisor.Available);

        kit.ChatAnswers(LlmTestKit.NavJson());
        var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        kit.ChatFails(500);
        await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);
        Assert.True(kit.Advisor.Available);
    }

    [Fact]
    public async Task FailedTrialCallAfterTheOpenPeriodReopensAtOnce()
    {
        await using var kit = new LlmTestKit();
        kit.ChatFails(500);
        for (var i = 0; i < 3; i++)
        {
            await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);
        }

        kit.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.True(kit.Advisor.Available);
        await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.False(kit.Advisor.Available);
        Assert.Equal(4, kit.Server.ChatRequests.Count);
    }

    [Fact]
    public async Task SuccessBetweenFailuresResetsTheCount()
    {
        await using var kit = new LlmTestKit();
        kit.ChatFails(500);
        await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);
        await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);
        kit.ChatAnswers(LlmTestKit.NavJson());
        await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);
        kit.ChatFails(500);
        await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);
        await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);

        Assert.True(kit.Advisor.Available);
    }

    [Fact]
    public async Task AnswersThatFailValidationDoNotOpenTheBreaker()
    {
        await using var kit = new LlmTestKit();
        kit.ChatAnswers("not json at all");

        for (var i = 0; i < 4; i++)
        {
            await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);
        }

        Assert.True(kit.Advisor.Available);
        Assert.Equal(4, kit.Advisor.Counters.Fallbacks("invalid_json"));
    }

    [Fact]
    public async Task TimeoutsCountAsFailures()
    {
        await using var kit = new LlmTestKit(callTimeoutSeconds: 0.2);
        kit.ChatAnswers(LlmTestKit.NavJson(), delay: TimeSpan.FromSeconds(3));

        for (var i = 0; i < 3; i++)
        {
            var outcome = await kit.Advisor.ChooseNavigationAsync(LlmTestKit.Navigation(), CancellationToken.None);
            Assert.Equal("timeout", outcome.FallbackReason);
        }

        Assert.False(kit.Advisor.Available);
    }
}
