using Microsoft.AspNetCore.Http.Metadata;
using TrtOrleans.Gateway.Apis.Contracts;

namespace TrtOrleans.Gateway.Apis;

/// <summary>Declares the error answers of endpoints for the OpenAPI document. Handlers return
/// <c>Results&lt;Ok&lt;T&gt;, ProblemResult&gt;</c>: the success schema comes from the return type, the error statuses
/// from here, each with the problem+json body every error shares.</summary>
public static class ApiDocumentation
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>Without arguments: the answers any endpoint behind the gateway's middleware can give — 401 (keys
    /// configured, none or an unknown one sent), 429 (per-client limit), 503 (the cluster or Redis unavailable).</summary>
    public static TBuilder WithApiErrors<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        int[] codes = statuses.Length == 0 ? [401, 429, 503] : statuses;
        foreach (var status in codes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiProblemBody), [ProblemContentType]));
        }

        return builder;
    }
}
