namespace TrtOrleans.Ops.Tests;

/// <summary>A span as received over OTLP, with the service that sent it and its instrumentation scope.</summary>
internal sealed record OtlpSpan(
    string Service, string Scope, string Name, string TraceId, string SpanId, string ParentSpanId, int Kind,
    IReadOnlyDictionary<string, string> Attributes)
{
    public const int KindServer = 2;
    public const int KindClient = 3;

    /// <summary>ExportTraceServiceRequest: resource_spans(1) { resource(1), scope_spans(2) { scope(1) { name(1) },
    /// spans(2) { trace_id(1), span_id(2), parent_span_id(4), name(5), kind(6), attributes(9) } } }.</summary>
    public static IEnumerable<OtlpSpan> Decode(ReadOnlyMemory<byte> request)
    {
        foreach (var resourceSpans in ProtoReader.Messages(request, 1))
        {
            var service = ServiceName(resourceSpans);
            foreach (var scopeSpans in ProtoReader.Messages(resourceSpans, 2))
            {
                var scope = ProtoReader.Messages(scopeSpans, 1).Select(s => ProtoReader.String(s, 1)).FirstOrDefault() ?? "";
                foreach (var span in ProtoReader.Messages(scopeSpans, 2))
                {
                    var kind = ProtoReader.Fields(span).Where(f => f.Number == 6).Select(f => (int)f.Varint).FirstOrDefault();
                    yield return new OtlpSpan(service, scope, ProtoReader.String(span, 5), ProtoReader.Hex(span, 1),
                        ProtoReader.Hex(span, 2), ProtoReader.Hex(span, 4), kind, ReadAttributes(ProtoReader.Messages(span, 9)));
                }
            }
        }
    }

    /// <summary>service.name among the resource's attributes (resource(1) { attributes(1) }).</summary>
    public static string ServiceName(ReadOnlyMemory<byte> resourceContainer) =>
        ProtoReader.Messages(resourceContainer, 1)
            .Select(r => ReadAttributes(ProtoReader.Messages(r, 1)).GetValueOrDefault("service.name"))
            .FirstOrDefault(n => n is not null) ?? "";

    /// <summary>KeyValue { key(1), value(2): AnyValue { string_value(1) | bool(2) | int(3) | ... } }, as text.</summary>
    private static Dictionary<string, string> ReadAttributes(IEnumerable<ReadOnlyMemory<byte>> keyValues)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in keyValues)
        {
            var value = ProtoReader.Messages(kv, 2).FirstOrDefault();
            var field = ProtoReader.Fields(value).FirstOrDefault();
            result[ProtoReader.String(kv, 1)] = field.Number switch
            {
                1 => System.Text.Encoding.UTF8.GetString(field.Bytes.Span),
                2 or 3 => field.Varint.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "",
            };
        }

        return result;
    }
}
