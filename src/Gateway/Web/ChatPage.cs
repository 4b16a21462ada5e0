using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace TrtOrleans.Gateway.Web;

/// <summary>Serves the chat page (wwwroot: plain HTML, CSS and JavaScript, no build step) at "/".</summary>
public static class ChatPage
{
    /// <summary>The page may talk to this gateway only: no script, style, font or request goes to a third party, so
    /// nothing a client types can leave through the page.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static WebApplication UseChatPage(this WebApplication app)
    {
        var files = PageFiles(app.Environment);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                // Small files that change with each release: always revalidate.
                headers[HeaderNames.CacheControl] = "no-cache";
            },
        });
        return app;
    }

    /// <summary>The web root when it holds the page (dotnet run, a published app), else the copy beside the program:
    /// a built gateway started from another folder (deploy/local-cluster.sh) has its content root there.</summary>
    private static IFileProvider PageFiles(IWebHostEnvironment environment)
    {
        if (environment.WebRootFileProvider.GetFileInfo("index.html").Exists)
        {
            return environment.WebRootFileProvider;
        }

        var besideProgram = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(besideProgram) ? new PhysicalFileProvider(besideProgram) : new NullFileProvider();
    }
}
