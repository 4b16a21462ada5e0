using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrtOrleans.Gateway.Tests;

/// <summary>Therapy text is health data: with every log category at Trace, no log line of the gateway, the silo or
/// the engine contains what the client wrote or what the therapist answered.</summary>
public sealed class SensitiveDataLoggingTests(SensitiveDataLoggingTests.Factory factory) : IClassFixture<SensitiveDataLoggingTests.Factory>
{
    public sealed class Factory : GatewayFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.ConfigureServices(s => s.AddLogging(l =>
            {
                l.SetMinimumLevel(LogLevel.Trace);
                l.AddProvider(new CapturingProvider(Lines));
            }));
        }
    }

    [Fact]
    public async Task NoLogLineContainsClientTextOrReplies()
    {
        var client = factory.CreateClient();
        var id = Http.NewId();
        const string Marker = "zanzibarquokka";
        string[] inputs = [$"my {Marker} worries keep me up", $"I want to feel calm about {Marker}", "I want to kill myself", "yes I am safe"];
        var replies = new List<string>();
        foreach (var text in inputs)
        {
            var body = await (await client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = text })).JsonAsync();
            replies.Add(body.GetProperty("therapist_response").GetString()!);
        }

        await client.GetAsync($"/api/v1/session/{id}/history");
        await client.PostRawAsync("/api/v1/input", $$"""{"session_id": "{{id}}", "user_input": 5, "x": "{{Marker}}"}""");

        Assert.NotEmpty(factory.Lines);
        Assert.DoesNotContain(factory.Lines, line => line.Contains(Marker, StringComparison.OrdinalIgnoreCase));
        foreach (var reply in replies.Where(r => r.Length > 30))
        {
            Assert.DoesNotContain(factory.Lines, line => line.Contains(reply[..30], StringComparison.Ordinal));
        }
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(lines);

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
