using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrtOrleans.Silo.Hosting;

namespace TrtOrleans.Gateway.Tests;

/// <summary>Plain mode (no key ring) exists only for the embedded in-memory developer default, and the gateway says
/// so at start; on Redis a key ring is required and the gateway with its silo refuses to start without one.</summary>
public sealed class PlaintextStorageWarningTests
{
    private const string Warning = "Encryption at rest is OFF";

    [Fact]
    public async Task InMemoryDeveloperModeWarnsAndRedisWithAKeyRingDoesNot()
    {
        await using var inMemory = new Factory(redis: false, keyRing: false);
        await using var encrypted = new Factory(redis: true, keyRing: true);

        Assert.True((await inMemory.CreateClient().GetAsync("/health/live")).IsSuccessStatusCode);
        Assert.True((await encrypted.CreateClient().GetAsync("/health/live")).IsSuccessStatusCode);

        Assert.Contains(inMemory.Warnings, w => w.Contains(Warning, StringComparison.Ordinal));
        Assert.DoesNotContain(encrypted.Warnings, w => w.Contains(Warning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedisWithoutAKeyRingRefusesToStartWithOneLineNamingTheSettings()
    {
        await using var plain = new Factory(redis: true, keyRing: false);

        var error = Assert.IsType<StartupCheckException>(Unwrap(Record.Exception(() => plain.CreateClient())));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("no key ring is configured", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Encryption:KeyRingFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
    }

    private static Exception? Unwrap(Exception? ex)
    {
        while (ex is not null and not StartupCheckException && ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    private sealed class Factory(bool redis, bool keyRing) : GatewayFactory
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        protected override bool WithRedis => redis;

        protected override bool WithKeyRing => keyRing;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddLogging(l => l.AddProvider(new WarningCapture(Warnings))));
        }
    }

    private sealed class WarningCapture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
