using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Engine;

namespace TrtOrleans.Engine.Tests.Engine;

/// <summary>Runs one turn through the engine's single entry point and expects it to be processed.</summary>
internal static class EngineTurns
{
    public const string AuditRef = "test-audit-ref";

    public static async Task<TurnResult> TurnAsync(
        this TrtEngine engine, EngineState state, string input, DateTimeOffset now, CancellationToken ct = default)
    {
        var decision = await engine.RunTurnAsync(new TurnInput(state, input, now, AuditRef, [], RatePolicy.Default), ct);
        return Assert.IsType<TurnDecision.Processed>(decision).Result;
    }

    /// <summary>The typed rule id of a turn, as its written form ("R12/S4").</summary>
    public static string Rule(TurnResult r) => r.Response.Navigation.Rule.Text();
}
