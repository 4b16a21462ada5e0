using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Engine;
using TrtOrleans.Therapy.Llm;
using TrtOrleans.Therapy.Retrieval;
using TrtOrleans.Therapy.Text;

namespace TrtOrleans.Grains.Hosting;

public static class EngineRegistration
{
    /// <summary>Registers the TRT engine and what it uses: analyzer and templates from the shipped data, retrieval
    /// over the exemplar corpus (Ollama embeddings when configured, else the local MiniLM model, else BM25; results
    /// cached in the shared IRetrievalCache), and the optional Ollama LLM.</summary>
    public static IServiceCollection AddTrtEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<EngineOptions>()
            .Configure(o => BindEngineOptions(o, configuration));
        services.AddOptions<OllamaOptions>()
            .Bind(configuration.GetSection("Llm"))
            .Bind(configuration.GetSection("Ollama"))
            .PostConfigure(o =>
            {
                // The plan's environment names win when set.
                o.BaseUrl = NonEmpty(configuration["OLLAMA_BASE_URL"]) ?? NonEmpty(o.BaseUrl);
                o.ChatModel = NonEmpty(configuration["OLLAMA_MODEL"]) ?? o.ChatModel;
                o.EmbeddingModel = NonEmpty(configuration["OLLAMA_EMBEDDING_MODEL"]) ?? NonEmpty(o.EmbeddingModel);
            });

        services.TryAddSingleton<ITextAnalyzer>(_ => TextAnalyzer.LoadDefault());
        services.TryAddSingleton(_ => ReplyTemplates.LoadDefault());
        var ollama = new OllamaOptions { BaseUrl = NonEmpty(configuration["OLLAMA_BASE_URL"]) ?? NonEmpty(configuration["Ollama:BaseUrl"]) };
        var embeddingModel = NonEmpty(configuration["OLLAMA_EMBEDDING_MODEL"]) ?? NonEmpty(configuration["Ollama:EmbeddingModel"]);
        if (ollama.IsConfigured && embeddingModel is not null)
        {
            services.AddSingleton<ITextEmbedder>(sp => new OllamaTextEmbedder(sp.GetRequiredService<IOptions<OllamaOptions>>()));
        }

        services.AddExemplarRetrieval(o => configuration.GetSection("Rag").Bind(o));
        services.TryAddSingleton<OllamaLlmAdvisor>();
        services.TryAddSingleton<ILlmAdvisor>(sp => sp.GetRequiredService<OllamaLlmAdvisor>());
        services.TryAddSingleton<ITrtEngine>(sp =>
        {
            var llm = sp.GetRequiredService<OllamaLlmAdvisor>();
            return new TrtEngine(
                sp.GetRequiredService<ITextAnalyzer>(),
                sp.GetRequiredService<ReplyTemplates>(),
                sp.GetRequiredService<IExemplarRetriever>(),
                llm.Configured ? llm : null,
                sp.GetRequiredService<IOptions<EngineOptions>>().Value);
        });
        services.TryAddSingleton<IEngineHealth, EngineHealth>();
        services.AddMetrics();
        services.TryAddSingleton<RetrievalMetrics>();
        services.AddSingleton<Orleans.ILifecycleParticipant<Orleans.Runtime.ISiloLifecycle>, RetrievalInitializer>();
        return services;
    }

    private static void BindEngineOptions(EngineOptions o, IConfiguration configuration)
    {
        var safety = configuration.GetSection("Safety");
        o.ReplyResourceLine = NonEmpty(safety["ReplyResourceLine"]) ?? o.ReplyResourceLine;
        var resources = safety.GetSection("Resources").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (resources.Count > 0)
        {
            o.Resources = resources; // replaces the defaults (binding would append to them)
        }

        if (double.TryParse(configuration["Llm:TurnBudgetSeconds"], System.Globalization.CultureInfo.InvariantCulture, out var budget))
        {
            o.LlmTurnBudgetSeconds = budget;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
