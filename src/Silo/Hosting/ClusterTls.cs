using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace TrtOrleans.Silo.Hosting;

/// <summary>Mutual TLS for Orleans connections (Microsoft.Orleans.Connections.Security) with certificates from files.
/// A peer is trusted when its certificate chains to the configured CA; host names are not compared, because silos
/// and gateways connect to each other by IP address from the membership table.</summary>
public static class ClusterTls
{
    /// <summary>Name this process asks for when it opens a connection (SNI); not used to trust the peer.</summary>
    public const string TargetHost = "trt-orleans";

    public static void UseTrtTls(this ISiloBuilder silo, TlsSettings settings)
    {
        var (certificate, ca) = Load(settings);
        silo.UseTls(certificate, o => Configure(o, certificate, ca));
    }

    public static void UseTrtTls(this IClientBuilder client, TlsSettings settings)
    {
        var (certificate, ca) = Load(settings);
        client.UseTls(certificate, o => Configure(o, certificate, ca));
    }

    /// <summary>True when <paramref name="certificate"/> chains to one of <paramref name="ca"/> (and is in date).</summary>
    public static bool IssuedBy(X509Certificate2 certificate, X509Certificate2Collection ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public static X509Certificate2Collection LoadCa(string path, string setting)
    {
        var ca = new X509Certificate2Collection();
        try
        {
            ca.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new StartupCheckException($"{setting}: cannot read a PEM CA certificate from '{path}' ({ex.GetType().Name}).");
        }

        return ca.Count > 0 ? ca : throw new StartupCheckException($"{setting}: '{path}' holds no PEM certificate.");
    }

    private static void Configure(TlsOptions o, X509Certificate2 certificate, X509Certificate2Collection ca)
    {
        o.LocalCertificate = certificate;
        o.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        o.RemoteCertificateValidation = (remote, _, _) => IssuedBy(remote, ca);
        o.OnAuthenticateAsClient = (_, ssl) => ssl.TargetHost = TargetHost;
    }

    private static (X509Certificate2 Certificate, X509Certificate2Collection Ca) Load(TlsSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.KeyPath) || string.IsNullOrWhiteSpace(settings.CaCertificatePath))
        {
            throw new StartupCheckException($"{TlsSettings.Section}: CertificatePath needs KeyPath and CaCertificatePath too.");
        }

        X509Certificate2 certificate;
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(settings.CertificatePath!, settings.KeyPath);
            // A PKCS#12 round trip gives a key that SslStream can use as a server certificate on every platform.
            certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new StartupCheckException(
                $"{TlsSettings.Section}: cannot load the certificate '{settings.CertificatePath}' with key '{settings.KeyPath}' ({ex.GetType().Name}).");
        }

        var ca = LoadCa(settings.CaCertificatePath, $"{TlsSettings.Section}:CaCertificatePath");
        return IssuedBy(certificate, ca)
            ? (certificate, ca)
            : throw new StartupCheckException($"{TlsSettings.Section}: the certificate '{settings.CertificatePath}' is not issued by the CA in '{settings.CaCertificatePath}'.");
    }
}
