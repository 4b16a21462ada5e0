using System.Collections;
using System.Reflection;
using System.Text.Json;
using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Engine;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>DeepClone copies field by field for speed; these tests make sure it stays a true deep copy as fields
/// are added.</summary>
public sealed class EngineStateCloneTests
{
    [Fact]
    public async Task DeepCloneEqualsTheOriginalAndSharesNoMutableObject()
    {
        var engine = TrtEngine.CreateDefault();
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var state = engine.NewSession("clone-check", now);
        foreach (var text in new[] { "Hi, I'm anxious about work", "I want to feel calm", "yes", "ok", "my boss", "tight in my chest", "I want to die" })
        {
            state = (await engine.TurnAsync(state, text, now)).State;
        }

        var clone = state.DeepClone();

        Assert.Equal(Json(state), Json(clone));
        AssertNoSharedReferences(state, clone, "EngineState");
    }

    [Fact]
    public void EveryReferenceTypedPropertyIsCopied()
    {
        // A fresh state has empty lists and a null cycle; give every nullable object a value so the walk covers it.
        var state = EngineState.Create("walk", DateTimeOffset.UnixEpoch);
        state.Cycle = new BodyCycle { Focus = "work" };
        state.RecentExchanges.Add(new RecentExchange { Turn = 1 });
        state.AlphaCheckpoints.Add(new AlphaCheckpointRecord { Step = "jaw", Result = "calm" });
        state.VariantMemory["x"] = new VariantUse { Count = 1 };
        state.CompletionEvents.Add(new CompletionEvent { Event = "e" });

        AssertNoSharedReferences(state, state.DeepClone(), "EngineState");
    }

    private static void AssertNoSharedReferences(object original, object copy, string path)
    {
        foreach (var property in original.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType.IsValueType || property.PropertyType == typeof(string))
            {
                continue;
            }

            var a = property.GetValue(original);
            var b = property.GetValue(copy);
            if (a is null)
            {
                continue;
            }

            var where = $"{path}.{property.Name}";
            Assert.False(ReferenceEquals(a, b), $"{where} is shared between the state and its clone");
            if (a is IDictionary da && b is IDictionary db)
            {
                foreach (var key in da.Keys)
                {
                    CheckItem(da[key], db[key], $"{where}[{key}]");
                }
            }
            else if (a is IList la && b is IList lb)
            {
                for (var i = 0; i < la.Count; i++)
                {
                    CheckItem(la[i], lb[i], $"{where}[{i}]");
                }
            }
            else
            {
                AssertNoSharedReferences(a, b!, where);
            }
        }
    }

    private static void CheckItem(object? a, object? b, string where)
    {
        if (a is null || a is string || a.GetType().IsValueType)
        {
            return;
        }

        Assert.False(ReferenceEquals(a, b), $"{where} is shared between the state and its clone");
        AssertNoSharedReferences(a, b!, where);
    }

    private static string Json(EngineState s) => JsonSerializer.Serialize(s, EngineState.JsonOptions);
}
