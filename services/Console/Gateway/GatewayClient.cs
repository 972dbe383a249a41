using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SpecialistPlatform.Console.Gateway;

/// <summary>
/// The gateway's HTTP API with the signed-in session's key (<see cref="Sessions.SessionApiKeyHandler"/>). Every refusal
/// becomes a <see cref="GatewayProblemException"/> carrying the gateway's own title and detail.
/// </summary>
public sealed class GatewayClient(HttpClient http, IHttpClientFactory factory)
{
    public const string StreamingClient = "gateway-streaming";

    /// <summary>Who <paramref name="apiKey"/> is, or null when the gateway does not accept it.</summary>
    public async Task<SessionView?> GetSessionAsync(string apiKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/session");
        request.Options.Set(Sessions.SessionApiKeyHandler.ExplicitKey, apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            return null;
        }

        return await ReadAsync<SessionView>(response, cancellationToken);
    }

    public Task<JobSearchPage> SearchJobsAsync(JobFilter filter, string? after, int pageSize, CancellationToken cancellationToken) =>
        GetAsync<JobSearchPage>(Url("/api/v1/jobs", [.. filter.Parameters(), ("after", after), ("pageSize", pageSize.ToString())]), cancellationToken);

    public Task<JobView> GetJobAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<JobView>($"/api/v1/jobs/{id}", cancellationToken);

    public Task<List<TimelineEntry>> GetJobTimelineAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<List<TimelineEntry>>($"/api/v1/jobs/{id}/timeline", cancellationToken);

    /// <summary>A page of the trail after (or before) a cursor from an earlier page; neither: the first page.</summary>
    public Task<AuditPage> QueryAuditAsync(AuditFilter filter, long? after, long? before, int pageSize, CancellationToken cancellationToken) =>
        GetAsync<AuditPage>(Url("/api/v1/audit", [.. filter.Parameters(), ("after", after?.ToString()), ("before", before?.ToString()),
            ("pageSize", pageSize.ToString())]), cancellationToken);

    public Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken) =>
        GetAsync<AuditVerification>("/api/v1/audit/verify", cancellationToken);

    /// <summary>The export as the gateway streams it: headers read, body not yet. The caller copies and disposes it.</summary>
    public async Task<HttpResponseMessage> OpenAuditExportAsync(string format, AuditFilter filter, CancellationToken cancellationToken)
    {
        var streaming = factory.CreateClient(StreamingClient);
        var response = await streaming.GetAsync(
            Url("/api/v1/audit/export", [("format", format), .. filter.Parameters()]), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ProblemAsync(response, cancellationToken);
            }
        }

        return response;
    }

    public Task<TenantOverview> GetOverviewAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        GetAsync<TenantOverview>(Url("/api/v1/overview", [("from", from?.ToString("O")), ("to", to?.ToString("O"))]), cancellationToken);

    public Task<List<RegisteredModel>> ListModelsAsync(CancellationToken cancellationToken) =>
        GetAsync<List<RegisteredModel>>("/api/v1/models", cancellationToken);

    public async Task PromoteModelAsync(string task, string name, string version, string to, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            $"/api/v1/models/{Uri.EscapeDataString(task)}/{Uri.EscapeDataString(name)}/promote", new { version, to }, cancellationToken);
        await ReadAsync<JsonElement>(response, cancellationToken);
    }

    public async Task RollbackModelAsync(string task, string name, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(
            $"/api/v1/models/{Uri.EscapeDataString(task)}/{Uri.EscapeDataString(name)}/rollback", content: null, cancellationToken);
        await ReadAsync<JsonElement>(response, cancellationToken);
    }

    public Task<List<ShadowAgreementSeries>> ListShadowAgreementAsync(CancellationToken cancellationToken) =>
        GetAsync<List<ShadowAgreementSeries>>("/api/v1/models/shadow-agreement", cancellationToken);

    /// <summary>Sets the shadow version's canary share; null returns to the serving services' own setting.</summary>
    public async Task SetCanaryShareAsync(string task, string name, string version, double? share, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync(
            $"/api/v1/models/{Uri.EscapeDataString(task)}/{Uri.EscapeDataString(name)}/canary-share", new { version, share }, cancellationToken);
        await ReadAsync<JsonElement>(response, cancellationToken);
    }

    public Task<List<ReportSummary>> ListReportsAsync(string? kind, int page, CancellationToken cancellationToken) =>
        GetAsync<List<ReportSummary>>(Url("/api/v1/reports", [("kind", kind), ("page", page.ToString()), ("pageSize", "50")]), cancellationToken);

    public async Task<string> GetReportHtmlAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/api/v1/reports/{id}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken);
        }

        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public Task<T> GetAsync<T>(string url, CancellationToken cancellationToken) => SendAsync<T>(url, cancellationToken);

    private async Task<T> SendAsync<T>(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, cancellationToken)
            ?? throw new GatewayProblemException(StatusCodes.Status502BadGateway, "Empty answer", $"The gateway answered {response.RequestMessage?.RequestUri} with no body.");
    }

    private static async Task<GatewayProblemException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var title = response.ReasonPhrase ?? status.ToString();
        var detail = "";
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (problem.ValueKind == JsonValueKind.Object)
            {
                title = problem.TryGetProperty("title", out var t) && t.GetString() is { } text ? text : title;
                detail = problem.TryGetProperty("detail", out var d) && d.GetString() is { } more ? more : "";
            }
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // Not problem details (a proxy's page, an empty body): the status and reason say what there is to say.
        }

        return new GatewayProblemException(status, title, detail);
    }

    /// <summary>A path with the given query parameters, empty ones left out (an empty form field means "any").</summary>
    public static string Url(string path, IEnumerable<(string Name, string? Value)> parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return path + query;
    }
}
