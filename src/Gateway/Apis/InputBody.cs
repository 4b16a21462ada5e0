using System.ComponentModel;

namespace TrtOrleans.Gateway.Apis;

/// <summary>Body of the input endpoints. Nullable everywhere: presence is checked by validation (422), types by the
/// JSON reader (400).</summary>
public sealed class InputBody
{
    [Description("Required on /api/v1/input; on /api/v1/session/{id}/input optional and equal to the path id.")]
    public string? SessionId { get; set; }

    [Description("The client's message: not empty, at most 4000 characters (a message the crisis detector flags is answered whatever its length).")]
    public string? UserInput { get; set; }

    [Description("Optional, 1-128 printable characters. A retried input with the same id returns the first reply and adds no turn. The Idempotency-Key header is an alternative.")]
    public string? RequestId { get; set; }
}
