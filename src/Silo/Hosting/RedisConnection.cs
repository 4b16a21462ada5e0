using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;
using TrtOrleans.Grains.Persistence;

namespace TrtOrleans.Silo.Hosting;

/// <summary>The Redis connection of silos and gateways: REDIS_URL (rediss:// for TLS) plus Redis:CaCertificatePath,
/// the CA that must have issued the server's certificate (host name checked too). Start-up fails with one clear line
/// when Redis refuses the credentials or its certificate is not trusted; an unreachable Redis is only waited for.</summary>
public static class RedisConnection
{
    public const string CaSetting = "Redis:CaCertificatePath";

    public static ConfigurationOptions Options(IConfiguration configuration, string url)
    {
        var options = RedisUrl.Parse(url);
        if (configuration[CaSetting] is { Length: > 0 } caPath)
        {
            var ca = ClusterTls.LoadCa(caPath, CaSetting);
            options.CertificateValidation += (_, certificate, _, errors) =>
                certificate is not null
                && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
                && ClusterTls.IssuedBy(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()), ca);
        }

        return options;
    }

    /// <summary>Connects once and throws <see cref="StartupCheckException"/> when the server rejects the TLS handshake
    /// or the credentials. Any other failure (not up yet) is left to the background reconnects.</summary>
    public static void VerifyAccess(ConfigurationOptions options)
    {
        var probe = options.Clone();
        probe.AbortOnConnectFail = true;
        probe.ConnectRetry = 1;
        var where = string.Join(",", probe.EndPoints.Select(e => e.ToString()));
        try
        {
            using var connection = ConnectionMultiplexer.Connect(probe);
            connection.GetDatabase().Ping();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            if (Chain(ex).Any(e => e is AuthenticationException))
            {
                throw new StartupCheckException(
                    $"Redis at {where}: TLS handshake failed - the server certificate is not trusted (set {CaSetting} to the CA that issued it) or its name does not match the host.");
            }

            if (Chain(ex).Any(e => e.Message.Contains("WRONGPASS", StringComparison.Ordinal) || e.Message.Contains("NOAUTH", StringComparison.Ordinal)
                || e.Message.Contains("NOPERM", StringComparison.Ordinal) || (e is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure })))
            {
                throw new StartupCheckException($"Redis at {where}: the user name or password in REDIS_URL was rejected.");
            }
        }
    }

    private static IEnumerable<Exception> Chain(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
