using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrtOrleans.Gateway.Tests;

/// <summary>With Redis and no key ring, session text would be stored unencrypted: the gateway says so at start.</summary>
public sealed class PlaintextStorageWarningTests
{
    [Fact]
    public async Task GatewayOnRedisWithoutAKeyRingWarnsAndWithOneDoesNot()
    {
        await using var plain = new Factory(withKeyRing: false);
        await using var encrypted = new Factory(withKeyRing: true);

        Assert.True((await plain.CreateClient().GetAsync("/health/live")).IsSuccessStatusCode);
        Assert.True((await encrypted.CreateClient().GetAsync("/health/live")).IsSuccessStatusCode);

        Assert.Contains(plain.Warnings, w => w.Contains("Encryption at rest is OFF", StringComparison.Ordinal));
        Assert.DoesNotContain(encrypted.Warnings, w => w.Contains("Encryption at rest is OFF", StringComparison.Ordinal));
    }

    private sealed class Factory(bool withKeyRing) : GatewayFactory
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        protected override bool WithRedis => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (withKeyRing)
            {
                builder.UseSetting("Storage:Encryption:Keys:k1", Convert.ToBase64String(new byte[32]));
            }

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
