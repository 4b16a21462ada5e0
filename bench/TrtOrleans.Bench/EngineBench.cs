namespace TrtOrleans.Bench;

internal static class EngineBench
{
    public static Task<int> RunAsync(int turns) => Task.FromResult(0);
}
