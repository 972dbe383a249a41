using SpecialistPlatform.Provisioning;

namespace SpecialistPlatform.AppHost;

/// <summary>Every process's output, one line at a time, prefixed with its resource name (coloured on a
/// terminal) so interleaved logs stay readable.</summary>
public sealed class ConsoleLog
{
    private static readonly string[] Colours = ["36", "33", "35", "32", "34", "91", "96", "93", "95"];
    private readonly Dictionary<string, string> _colourByResource = [];
    private readonly bool _colour = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
    private readonly Lock _lock = new();
    private int _width = 20;

    public ProcessLog Sink => Write;

    public void Write(string resource, string line)
    {
        lock (_lock)
        {
            _width = Math.Max(_width, resource.Length);
            var prefix = resource.PadRight(_width);
            if (_colour)
            {
                if (!_colourByResource.TryGetValue(resource, out var colour))
                {
                    colour = Colours[_colourByResource.Count % Colours.Length];
                    _colourByResource[resource] = colour;
                }

                prefix = $"\u001b[{colour}m{prefix}\u001b[0m";
            }

            Console.Out.WriteLine($"{prefix} | {line}");
        }
    }

    public void Info(string line) => Write("apphost", line);

    /// <summary>Writes a block (the resource table) without prefixes, in one piece.</summary>
    public void Block(string text)
    {
        lock (_lock)
        {
            Console.Out.WriteLine(text);
        }
    }
}
