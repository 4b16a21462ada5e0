using System.Security.Cryptography;

namespace TrtOrleans.Cluster.Tests;

/// <summary>The log-leak check of tests/Gateway.Tests/SensitiveDataLoggingTests against the real multi-process
/// cluster: after a conversation (crisis included) with marker words through both gateways, no component's log —
/// silos, gateways, Redis, nginx — contains any of them or any reply.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterLogLeakTests(ClusterFixture cluster)
{
    [Fact]
    public async Task No_component_log_contains_client_text_or_replies()
    {
        var tag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var markers = new[] { $"zanzibarquokka{tag}", $"marmaladeyeti{tag}" };
        string[] inputs =
        [
            $"my {markers[0]} worries keep me up",
            $"I want to feel calm about {markers[1]}",
            $"I want to kill myself {markers[0]}",
            "yes I am safe",
        ];
        var session = $"leak-{tag}";
        var replies = new List<string>();
        var gateways = new[] { cluster.Gateway1Url, cluster.Gateway2Url };
        for (var i = 0; i < inputs.Length; i++)
        {
            var reply = await cluster.Api.SendInputAsync(gateways[i % 2], session, inputs[i], $"{session}-{i}");
            Assert.True(reply.Ok, $"input {i + 1}: {reply}");
            replies.Add(reply.Json.GetProperty("therapist_response").GetString()!);
        }

        Assert.True((await cluster.Api.HistoryAsync(cluster.GatewayUrl, session)).Ok);

        var logs = cluster.ComponentLogs();
        Assert.Contains(logs, l => l.Name.StartsWith("silo-", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Name.StartsWith("gateway-", StringComparison.Ordinal));
        foreach (var (name, text) in logs)
        {
            foreach (var marker in markers)
            {
                Assert.False(text.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{name} contains a marker word");
            }

            foreach (var reply in replies.Where(r => r.Length > 30))
            {
                Assert.False(text.Contains(reply[..30], StringComparison.Ordinal), $"{name} contains a reply");
            }
        }
    }
}
