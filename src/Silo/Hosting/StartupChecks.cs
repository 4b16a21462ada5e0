using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace TrtOrleans.Silo.Hosting;

/// <summary>Start-up failures in one line. A port that is already taken would otherwise end the process with an
/// abort (exit 134) after a hundred lines of Orleans and Kestrel stack traces; here every port the process will
/// listen on is tried first, and a bind failure that still happens later (a race) is reported the same way.</summary>
public static class StartupChecks
{
    public const int ExitPortInUse = 1;

    /// <summary>The ports this process will listen on: its HTTP URLs (when Kestrel serves them; an in-memory test
    /// server has none) and, when it hosts a silo, the silo-to-silo and client gateway ports. Called after Build and
    /// before Run: nothing has started yet. Returns the exit code to end with, or null when all are free.</summary>
    public static int? CheckPorts(WebApplication app, string role, bool hostsSilo)
    {
        var wanted = new List<(IPEndPoint Endpoint, string Setting)>();
        var urls = app.Configuration[WebHostDefaults.ServerUrlsKey] ?? "";
        var kestrel = app.Services.GetService<IServer>()?.GetType().Name.StartsWith("Kestrel", StringComparison.Ordinal) == true;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (kestrel && HttpEndpoint(url) is { } endpoint)
            {
                wanted.Add((endpoint, $"HTTP {url} (urls / ASPNETCORE_URLS)"));
            }
        }

        var cluster = app.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        if (hostsSilo && !cluster.Kubernetes)
        {
            wanted.Add((new IPEndPoint(IPAddress.Any, cluster.SiloPort), $"Orleans silo port (Orleans:SiloPort)"));
            wanted.Add((new IPEndPoint(IPAddress.Any, cluster.GatewayPort), $"Orleans gateway port (Orleans:GatewayPort)"));
        }

        foreach (var (endpoint, setting) in wanted)
        {
            if (!IsFree(endpoint))
            {
                return Fail(role, endpoint.Port, setting);
            }
        }

        return null;
    }

    /// <summary>Runs the app; a bind failure that the check above could not foresee still ends in one line and exit 1.</summary>
    public static async Task<int> RunAsync(WebApplication app, string role)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (AddressInUse(ex) is { } socket)
        {
            return Fail(role, 0, socket.Message);
        }
        catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return 0; // stopped (Ctrl+C, SIGTERM) while still starting, e.g. a gateway waiting for its first silo
        }
    }

    private static int Fail(string role, int port, string what)
    {
        var which = port > 0 ? $"port {port} for the {what} is already in use" : $"a port is already in use ({what})";
        Console.Error.WriteLine($"{role}: cannot start: {which}. Stop the process holding it, or configure another port.");
        return ExitPortInUse;
    }

    private static SocketException? AddressInUse(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException ?? (ex as AggregateException)?.InnerExceptions.FirstOrDefault())
        {
            if (ex is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } socket)
            {
                return socket;
            }

            if (ex is IOException && ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return new SocketException((int)SocketError.AddressAlreadyInUse);
            }
        }

        return null;
    }

    private static IPEndPoint? HttpEndpoint(string url)
    {
        var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var address = uri.Host is "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed
            : IPAddress.Any;
        return new IPEndPoint(address, uri.Port);
    }

    private static bool IsFree(IPEndPoint endpoint)
    {
        if (endpoint.Port == 0)
        {
            return true;
        }

        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endpoint);
            socket.Listen();
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        catch (SocketException)
        {
            return true; // not ours to judge (e.g. an address not on this host): Kestrel reports it itself
        }
    }
}
