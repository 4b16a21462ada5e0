namespace TrtOrleans.Gateway.Http;

public sealed class ApiKeyEntry
{
    public string ClientId { get; set; } = "";

    /// <summary>"client" or "admin".</summary>
    public string Role { get; set; } = "client";

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public string Sha256 { get; set; } = "";
}
