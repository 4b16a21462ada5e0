using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Grains.Safety;
using TrtOrleans.Therapy.Engine;
using TrtOrleans.Therapy.Llm;
using TrtOrleans.Therapy.Retrieval;
using SessionOptions = TrtOrleans.Grains.SessionOptions;

namespace TrtOrleans.Silo.Hosting;

/// <summary>Registers <see cref="SettingsValidator"/> with ValidateOnStart: the host refuses to start on a wrong value.</summary>
public static class SettingsValidation
{
    /// <summary>The cluster identity and ports: every host (silo, gateway with or without a silo).</summary>
    public static IServiceCollection AddClusterSettingsValidation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterSettings>().Bind(configuration.GetSection(ClusterSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterSettings>, SettingsValidator>();
        return services;
    }

    /// <summary>Everything a silo reads: sessions, storage, the audit, the LLM, retrieval, the safety texts, and the cluster settings.</summary>
    public static IServiceCollection AddSiloSettingsValidation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClusterSettingsValidation(configuration);
        services.AddOptions<SessionOptions>().ValidateOnStart();
        services.AddOptions<OllamaOptions>().ValidateOnStart();
        services.AddOptions<RetrievalOptions>().ValidateOnStart();
        services.AddOptions<EngineOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SessionOptions>, SettingsValidator>();
        services.AddSingleton<IValidateOptions<OllamaOptions>, SettingsValidator>();
        services.AddSingleton<IValidateOptions<RetrievalOptions>, SettingsValidator>();
        services.AddSingleton<IValidateOptions<EngineOptions>, SettingsValidator>();
        services.AddOptions<StorageOptions>().ValidateOnStart();
        services.AddOptions<AuditOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageSettingsValidator>();
        services.AddSingleton<IValidateOptions<AuditOptions>, StorageSettingsValidator>();
        return services;
    }
}
