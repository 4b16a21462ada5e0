using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrtOrleans.Gateway.Tests;

/// <summary>Every session endpoint of api.md and its error codes, through the real HTTP pipeline.</summary>
public sealed class SessionEndpointTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task CreateWithoutIdGeneratesTheDocumentedIdFormat()
    {
        var response = await _client.PostRawAsync("/api/v1/session/create", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Matches(new Regex("^session_\\d{8}_\\d{6}_[0-9a-f]{8}$"), body.GetProperty("session_id").GetString());
        Assert.Equal("active", body.GetProperty("status").GetString());
        Assert.Matches(new Regex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"), body.GetProperty("created_at").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task CreateWithEmptyBodyIsAccepted()
    {
        var response = await _client.PostAsync("/api/v1/session/create", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CreateStoresMetadataShownByStatus()
    {
        var id = Http.NewId();
        var create = await _client.PostJsonAsync("/api/v1/session/create", new
        {
            session_id = id,
            client_id = "external_client_123",
            metadata = new { platform = "mobile_app", app_version = "2.1.0", external_system_id = "crm_456789", locale = "en-GB" },
        });
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);

        var status = await (await _client.GetAsync($"/api/v1/session/{id}/status")).JsonAsync();

        Assert.Equal(id, status.GetProperty("session_id").GetString());
        Assert.Equal("active", status.GetProperty("status").GetString());
        Assert.Equal("stage_1_safety_building", status.GetProperty("current_stage").GetString());
        Assert.Equal("1.1_goal_and_vision", status.GetProperty("current_substate").GetString());
        Assert.Equal(0, status.GetProperty("turn_count").GetInt32());
        Assert.Equal(0, status.GetProperty("body_question_count").GetInt32());
        Assert.Equal(12, status.GetProperty("completion_criteria").EnumerateObject().Count());
        var metadata = status.GetProperty("metadata");
        Assert.Equal("external_client_123", metadata.GetProperty("client_id").GetString());
        Assert.Equal("mobile_app", metadata.GetProperty("platform").GetString());
        Assert.Equal("2.1.0", metadata.GetProperty("app_version").GetString());
        Assert.Equal("crm_456789", metadata.GetProperty("external_system_id").GetString());
        Assert.Equal("create_endpoint", metadata.GetProperty("created_via").GetString());
        Assert.Equal("en-GB", metadata.GetProperty("locale").GetString());
    }

    [Fact]
    public async Task CreatingAnExistingIdIsAConflict()
    {
        var id = Http.NewId();
        await _client.PostJsonAsync("/api/v1/session/create", new { session_id = id });

        var again = await _client.PostJsonAsync("/api/v1/session/create", new { session_id = id });

        await AssertProblemAsync(again, HttpStatusCode.Conflict, "conflict");
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("")]
    public async Task CreateWithAnInvalidIdIsUnprocessable(string id)
    {
        var response = await _client.PostJsonAsync("/api/v1/session/create", new { session_id = id });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task CreateWithAnIdLongerThan128IsUnprocessable()
    {
        var response = await _client.PostJsonAsync("/api/v1/session/create", new { session_id = new string('a', 129) });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task MetadataOverTheLimitsIsUnprocessable()
    {
        var tooMany = Enumerable.Range(0, 21).ToDictionary(i => $"k{i}", i => "v");
        await AssertProblemAsync(
            await _client.PostJsonAsync("/api/v1/session/create", new { metadata = tooMany }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await AssertProblemAsync(
            await _client.PostJsonAsync("/api/v1/session/create", new { metadata = new { platform = new string('x', 257) } }),
            HttpStatusCode.UnprocessableEntity, "validation_failed");
        await AssertProblemAsync(
            await _client.PostJsonAsync("/api/v1/session/create", new { metadata = new { platform = 7 } }),
            HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task OldClientsInputWithOnlyUserInputAutoCreatesAndAnswersTheFullResponse()
    {
        var id = Http.NewId();

        var response = await _client.PostRawAsync($"/api/v1/session/{id}/input", """{"user_input": "Hi. I've been on edge for weeks."}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(id, body.GetProperty("session_id").GetString());
        Assert.Equal(1, body.GetProperty("turn").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("therapist_response").GetString()));
        var pre = body.GetProperty("preprocessing");
        foreach (var field in new[] { "original_input", "cleaned_input", "corrected_input", "emotional_state", "input_category", "spelling_corrections", "safety_checks" })
        {
            Assert.True(pre.TryGetProperty(field, out _), field);
        }

        foreach (var check in new[] { "self_harm_detected", "thinking_mode_detected", "past_tense_detected", "i_dont_know_detected" })
        {
            Assert.True(pre.GetProperty("safety_checks").TryGetProperty(check, out _), check);
        }

        Assert.Equal("clarify_goal", body.GetProperty("navigation").GetProperty("decision").GetString());
        Assert.Equal("1.1_goal_and_vision", body.GetProperty("navigation").GetProperty("next_state").GetString());
        Assert.Equal("1.1_goal_and_vision", body.GetProperty("session_progress").GetProperty("current_substate").GetString());
        Assert.False(body.GetProperty("safety").GetProperty("crisis").GetBoolean());
        Assert.Equal("none", body.GetProperty("safety").GetProperty("risk_level").GetString());
        Assert.True(body.TryGetProperty("timestamp", out _));

        var status = await (await _client.GetAsync($"/api/v1/session/{id}/status")).JsonAsync();
        Assert.Equal("input_endpoint", status.GetProperty("metadata").GetProperty("created_via").GetString());
        Assert.Equal(1, status.GetProperty("turn_count").GetInt32());
    }

    [Fact]
    public async Task PlanClientsInputEndpointAutoCreatesAndContinues()
    {
        var id = Http.NewId();

        var first = await (await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "Hi, work is a lot." })).JsonAsync();
        var second = await (await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "I'd like to feel calm" })).JsonAsync();

        Assert.Equal(1, first.GetProperty("turn").GetInt32());
        Assert.Equal(2, second.GetProperty("turn").GetInt32());
        Assert.Equal("build_vision", second.GetProperty("navigation").GetProperty("decision").GetString());
    }

    [Fact]
    public async Task BodySessionIdMustEqualThePath()
    {
        var response = await _client.PostJsonAsync($"/api/v1/session/{Http.NewId()}/input", new { session_id = "other", user_input = "hello" });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "bad_request");
    }

    [Theory]
    [InlineData("""{"session_id": "x1"}""")]
    [InlineData("""{"session_id": "x1", "user_input": ""}""")]
    [InlineData("""{"session_id": "x1", "user_input": "   \n\t "}""")]
    [InlineData("""{"session_id": "bad id", "user_input": "hello"}""")]
    [InlineData("""{"user_input": "hello"}""")]
    public async Task MissingOrInvalidFieldsAreUnprocessable(string body)
    {
        await AssertProblemAsync(await _client.PostRawAsync("/api/v1/input", body), HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task PunctuationOnlyInputIsAValidSilentTurn()
    {
        var response = await _client.PostJsonAsync("/api/v1/input", new { session_id = Http.NewId(), user_input = "..." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("engagement_check", (await response.JsonAsync()).GetProperty("navigation").GetProperty("decision").GetString());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"session_id": "x1", "user_input": 5}""")]
    [InlineData("""["user_input"]""")]
    public async Task MalformedJsonOrWrongTypesAreBadRequests(string body)
    {
        await AssertProblemAsync(await _client.PostRawAsync("/api/v1/input", body), HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task NonJsonContentTypeIsUnsupported()
    {
        var response = await _client.PostRawAsync("/api/v1/input", "user_input=hello", "application/x-www-form-urlencoded");

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task BodyOver64KiBIsTooLarge()
    {
        var body = JsonSerializer.Serialize(new { session_id = "x1", user_input = new string('a', 70 * 1024) });

        var response = await _client.PostRawAsync("/api/v1/input", body);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task InputOver4000CharactersIsUnprocessableUnlessItIsACrisis()
    {
        var id = Http.NewId();
        var ordinary = string.Join(' ', Enumerable.Repeat("work has been busy", 300));
        await AssertProblemAsync(
            await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = ordinary }),
            HttpStatusCode.UnprocessableEntity, "validation_failed");

        var crisis = "I want to kill myself. " + ordinary;
        var response = await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = crisis });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("safety").GetProperty("crisis").GetBoolean());
        var history = await (await _client.GetAsync($"/api/v1/session/{id}/history")).JsonAsync();
        Assert.Equal(4000, history.GetProperty("exchanges")[0].GetProperty("client_input").GetString()!.Length);
    }

    [Fact]
    public async Task StatusOfAnUnknownSessionIsNotFoundWithTheOldClientsFields()
    {
        var response = await _client.GetAsync("/api/v1/session/nobody_here/status");

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        Assert.Equal("Session 'nobody_here' not found", problem.GetProperty("message").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("title", out _));
        Assert.True(problem.TryGetProperty("type", out _));
        Assert.True(problem.TryGetProperty("detail", out _));
    }

    [Fact]
    public async Task HistoryIsNewestFirstWithDefaultLimitTen()
    {
        var id = Http.NewId();
        for (var i = 0; i < 3; i++)
        {
            await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = $"thinking about work {i}" });
        }

        var history = await (await _client.GetAsync($"/api/v1/session/{id}/history")).JsonAsync();
        var limited = await (await _client.GetAsync($"/api/v1/session/{id}/history?limit=2")).JsonAsync();

        Assert.Equal(id, history.GetProperty("session_id").GetString());
        Assert.Equal([3, 2, 1], history.GetProperty("exchanges").EnumerateArray().Select(e => e.GetProperty("turn").GetInt32()));
        Assert.Equal([3, 2], limited.GetProperty("exchanges").EnumerateArray().Select(e => e.GetProperty("turn").GetInt32()));
        var newest = history.GetProperty("exchanges")[0];
        foreach (var field in new[] { "turn", "timestamp", "client_input", "therapist_response", "navigation_decision", "rag_query", "substate" })
        {
            Assert.True(newest.TryGetProperty(field, out _), field);
        }

        Assert.Equal("thinking about work 2", newest.GetProperty("client_input").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("ten")]
    public async Task HistoryLimitOutsideOneToFiftyIsUnprocessable(string limit)
    {
        var id = Http.NewId();
        await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "hello" });

        await AssertProblemAsync(await _client.GetAsync($"/api/v1/session/{id}/history?limit={limit}"), HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task HistoryOfAnUnknownSessionIsNotFound()
    {
        await AssertProblemAsync(await _client.GetAsync("/api/v1/session/nobody_at_all/history"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task DeleteRemovesTheSessionAndASecondDeleteIsNotFound()
    {
        var id = Http.NewId();
        await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "hello" });

        var deleted = await _client.DeleteAsync($"/api/v1/session/{id}");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var body = await deleted.JsonAsync();
        Assert.Equal($"Session '{id}' deleted successfully", body.GetProperty("message").GetString());
        Assert.True(body.TryGetProperty("timestamp", out _));
        await AssertProblemAsync(await _client.GetAsync($"/api/v1/session/{id}/status"), HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(await _client.DeleteAsync($"/api/v1/session/{id}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task RetriedRequestIdReturnsTheStoredReplyWithoutANewTurn()
    {
        var id = Http.NewId();
        var first = await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "Hi, I'm tense", request_id = "r-1" });
        var firstBody = await first.Content.ReadAsStringAsync();

        var retry = await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "Hi, I'm tense", request_id = "r-1" });

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        var status = await (await _client.GetAsync($"/api/v1/session/{id}/status")).JsonAsync();
        Assert.Equal(1, status.GetProperty("turn_count").GetInt32());
    }

    [Fact]
    public async Task IdempotencyKeyHeaderWorksLikeRequestId()
    {
        var id = Http.NewId();
        using var first = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/session/{id}/input") { Content = JsonContent("""{"user_input":"hello there"}""") };
        first.Headers.Add("Idempotency-Key", "k-9");
        using var retry = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/session/{id}/input") { Content = JsonContent("""{"user_input":"hello there"}""") };
        retry.Headers.Add("Idempotency-Key", "k-9");

        var a = await (await _client.SendAsync(first)).JsonAsync();
        var b = await (await _client.SendAsync(retry)).JsonAsync();

        Assert.Equal(1, a.GetProperty("turn").GetInt32());
        Assert.Equal(1, b.GetProperty("turn").GetInt32());
    }

    [Fact]
    public async Task EleventhInputWithinAMinuteIsRateLimitedWithRetryAfter()
    {
        var id = Http.NewId();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = $"note {i} about work" })).StatusCode);
        }

        var limited = await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "one more about work" });

        await AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var crisis = await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "I want to end my life" });
        Assert.Equal(HttpStatusCode.OK, crisis.StatusCode);
        Assert.True((await crisis.JsonAsync()).GetProperty("safety").GetProperty("crisis").GetBoolean());
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
        Assert.True(body.TryGetProperty("timestamp", out _));
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        return body;
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
