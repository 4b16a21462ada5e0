using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TrtOrleans.Grains.Hosting;

public static class EngineRegistration
{
    /// <summary>Registers the TRT engine and what it uses (analyzer, templates, retrieval, optional Ollama).</summary>
    public static IServiceCollection AddTrtEngine(this IServiceCollection services, IConfiguration configuration)
    {
        // Filled in when the engine lands.
        return services;
    }
}
