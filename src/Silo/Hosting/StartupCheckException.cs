namespace TrtOrleans.Silo.Hosting;

/// <summary>A configuration or dependency problem found at start that the process must not run with (a bad
/// certificate, a Redis that refuses the credentials). The message is one complete line for the operator.</summary>
public sealed class StartupCheckException(string message) : Exception(message);
