using System.Text.Json;
using TrtOrleans.Therapy.Engine;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>§10 template rules, enforced at load.</summary>
public sealed class ReplyTemplatesTests
{
    private static string ShippedJson() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TherapyData", "templates", "replies.en.json"));

    [Fact]
    public void ShippedTemplatesLoadAndCoverEveryIntent()
    {
        var templates = ReplyTemplates.LoadDefault();
        Assert.False(string.IsNullOrEmpty(templates.Version));
        foreach (var key in Intents.RequiredKeys)
        {
            Assert.Contains(key, templates.Keys);
        }

        Assert.Equal(4, templates.AnimalPairs.Count);
    }

    [Fact]
    public void ShippedVariantsArePlainShortAndQuestionsEndInOneQuestionMark()
    {
        var templates = ReplyTemplates.LoadDefault();
        foreach (var key in templates.Keys)
        {
            var entry = templates.Get(key);
            Assert.True(entry.Variants.Count >= (key.StartsWith("crisis_") ? 1 : 2), key);
            foreach (var v in entry.Variants)
            {
                Assert.DoesNotContain('\n', v);
                if (entry.Question)
                {
                    Assert.EndsWith("?", v);
                    Assert.Single(v, '?');
                }
            }
        }
    }

    [Fact]
    public void QuestionWithoutAQuestionMarkIsRejectedAtLoad()
    {
        var broken = Mutate(doc => doc["intents"]!["goal_question"]!["variants"]![0] = "Tell me what you want.");
        var ex = Assert.Throws<InvalidDataException>(() => ReplyTemplates.Parse([broken]));
        Assert.Contains("goal_question", ex.Message);
    }

    [Fact]
    public void MissingIntentIsRejectedAtLoad()
    {
        var broken = Mutate(doc => doc["intents"]!.AsObject().Remove("after_close"));
        Assert.Throws<InvalidDataException>(() => ReplyTemplates.Parse([broken]));
    }

    [Fact]
    public void LongReplyOutsideTheNamedLongIntentsIsRejected()
    {
        var broken = Mutate(doc => doc["intents"]!["readiness_reask"]!["variants"]![0] =
            "One. Two. Three. Is there anything else?");
        Assert.Throws<InvalidDataException>(() => ReplyTemplates.Parse([broken]));
    }

    [Fact]
    public void UnknownSlotIsRejected()
    {
        var broken = Mutate(doc => doc["intents"]!["readiness_reask"]!["variants"]![0] = "Anything about {client_name}?");
        Assert.Throws<InvalidDataException>(() => ReplyTemplates.Parse([broken]));
    }

    [Fact]
    public void VariantIndexIsStableXxHash()
    {
        var a = ReplyTemplates.VariantIndex(42, "goal_question", 0, 3);
        Assert.Equal(a, ReplyTemplates.VariantIndex(42, "goal_question", 0, 3));
        Assert.InRange(a, 0, 2);
        var spread = Enumerable.Range(0, 30).Select(i => ReplyTemplates.VariantIndex(42, "goal_question", i, 3)).Distinct().Count();
        Assert.Equal(3, spread);
    }

    private static string Mutate(Action<System.Text.Json.Nodes.JsonNode> change)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ShippedJson())!;
        change(node);
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
