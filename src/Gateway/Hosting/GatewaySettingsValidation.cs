using Microsoft.Extensions.Options;
using TrtOrleans.Gateway.Http;

namespace TrtOrleans.Gateway.Hosting;

/// <summary>Registers <see cref="GatewaySettingsValidator"/> with ValidateOnStart.</summary>
public static class GatewaySettingsValidation
{
    public static IServiceCollection AddGatewaySettingsValidation(this IServiceCollection services)
    {
        services.AddOptions<AuthSettings>().ValidateOnStart();
        services.AddOptions<ClientLimitSettings>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthSettings>, GatewaySettingsValidator>();
        services.AddSingleton<IValidateOptions<ClientLimitSettings>, GatewaySettingsValidator>();
        services.AddOptions<FailedAuthSettings>().ValidateOnStart();
        services.AddOptions<CorsSettings>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FailedAuthSettings>, GatewaySettingsValidator>();
        services.AddSingleton<IValidateOptions<CorsSettings>, GatewaySettingsValidator>();
        return services;
    }
}
