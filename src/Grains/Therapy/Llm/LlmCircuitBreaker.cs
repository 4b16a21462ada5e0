namespace TrtOrleans.Therapy.Llm;

/// <summary>Per-process breaker (docs/engine.md "LLM use"): after <c>failures</c> consecutive transport failures the LLM is skipped for
/// <c>openFor</c>. After that the next call is a trial: a success closes the breaker, a failure opens it again at once,
/// so a dead Ollama costs one timeout per period rather than three.</summary>
internal sealed class LlmCircuitBreaker
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly int _failuresToOpen;
    private readonly TimeSpan _openFor;
    private int _consecutiveFailures;
    private DateTimeOffset? _openUntil;
    private bool _trial;

    public LlmCircuitBreaker(TimeProvider time, int failuresToOpen, TimeSpan openFor)
    {
        _time = time;
        _failuresToOpen = Math.Max(1, failuresToOpen);
        _openFor = openFor;
    }

    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                if (_openUntil is not { } until)
                {
                    return false;
                }

                if (_time.GetUtcNow() < until)
                {
                    return true;
                }

                _openUntil = null;
                _trial = true;
                return false;
            }
        }
    }

    public void RecordSuccess()
    {
        lock (_gate)
        {
            _consecutiveFailures = 0;
            _trial = false;
        }
    }

    /// <summary>Returns true when this failure opened the breaker.</summary>
    public bool RecordFailure()
    {
        lock (_gate)
        {
            _consecutiveFailures++;
            if (_openUntil is null && (_trial || _consecutiveFailures >= _failuresToOpen))
            {
                _openUntil = _time.GetUtcNow() + _openFor;
                _trial = false;
                _consecutiveFailures = 0;
                return true;
            }

            return false;
        }
    }
}
