using Microsoft.Extensions.Configuration;

namespace SpecialistPlatform.Samples.SupportAgent;

/// <summary>
/// Section <c>SupportAgent</c> (appsettings.json, the environment as <c>SupportAgent__ModelApiKey</c>, or the command
/// line as <c>--SupportAgent:ModelApiKey=...</c>): the enterprise's own chat model (any OpenAI-compatible endpoint) and
/// the Specialist Platform's gateway with one of the tenant's API keys (roles submitter and, for the audit trail, auditor).
/// </summary>
public sealed record SupportAgentSettings(Uri ModelEndpoint, string Model, string ModelApiKey, Uri GatewayUri, string PlatformApiKey)
{
    public const string Section = "SupportAgent";

    /// <summary>Reads the section and names every missing or malformed setting at once, with its environment variable.</summary>
    public static SupportAgentSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var problems = new List<string>();
        var modelEndpoint = AbsoluteUri(nameof(ModelEndpoint));
        var model = Required(nameof(Model));
        var modelApiKey = Required(nameof(ModelApiKey));
        var gatewayUri = AbsoluteUri(nameof(GatewayUri));
        var platformApiKey = Required(nameof(PlatformApiKey));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The support agent is not configured: " + string.Join("; ", problems) + ".");
        }

        return new SupportAgentSettings(modelEndpoint!, model, modelApiKey, gatewayUri!, platformApiKey);

        string Required(string name)
        {
            var value = section[name];
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{Section}:{name} is empty (environment variable {Section}__{name})");
            }

            return value ?? "";
        }

        Uri? AbsoluteUri(string name)
        {
            var value = Required(name);
            if (value.Length > 0 && !Uri.TryCreate(value, UriKind.Absolute, out var uri))
            {
                problems.Add($"{Section}:{name} is not an absolute URI: '{value}'");
                return null;
            }

            return value.Length > 0 ? new Uri(value) : null;
        }
    }
}
