namespace TrtOrleans.Ops.Tests;

/// <summary>Just enough of the protobuf wire format to read OTLP export requests: fields by number, with nested
/// messages read the same way. (The OTLP .proto types are not served as a package here.)</summary>
internal static class ProtoReader
{
    public readonly record struct Field(int Number, ulong Varint, ReadOnlyMemory<byte> Bytes);

    public static IEnumerable<Field> Fields(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message.Span, ref position);
            var number = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    yield return new Field(number, ReadVarint(message.Span, ref position), default);
                    break;
                case 1:
                    yield return new Field(number, 0, message.Slice(position, 8));
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message.Span, ref position);
                    yield return new Field(number, 0, message.Slice(position, length));
                    position += length;
                    break;
                case 5:
                    yield return new Field(number, 0, message.Slice(position, 4));
                    position += 4;
                    break;
                default:
                    throw new FormatException($"unsupported wire type in tag {tag}");
            }
        }
    }

    public static IEnumerable<ReadOnlyMemory<byte>> Messages(ReadOnlyMemory<byte> message, int number) =>
        Fields(message).Where(f => f.Number == number).Select(f => f.Bytes);

    public static string String(ReadOnlyMemory<byte> message, int number) =>
        Fields(message).Where(f => f.Number == number).Select(f => System.Text.Encoding.UTF8.GetString(f.Bytes.Span)).LastOrDefault() ?? "";

    public static string Hex(ReadOnlyMemory<byte> message, int number) =>
        Fields(message).Where(f => f.Number == number).Select(f => Convert.ToHexStringLower(f.Bytes.Span)).LastOrDefault() ?? "";

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
