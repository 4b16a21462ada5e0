using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TrtOrleans.Gateway.Tests.OpenApi;

/// <summary>/openapi/v1.json against the gateway itself: every mapped route is documented with a summary, its
/// statuses and the X-API-Key scheme, and a real answer of every endpoint matches the schema documented for it.</summary>
public sealed class OpenApiDocumentTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>Routes that are not part of the API: the document itself, the reference page, the Orleans dashboard.</summary>
    private static readonly string[] NotApi = ["/openapi", "/scalar", "/dashboard"];

    [Fact]
    public async Task Every_mapped_route_is_documented_and_nothing_else()
    {
        var document = await LoadAsync();
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), Endpoint: e)))
            .ToList();
        var api = routes.Where(r => !NotApi.Any(p => r.Path.StartsWith(p, StringComparison.Ordinal))).ToList();

        Assert.NotEmpty(api);
        foreach (var (method, path, endpoint) in api)
        {
            Assert.False(endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription ?? false, $"{method} {path} is hidden from the document");
            var operation = document.Operation(path, method);
            Assert.True(operation is not null, $"{method} {path} is mapped but missing from /openapi/v1.json");
            Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
            Assert.True(operation["responses"]?["200"]?["content"]?["application/json"]?["schema"] is not null, $"{method} {path} has no 200 schema");
            foreach (var (status, response) in operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5'))
            {
                var schema = response!["content"]?.AsObject().Select(c => c.Value!["schema"]).FirstOrDefault();
                Assert.True(schema is not null, $"{method} {path} {status} has no body schema");
            }

            var secured = path.StartsWith("/api/", StringComparison.Ordinal);
            Assert.Equal(secured, operation["security"] is JsonArray { Count: > 0 });
        }

        var documented = document.Paths.SelectMany(p => p.Value!.AsObject().Select(o => (o.Key.ToUpperInvariant(), p.Key))).ToHashSet();
        Assert.Equal(documented, api.Select(r => (r.Method, r.Path)).ToHashSet());

        var scheme = document.Root["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        Assert.Equal("X-API-Key", scheme["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Schemas_use_the_wire_names_and_types()
    {
        var schemas = (await LoadAsync()).Root["components"]!["schemas"]!;

        var response = schemas["TherapistResponse"]!["properties"]!.AsObject();
        Assert.Contains("therapist_response", response.Select(p => p.Key));
        Assert.Contains("session_progress", response.Select(p => p.Key));
        Assert.Equal("integer", response["turn"]!["type"]!.GetValue<string>());
        Assert.Equal("date-time", response["timestamp"]!["format"]!.GetValue<string>());
        Assert.Contains("user_input", schemas["InputBody"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task A_real_answer_of_every_endpoint_matches_its_documented_schema()
    {
        var document = await LoadAsync();
        var id = Http.NewId();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var calls = new (string Method, string Template, string Url, string? Body, int Status)[]
        {
            ("GET", "/health", "/health", null, 200),
            ("GET", "/health/live", "/health/live", null, 200),
            ("GET", "/health/ready", "/health/ready", null, 200),
            ("POST", "/api/v1/session/create", "/api/v1/session/create", $$$"""{"session_id":"{{{id}}}","metadata":{"platform":"web"}}""", 200),
            ("POST", "/api/v1/session/create", "/api/v1/session/create", $$"""{"session_id":"{{id}}"}""", 409),
            ("POST", "/api/v1/session/create", "/api/v1/session/create", "{not json", 400),
            ("POST", "/api/v1/input", "/api/v1/input", $$"""{"session_id":"{{id}}","user_input":"Hi. I have been on edge for weeks.","request_id":"r-1"}""", 200),
            ("POST", "/api/v1/input", "/api/v1/input", $$"""{"session_id":"{{id}}","user_input":"  "}""", 422),
            ("POST", "/api/v1/session/{id}/input", $"/api/v1/session/{id}/input", """{"user_input":"I want to feel calm and at peace."}""", 200),
            ("POST", "/api/v1/session/{id}/input", $"/api/v1/session/{id}/input", """{"user_input":"I want to kill myself."}""", 200),
            ("POST", "/api/v1/session/{id}/input", $"/api/v1/session/{id}/input", """{"user_input":"hi","session_id":"other"}""", 400),
            ("GET", "/api/v1/session/{id}/status", $"/api/v1/session/{id}/status", null, 200),
            ("GET", "/api/v1/session/{id}/status", "/api/v1/session/no_such_session/status", null, 404),
            ("GET", "/api/v1/session/{id}/history", $"/api/v1/session/{id}/history?limit=5", null, 200),
            ("GET", "/api/v1/session/{id}/history", $"/api/v1/session/{id}/history?limit=0", null, 422),
            ("GET", "/api/v1/sessions", "/api/v1/sessions?limit=10", null, 200),
            ("GET", "/api/v1/analytics/daily/{date}", $"/api/v1/analytics/daily/{today}", null, 200),
            ("GET", "/api/v1/analytics/daily/{date}", "/api/v1/analytics/daily/2001-01-01", null, 404),
            ("POST", "/api/v1/admin/cleanup", "/api/v1/admin/cleanup?inactive_hours=48", null, 200),
            ("GET", "/api/v1/admin/cluster", "/api/v1/admin/cluster", null, 200),
            // The crisis input above left audit records; without keys the admin's scope is the caller's own.
            ("GET", "/api/v1/admin/audit", $"/api/v1/admin/audit?session_id={id}", null, 200),
            ("GET", "/api/v1/admin/audit", "/api/v1/admin/audit?session_id=no_such_session", null, 404),
            ("GET", "/api/v1/admin/audit", "/api/v1/admin/audit", null, 422),
            ("GET", "/api/v1/admin/audit/verify", "/api/v1/admin/audit/verify", null, 200),
            ("DELETE", "/api/v1/session/{id}", $"/api/v1/session/{id}", null, 200),
            ("DELETE", "/api/v1/session/{id}", $"/api/v1/session/{id}", null, 404),
        };

        var covered = new HashSet<(string, string)>();
        foreach (var (method, template, url, body, status) in calls)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            var response = await _client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == status, $"{method} {url}: expected {status}, got {(int)response.StatusCode}: {text}");
            var schema = document.ResponseSchema(template, method, status, out var contentType);
            Assert.True(schema is not null, $"{method} {template} does not document status {status}");
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
            var results = OpenApiDocument.Evaluate(schema!, text);
            Assert.True(results.IsValid, $"{method} {url} ({status}) does not match its schema:\n{OpenApiDocument.Errors(results)}\nbody: {text}");
            covered.Add((method, template));
        }

        // Every documented operation was exercised above.
        var documented = document.Paths.SelectMany(p => p.Value!.AsObject().Select(o => (o.Key.ToUpperInvariant(), p.Key))).ToHashSet();
        Assert.Empty(documented.Except(covered));
    }

    [Fact]
    public async Task The_schema_check_rejects_undocumented_fields_and_wrong_types()
    {
        var document = await LoadAsync();
        var schema = document.ResponseSchema("/api/v1/session/{id}", "DELETE", 200, out _)!;

        Assert.True(OpenApiDocument.Evaluate(schema, """{"message":"m","timestamp":"2026-01-01T00:00:00.000Z"}""").IsValid);
        Assert.False(OpenApiDocument.Evaluate(schema, """{"message":"m","timestamp":"2026-01-01T00:00:00.000Z","extra":1}""").IsValid);
        Assert.False(OpenApiDocument.Evaluate(schema, """{"message":5,"timestamp":"2026-01-01T00:00:00.000Z"}""").IsValid);
        Assert.False(OpenApiDocument.Evaluate(schema, """{"message":"m"}""").IsValid);

        // The broken-chain answer (first_bad present) is documented too, not only the valid one exercised above.
        var verify = document.ResponseSchema("/api/v1/admin/audit/verify", "GET", 200, out _)!;
        Assert.True(OpenApiDocument.Evaluate(verify, """{"valid":false,"records":3,"first_bad":2}""").IsValid);
        Assert.False(OpenApiDocument.Evaluate(verify, """{"valid":false}""").IsValid);
    }

    private async Task<OpenApiDocument> LoadAsync()
    {
        var response = await _client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new OpenApiDocument(JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
