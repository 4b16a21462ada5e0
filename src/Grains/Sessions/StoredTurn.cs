using System.Text.Json.Serialization;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains;

/// <summary>One history entry: the exchange, and — when the input carried a request id — what a replay needs beyond
/// it. The reply is stored without the fields the exchange already holds (the reply text, the input, the substate,
/// the session id); <see cref="Response"/> puts them back. The reply record is stored whole otherwise, so a field
/// added to the wire reply is kept without format work.</summary>
public sealed class StoredTurn
{
    private const int TextStripped = 1;
    private const int OriginalStripped = 2;
    private const int CleanedStripped = 4;
    private const int CorrectedStripped = 8;
    private const int NextStateStripped = 16;
    private const int SubstateStripped = 32;
    private const int CleanedIsLowerOriginal = 64;

    public required Exchange Exchange { get; set; }

    public string? RequestId { get; set; }

    /// <summary>The reply minus the fields named by <see cref="Stripped"/> (null without a request id).</summary>
    public TherapistResponse? Reply { get; set; }

    public int Stripped { get; set; }

    [JsonIgnore]
    public int Turn => Exchange.Turn;

    /// <summary>This entry compressed as a segment of the stored record (memory only): made once, when the entry is
    /// first written or read, and reused by every later write while the entry stays in the record.</summary>
    [JsonIgnore]
    public byte[]? Segment { get; set; }

    public static StoredTurn Of(Exchange exchange, string? requestId, TherapistResponse response)
    {
        if (requestId is null)
        {
            return new StoredTurn { Exchange = exchange };
        }

        var flags = 0;
        var p = response.Preprocessing;
        string Strip(string value, string same, int flag)
        {
            if (value != same)
            {
                return value;
            }

            flags |= flag;
            return "";
        }

        var reply = response with
        {
            SessionId = "",
            TherapistResponseText = Strip(response.TherapistResponseText, exchange.TherapistResponse, TextStripped),
            Preprocessing = p with
            {
                OriginalInput = Strip(p.OriginalInput, exchange.ClientInput, OriginalStripped),
                CleanedInput = p.CleanedInput == p.OriginalInput.ToLowerInvariant() && p.CleanedInput != p.OriginalInput
                    ? Strip(p.CleanedInput, p.CleanedInput, CleanedIsLowerOriginal) // the usual case: only lower-cased
                    : Strip(p.CleanedInput, p.OriginalInput, CleanedStripped),
                CorrectedInput = Strip(p.CorrectedInput, p.CleanedInput, CorrectedStripped),
            },
            Navigation = response.Navigation.NextState == exchange.Substate
                ? response.Navigation with { NextState = null }
                : response.Navigation,
            SessionProgress = response.SessionProgress with
            {
                CurrentSubstate = Strip(response.SessionProgress.CurrentSubstate, exchange.Substate, SubstateStripped),
            },
        };
        if (response.Navigation.NextState == exchange.Substate)
        {
            flags |= NextStateStripped;
        }

        return new StoredTurn { Exchange = exchange, RequestId = requestId, Reply = reply, Stripped = flags };
    }

    /// <summary>The reply as it was sent, rebuilt from the exchange and the stored remainder.</summary>
    public TherapistResponse? Response(string sessionId)
    {
        if (Reply is not { } r)
        {
            return null;
        }

        var e = Exchange;
        bool Has(int flag) => (Stripped & flag) != 0;
        var original = Has(OriginalStripped) ? e.ClientInput : r.Preprocessing.OriginalInput;
        var cleaned = Has(CleanedStripped) ? original
            : Has(CleanedIsLowerOriginal) ? original.ToLowerInvariant()
            : r.Preprocessing.CleanedInput;
        return r with
        {
            SessionId = sessionId,
            TherapistResponseText = Has(TextStripped) ? e.TherapistResponse : r.TherapistResponseText,
            Preprocessing = r.Preprocessing with
            {
                OriginalInput = original,
                CleanedInput = cleaned,
                CorrectedInput = Has(CorrectedStripped) ? cleaned : r.Preprocessing.CorrectedInput,
            },
            Navigation = Has(NextStateStripped) ? r.Navigation with { NextState = e.Substate } : r.Navigation,
            SessionProgress = Has(SubstateStripped) ? r.SessionProgress with { CurrentSubstate = e.Substate } : r.SessionProgress,
        };
    }

    public override string ToString() => $"StoredTurn {{ Turn = {Turn}, RequestId = {RequestId} }}";
}
