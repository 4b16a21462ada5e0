namespace TrtOrleans.Silo.Hosting;

/// <summary>Orleans transport TLS (section "Orleans:Tls"): mutual TLS between silos and from gateways to silos.
/// On when <see cref="CertificatePath"/> is set; then every silo and gateway needs a certificate issued by the CA in
/// <see cref="CaCertificatePath"/>, and a peer without one is refused.</summary>
public sealed class TlsSettings
{
    public const string Section = "Orleans:Tls";

    /// <summary>PEM certificate of this process (silo or gateway).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="CertificatePath"/>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>PEM certificate(s) of the CA that issues the cluster's certificates: the only trust anchor.</summary>
    public string? CaCertificatePath { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
