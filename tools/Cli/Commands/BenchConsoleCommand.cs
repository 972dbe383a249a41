using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SpecialistPlatform.Cli.Platform;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// specialist bench console --key KEY [--runs 9]: times every console page and the gateway endpoints behind them,
/// signed in with the key (use the one `specialist seed console` printed), and prints each one's median, p95 and slowest
/// answer. The full CSV export and the chain verification are timed once each: they read the whole trail by design.
/// </summary>
internal static partial class BenchConsoleCommand
{
    public static Command Build()
    {
        var key = new Option<string>("--key") { Description = "An API key of the tenant to measure (auditor or admin).", Required = true };
        var runs = new Option<int>("--runs") { Description = "Timed requests per target, after one untimed warm-up.", DefaultValueFactory = _ => 9 };
        var gatewayUrl = new Option<string?>("--gateway") { Description = "The gateway's address; default: the running AppHost's." };
        var consoleUrl = new Option<string?>("--console") { Description = "The console's address; default: the running AppHost's." };
        var whole = new Option<bool>("--whole-trail") { Description = "Also time the full CSV export and the chain verification." };
        var dataDir = new Option<string>("--data-dir") { Description = "The AppHost's data folder.", DefaultValueFactory = _ => AppHostState.DefaultDataDirectory() };
        var command = new Command("console", "Time each console page and gateway endpoint against the running platform.")
        {
            key, runs, gatewayUrl, consoleUrl, whole, dataDir,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var state = new AppHostState(parseResult.GetRequiredValue(dataDir));
            var gatewayAddress = new Uri(parseResult.GetValue(gatewayUrl) ?? state.ServiceUrl("gateway"));
            var consoleAddress = new Uri(parseResult.GetValue(consoleUrl) ?? state.ServiceUrl("console"));
            var apiKey = parseResult.GetRequiredValue(key);
            var count = Math.Max(1, parseResult.GetValue(runs));
            var output = parseResult.InvocationConfiguration.Output;

            using var gateway = new HttpClient { BaseAddress = gatewayAddress, Timeout = TimeSpan.FromMinutes(10) };
            gateway.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            using var console = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = consoleAddress,
                Timeout = TimeSpan.FromMinutes(10),
            };
            await SignInAsync(console, apiKey, cancellationToken);

            // Real ids and cursors to ask for: the newest job, a reference and the second page's cursor.
            using var first = JsonDocument.Parse(await gateway.GetStringAsync("/api/v1/jobs?pageSize=50", cancellationToken));
            var jobs = first.RootElement.GetProperty("jobs");
            if (jobs.GetArrayLength() == 0)
            {
                throw new UsageException("The key's tenant has no jobs: seed it first (specialist seed console).");
            }

            var job = jobs[0].GetProperty("id").GetString();
            var reference = jobs[jobs.GetArrayLength() - 1].GetProperty("clientReference").GetString();
            var cursor = first.RootElement.GetProperty("nextCursor").GetString();
            var monthAgo = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-30).ToString("O", CultureInfo.InvariantCulture));
            // The audit trail pages by cursor (a record's sequence): the newest page, and a page from the middle of the
            // trail, which must cost what the first does.
            using var newest = JsonDocument.Parse(await gateway.GetStringAsync($"/api/v1/audit?pageSize=50&before={long.MaxValue}", cancellationToken));
            var newestRecords = newest.RootElement.GetProperty("records");
            var middle = newestRecords.GetArrayLength() == 0 ? 0 : newestRecords[0].GetProperty("sequence").GetInt64() / 2;

            (string Name, HttpClient Client, string Url)[] targets =
            [
                ("gateway", gateway, "/api/v1/jobs?pageSize=50"),
                ("gateway", gateway, $"/api/v1/jobs?pageSize=50&after={cursor}"),
                ("gateway", gateway, "/api/v1/jobs?pageSize=50&state=Failed"),
                ("gateway", gateway, "/api/v1/jobs?pageSize=50&kind=invoice"),
                ("gateway", gateway, "/api/v1/jobs?pageSize=50&intent=card_arrival"),
                ("gateway", gateway, $"/api/v1/jobs?pageSize=50&clientReference={reference}"),
                ("gateway", gateway, $"/api/v1/jobs/{job}"),
                ("gateway", gateway, $"/api/v1/jobs/{job}/timeline"),
                ("gateway", gateway, "/api/v1/audit?pageSize=50"),
                ("gateway", gateway, $"/api/v1/audit?pageSize=50&after={middle}"),
                ("gateway", gateway, $"/api/v1/audit?pageSize=50&before={long.MaxValue}"),
                ("gateway", gateway, "/api/v1/audit?pageSize=50&step=escalation"),
                ("gateway", gateway, $"/api/v1/audit?pageSize=50&step=escalation&after={middle}"),
                ("gateway", gateway, "/api/v1/overview"),
                ("gateway", gateway, $"/api/v1/overview?from={monthAgo}"),
                ("gateway", gateway, "/api/v1/models"),
                ("gateway", gateway, "/api/v1/reports"),
                ("console", console, "/"),
                ("console", console, "/Jobs"),
                ("console", console, "/Jobs?state=Failed"),
                ("console", console, "/Jobs?intent=card_arrival"),
                ("console", console, $"/Jobs?clientReference={reference}"),
                ("console", console, $"/Jobs/{job}"),
                ("console", console, "/Audit"),
                ("console", console, $"/Audit?after={middle}"),
                ("console", console, "/Audit?step=escalation"),
                ("console", console, "/Models"),
                ("console", console, "/Evaluations"),
            ];

            await output.WriteLineAsync($"| where | request | median ms | p95 ms | slowest ms | status |");
            await output.WriteLineAsync($"|---|---|---|---|---|---|");
            foreach (var (name, client, url) in targets)
            {
                var (timings, status) = await TimeAsync(client, url, count, cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | `{Shorten(url)}` | {Percentile(timings, 0.5):0} | {Percentile(timings, 0.95):0} | {timings.Max():0} | {status} |"));
            }

            if (parseResult.GetValue(whole))
            {
                var stopwatch = Stopwatch.StartNew();
                using var export = await console.GetAsync("/Audit?handler=Export&format=csv", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                var firstByte = stopwatch.Elapsed;
                await using var body = await export.Content.ReadAsStreamAsync(cancellationToken);
                using var reader = new StreamReader(body);
                long lines = 0;
                while (await reader.ReadLineAsync(cancellationToken) is not null)
                {
                    lines++;
                }

                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Full CSV export through the console: {lines - 1:N0} records in {stopwatch.Elapsed.TotalSeconds:0.0} s (first bytes after {firstByte.TotalMilliseconds:0} ms), status {(int)export.StatusCode}."));
                stopwatch.Restart();
                var verify = await gateway.GetStringAsync("/api/v1/audit/verify", cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Chain verification: {stopwatch.Elapsed.TotalSeconds:0.0} s, intact={JsonDocument.Parse(verify).RootElement.GetProperty("intact").GetBoolean()}, records checked={JsonDocument.Parse(verify).RootElement.GetProperty("recordsChecked").GetInt64():N0}."));
            }

            return 0;
        }));
        return command;
    }

    private static async Task SignInAsync(HttpClient console, string apiKey, CancellationToken cancellationToken)
    {
        var form = await console.GetStringAsync("/SignIn", cancellationToken);
        var token = AntiforgeryToken().Match(form) is { Success: true } match
            ? match.Groups[1].Value
            : throw new UsageException($"{console.BaseAddress}SignIn has no sign-in form: is that the console?");
        using var signIn = await console.PostAsync("/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ApiKey"] = apiKey,
            ["__RequestVerificationToken"] = token,
        }), cancellationToken);
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new UsageException($"The console did not accept the key (status {(int)signIn.StatusCode}).");
        }
    }

    private static async Task<(List<double> Timings, int Status)> TimeAsync(HttpClient client, string url, int runs, CancellationToken cancellationToken)
    {
        var timings = new List<double>(runs);
        var status = 0;
        for (var i = 0; i <= runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            stopwatch.Stop();
            status = (int)response.StatusCode;
            if (i > 0)
            {
                timings.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        return (timings, status);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string Shorten(string url) => url.Length > 70 ? url[..67] + "..." : url;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
