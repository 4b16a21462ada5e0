namespace TrtOrleans.Grains.Hosting;

/// <summary>Health of the engine's dependencies as seen by this silo.</summary>
public interface IEngineHealth
{
    /// <summary>"healthy", "unhealthy" or "not_configured".</summary>
    Task<string> OllamaAsync();

    /// <summary>"healthy" when the exemplar corpus loaded and validated.</summary>
    string Rag { get; }

    /// <summary>"healthy" when the engine's data (lexicons, templates) loaded.</summary>
    string StateMachine { get; }
}
