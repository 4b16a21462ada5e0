using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using TrtOrleans.Gateway.Http;

namespace TrtOrleans.Gateway.Apis;

/// <summary>The OpenAPI document at /openapi/v1.json (always on: clients generate code from it) and the Scalar API
/// reference page at /scalar (Development, or Gateway:ApiReference=true elsewhere).</summary>
public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/scalar";
    public const string ApiKeyScheme = "ApiKey";
    public const string ApiReferenceSetting = "Gateway:ApiReference";

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "TrtOrleans API",
                    Version = "v1",
                    Description = "Stage-1 TRT conversations. JSON with snake_case names; every error is application/problem+json. "
                        + "docs/api.md in the repository is the full reference.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = GatewayAuth.HeaderName,
                    Description = "A configured client or admin key. When no keys are configured (the developer default) authentication is off.",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [],
                    });
                }

                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                // The gateway writes timestamps with its own converter (ISO-8601 UTC, milliseconds), which hides the
                // type from the schema generator.
                var type = context.JsonTypeInfo.Type;
                if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
                {
                    schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                    schema.Format = "date-time";
                }

                // The web defaults read numbers from strings, so the generator allows both; the gateway writes numbers.
                if (schema.Type is { } kind && (kind.HasFlag(JsonSchemaType.Integer) || kind.HasFlag(JsonSchemaType.Number)) && kind.HasFlag(JsonSchemaType.String))
                {
                    schema.Type = kind & ~JsonSchemaType.String;
                    schema.Pattern = null;
                }

                // Unset metadata fields are written as null (nullability of dictionary values is invisible at run time).
                if (context.JsonPropertyInfo is { Name: "metadata" } property && property.DeclaringType == typeof(Contracts.SessionStatusResponse))
                {
                    schema.AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null };
                }

                return Task.CompletedTask;
            });
        });

    public static WebApplication MapGatewayOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous().ExcludeFromDescription();
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>(ApiReferenceSetting))
        {
            // The page and its script are served by the gateway itself; no fonts or telemetry from elsewhere.
            app.MapScalarApiReference(ReferencePath, o => o
                    .WithTitle("TrtOrleans API")
                    .WithOpenApiRoutePattern(DocumentPath)
                    .DisableDefaultFonts()
                    .DisableTelemetry())
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return app;
    }
}
