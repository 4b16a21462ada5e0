using System.Security.Cryptography;

namespace TrtOrleans.Grains.Persistence;

/// <summary>AES-256-GCM with a random 96-bit nonce: <c>[nonce 12][ciphertext][tag 16]</c>.</summary>
internal static class AesGcmBox
{
    public const int NonceBytes = 12;
    public const int TagBytes = 16;
    public const int Overhead = NonceBytes + TagBytes;

    /// <summary>Writes nonce, ciphertext and tag into <paramref name="output"/> (plaintext length + <see cref="Overhead"/>).</summary>
    public static void Seal(byte[] key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> aad, Span<byte> output)
    {
        var nonce = output[..NonceBytes];
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, output.Slice(NonceBytes, plaintext.Length), output[(NonceBytes + plaintext.Length)..], aad);
    }

    public static void Open(byte[] key, ReadOnlySpan<byte> box, ReadOnlySpan<byte> aad, Span<byte> plaintext)
    {
        var length = box.Length - Overhead;
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(box[..NonceBytes], box.Slice(NonceBytes, length), box[(NonceBytes + length)..], plaintext[..length], aad);
    }
}
