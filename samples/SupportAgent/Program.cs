using Microsoft.Extensions.Configuration;
using SpecialistPlatform.Samples.SupportAgent;

// Usage: dotnet run --project samples/SupportAgent -- "ticket text"   (or the ticket on standard input)
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray())
    .Build();
var ticket = string.Join(' ', args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)));
if (string.IsNullOrWhiteSpace(ticket))
{
    ticket = await Console.In.ReadToEndAsync();
}

if (string.IsNullOrWhiteSpace(ticket))
{
    Console.Error.WriteLine("Give the ticket as an argument or on standard input.");
    return 2;
}

var agent = new SupportAgent(SupportAgent.BuildKernel(SupportAgentSettings.From(configuration)));
var reply = await agent.AnswerAsync(ticket);
if (reply.BlockedReason is not null)
{
    Console.Error.WriteLine($"Not answered: {reply.BlockedReason}");
    return 1;
}

Console.WriteLine(reply.Answer);
return 0;
