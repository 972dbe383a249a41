using System.ComponentModel.DataAnnotations;
using SpecialistPlatform.Frontier;

namespace SpecialistPlatform.FrontierEscalation.Tests;

/// <summary>What the frontier service refuses to start with: redacted text never crosses a network in clear.</summary>
public sealed class FrontierOptionsTests
{
    [Theory]
    [InlineData("http://api.example.com/v1", false)]
    [InlineData("http://10.0.0.7:8000/v1", false)]
    [InlineData("https://api.example.com/v1", true)]
    [InlineData("http://127.0.0.1:8000/v1", true)]
    [InlineData("http://localhost:11434/v1", true)]
    [InlineData("http://[::1]:8000/v1", true)]
    public void Plain_http_is_allowed_only_on_loopback(string endpoint, bool valid)
    {
        var options = new FrontierOptions
        {
            Models = [new FrontierModelOptions { Provider = "openai", Endpoint = new Uri(endpoint), Model = "m", ApiKey = "k" }],
        };

        var problems = options.Validate(new ValidationContext(options)).ToList();

        if (valid)
        {
            problems.ShouldBeEmpty();
        }
        else
        {
            problems.ShouldHaveSingleItem().ErrorMessage!.ShouldContain("plain http://");
        }
    }
}
