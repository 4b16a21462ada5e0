using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace TrtOrleans.Bench.Compare;

/// <summary>The sessions a load run talks to, each progressing through the stage-1 script one turn at a time (never
/// two turns of one session in flight). A session that finishes the script is replaced by a new session id.
/// Request bodies are assembled from pre-encoded pieces: the id, the request id and a line generated before the
/// run, so the load generator spends almost nothing per request.</summary>
internal sealed class SessionPool
{
    private static readonly byte[] Part1 = "{\"session_id\":\""u8.ToArray();
    private static readonly byte[] Part2 = "\",\"request_id\":\""u8.ToArray();
    private static readonly byte[] Part3 = "\",\"user_input\":"u8.ToArray();

    private readonly ConcurrentQueue<Session> _idle = new();
    private readonly ConcurrentQueue<byte[]>[] _lines;
    private readonly NovelInputs _inputs;
    private readonly string _prefix;
    private int _created;

    public SessionPool(string prefix, int sessions, int seed)
    {
        _prefix = prefix;
        _inputs = new NovelInputs(seed);
        _lines = [.. Enumerable.Range(0, NovelInputs.Length).Select(_ => new ConcurrentQueue<byte[]>())];
        for (var i = 0; i < sessions; i++)
        {
            _idle.Enqueue(NewSession());
        }
    }

    public int Count => _idle.Count;

    /// <summary>Lines generated while a run was measured because the pre-generated ones ran out (should be 0).</summary>
    public int LinesGeneratedLate { get; private set; }

    /// <summary>Generates the lines about <paramref name="turns"/> more turns will use, before a run. Sessions are
    /// handed out in order, so each of the N sessions gets turns/N of them, from its current step on (a session
    /// that finishes the script is followed by a new one at step 0).</summary>
    public void Prepare(int turns)
    {
        var demand = new int[NovelInputs.Length];
        var sessions = _idle.ToArray();
        for (var i = 0; i < sessions.Length; i++)
        {
            var count = turns / sessions.Length + (i < turns % sessions.Length ? 1 : 0);
            for (var k = 0; k < count; k++)
            {
                demand[(sessions[i].Step + k) % NovelInputs.Length]++;
            }
        }

        lock (_inputs)
        {
            for (var step = 0; step < NovelInputs.Length; step++)
            {
                for (var i = _lines[step].Count; i < demand[step]; i++)
                {
                    _lines[step].Enqueue(Encode(_inputs.Line(step, i)));
                }
            }
        }
    }

    /// <summary>An idle session (the caller owns it until <see cref="Return"/>), or null if all are in flight.</summary>
    public Session? Take() => _idle.TryDequeue(out var s) ? (s.Step >= NovelInputs.Length ? NewSession() : s) : null;

    public void Return(Session session) => _idle.Enqueue(session);

    /// <summary>The next turn's request body of <paramref name="session"/>; advances it.</summary>
    public byte[] NextBody(Session session)
    {
        var step = session.Step++;
        if (!_lines[step].TryDequeue(out var line))
        {
            lock (_inputs)
            {
                LinesGeneratedLate++;
                line = Encode(_inputs.Line(step, session.Topic));
            }
        }

        var requestId = Encoding.ASCII.GetBytes($"r{session.Number}-{step}");
        var body = new byte[Part1.Length + session.IdBytes.Length + Part2.Length + requestId.Length + Part3.Length + line.Length + 1];
        var span = body.AsSpan();
        var at = 0;
        foreach (var piece in (ReadOnlySpan<byte[]>)[Part1, session.IdBytes, Part2, requestId, Part3, line])
        {
            piece.CopyTo(span[at..]);
            at += piece.Length;
        }

        span[at] = (byte)'}';
        return body;
    }

    private Session NewSession()
    {
        var n = Interlocked.Increment(ref _created);
        var id = $"{_prefix}_{n}";
        return new Session(id, Encoding.ASCII.GetBytes(id), n, n % 97);
    }

    private static byte[] Encode(string line) => JsonSerializer.SerializeToUtf8Bytes(line);

    internal sealed class Session(string id, byte[] idBytes, int number, int topic)
    {
        public string Id { get; } = id;

        public byte[] IdBytes { get; } = idBytes;

        public int Number { get; } = number;

        public int Topic { get; } = topic;

        public int Step { get; set; }
    }
}
