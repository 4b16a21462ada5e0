using System.Net;
using Microsoft.Extensions.Options;
using TrtOrleans.Therapy.Engine;
using TrtOrleans.Therapy.Llm;
using TrtOrleans.Therapy.Retrieval;
using SessionOptions = TrtOrleans.Grains.SessionOptions;

namespace TrtOrleans.Silo.Hosting;

/// <summary>Checks the silo's and the cluster client's settings when the host starts (ValidateOnStart), so a wrong
/// value stops the process with one message naming the setting, instead of misbehaving later (Sessions:RateLimit=0
/// would refuse every input). docs/configuration.md lists the settings and their ranges.</summary>
public sealed class SettingsValidator :
    IValidateOptions<ClusterSettings>,
    IValidateOptions<SessionOptions>,
    IValidateOptions<OllamaOptions>,
    IValidateOptions<RetrievalOptions>,
    IValidateOptions<EngineOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterSettings options)
    {
        var errors = new List<string>();
        Require(errors, !string.IsNullOrWhiteSpace(options.ClusterId), "Orleans:ClusterId must not be empty");
        Require(errors, !string.IsNullOrWhiteSpace(options.ServiceId), "Orleans:ServiceId must not be empty");
        if (!options.Kubernetes)
        {
            Require(errors, options.SiloPort is >= 1 and <= 65535, $"Orleans:SiloPort must be a port from 1 to 65535 (got {options.SiloPort})");
            Require(errors, options.GatewayPort is >= 1 and <= 65535, $"Orleans:GatewayPort must be a port from 1 to 65535 (got {options.GatewayPort})");
            Require(errors, options.SiloPort != options.GatewayPort, $"Orleans:SiloPort and Orleans:GatewayPort must differ (both {options.SiloPort})");
            Require(errors, IPAddress.TryParse(options.AdvertisedIp, out _), $"Orleans:AdvertisedIp must be an IP address (got '{options.AdvertisedIp}')");
        }

        Require(errors, options.ResponseTimeout > TimeSpan.Zero, $"Orleans:ResponseTimeout must be positive (got {options.ResponseTimeout})");
        Require(errors, options.ProbeTimeout > TimeSpan.Zero, $"Orleans:ProbeTimeout must be positive (got {options.ProbeTimeout})");
        Require(errors, options.NumMissedProbesLimit >= 1, $"Orleans:NumMissedProbesLimit must be at least 1 (got {options.NumMissedProbesLimit})");
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, SessionOptions options)
    {
        var errors = new List<string>();
        Require(errors, options.Expiry > TimeSpan.Zero, $"Sessions:Expiry must be positive (got {options.Expiry})");
        Require(errors, options.StorageBackstop > options.Expiry,
            $"Sessions:StorageBackstop must be longer than Sessions:Expiry (got {options.StorageBackstop} and {options.Expiry}): it is only a backstop");
        Require(errors, options.RateLimit >= 1, $"Sessions:RateLimit must be at least 1 input per window (got {options.RateLimit})");
        Require(errors, options.RateWindow > TimeSpan.Zero, $"Sessions:RateWindow must be positive (got {options.RateWindow})");
        Require(errors, options.CrisisBypassLimit >= 0,
            $"Sessions:CrisisBypassLimit must be 0 or more crisis inputs per window (got {options.CrisisBypassLimit})");
        Require(errors, options.MaxLiveSessionsPerClient >= 0,
            $"Sessions:MaxLiveSessionsPerClient must be 0 (no quota) or more (got {options.MaxLiveSessionsPerClient})");
        Require(errors, options.CleanupPeriod >= TimeSpan.FromMinutes(1),
            $"Sessions:CleanupPeriod must be at least 00:01:00, the shortest reminder period (got {options.CleanupPeriod})");
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, OllamaOptions options)
    {
        var errors = new List<string>();
        Require(errors, string.IsNullOrWhiteSpace(options.BaseUrl) || IsHttpUrl(options.BaseUrl),
            $"Ollama:BaseUrl (OLLAMA_BASE_URL) must be an http:// or https:// URL (got '{options.BaseUrl}')");
        Require(errors, !string.IsNullOrWhiteSpace(options.ChatModel), "Ollama:ChatModel (OLLAMA_MODEL) must not be empty");
        Require(errors, options.CallTimeoutSeconds > 0, $"Llm:CallTimeoutSeconds must be positive (got {options.CallTimeoutSeconds})");
        Require(errors, options.TurnBudgetSeconds > 0, $"Llm:TurnBudgetSeconds must be positive (got {options.TurnBudgetSeconds})");
        Require(errors, options.MaxReplyChars >= 1, $"Llm:MaxReplyChars must be at least 1 (got {options.MaxReplyChars})");
        Require(errors, options.MaxVisionReplyChars >= 1, $"Llm:MaxVisionReplyChars must be at least 1 (got {options.MaxVisionReplyChars})");
        Require(errors, options.Temperature is >= 0 and <= 2, $"Llm:Temperature must be from 0 to 2 (got {options.Temperature})");
        Require(errors, options.MinConfidence is >= 0 and <= 1, $"Llm:MinConfidence must be from 0 to 1 (got {options.MinConfidence})");
        Require(errors, options.BreakerFailures >= 1, $"Llm:BreakerFailures must be at least 1 (got {options.BreakerFailures})");
        Require(errors, options.BreakerOpenSeconds > 0, $"Llm:BreakerOpenSeconds must be positive (got {options.BreakerOpenSeconds})");
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, RetrievalOptions options)
    {
        var errors = new List<string>();
        Require(errors, options.MinScore is >= 0 and <= 1, $"Rag:MinScore must be from 0 to 1 (got {options.MinScore})");
        Require(errors, options.TopK >= 1, $"Rag:TopK must be at least 1 (got {options.TopK})");
        Require(errors, options.EmbeddingBatchSize >= 1, $"Rag:EmbeddingBatchSize must be at least 1 (got {options.EmbeddingBatchSize})");
        Require(errors, options.QueryEmbeddingTimeout > TimeSpan.Zero, $"Rag:QueryEmbeddingTimeout must be positive (got {options.QueryEmbeddingTimeout})");
        Require(errors, options.CacheTtl > TimeSpan.Zero, $"Rag:CacheTtl must be positive (got {options.CacheTtl})");
        Require(errors, string.IsNullOrWhiteSpace(options.CorpusDirectory) || Directory.Exists(options.CorpusDirectory),
            $"Rag:CorpusDirectory '{options.CorpusDirectory}' does not exist");
        Require(errors, string.IsNullOrWhiteSpace(options.ExtraCorpusDirectory) || Directory.Exists(options.ExtraCorpusDirectory),
            $"Rag:ExtraCorpusDirectory '{options.ExtraCorpusDirectory}' does not exist");
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        var errors = new List<string>();
        Require(errors, !string.IsNullOrWhiteSpace(options.ReplyResourceLine), "Safety:ReplyResourceLine must not be empty");
        Require(errors, options.Resources.Count > 0 && options.Resources.All(r => !string.IsNullOrWhiteSpace(r)),
            "Safety:Resources must list at least one non-empty crisis resource");
        Require(errors, options.LlmTurnBudgetSeconds > 0, $"Llm:TurnBudgetSeconds must be positive (got {options.LlmTurnBudgetSeconds})");
        return Result(errors);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static void Require(List<string> errors, bool condition, string message)
    {
        if (!condition)
        {
            errors.Add(message);
        }
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
