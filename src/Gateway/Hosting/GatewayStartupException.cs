namespace TrtOrleans.Gateway.Hosting;

/// <summary>A configuration the gateway refuses to start with. Its message is one complete line for the operator
/// (Program prints it alone, without a stack trace, and exits with code 2).</summary>
public sealed class GatewayStartupException(string message) : Exception(message);
