using System.ComponentModel;

namespace TrtOrleans.Gateway.Apis.Contracts;

/// <summary>Each dependency of /health: "healthy", "unhealthy" or "not_configured".</summary>
public sealed record HealthServices(
    string Redis,
    [property: Description("not_configured when no Ollama is set: the deterministic engine answers every turn.")] string Ollama,
    string Rag,
    string StateMachine,
    string Cluster);
