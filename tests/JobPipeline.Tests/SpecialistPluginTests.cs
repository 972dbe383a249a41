using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using SpecialistPlatform.Client;
using SpecialistPlatform.Client.Exceptions;
using SpecialistPlatform.Client.Models;
using SpecialistPlatform.Client.SemanticKernel;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Samples.SupportAgent;
using SpecialistPlatform.TestInfrastructure;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>
/// The client package against the running platform: its typed client, and the sample support agent whose model (an
/// OpenAI-compatible double standing in for the enterprise's own chat model) calls the specialists plugin's functions.
/// </summary>
public sealed class SpecialistPluginTests(PlatformFixture platform)
{
    private const string CustomerName = "Anna Schmidt";
    private const string CustomerEmail = "anna.schmidt@example.com";
    private const string CustomerCard = "4111 1111 1111 1111";

    private static readonly string Ticket =
        $"Hello, this is {CustomerName}. I do not recognise a payment of £20.50 on my card {CustomerCard} from 3 March 2026. " +
        $"Please refund it and write to me at {CustomerEmail}.";

    [Fact]
    public async Task Typed_client_submits_once_per_idempotency_key_waits_and_reads_the_result_and_audit_trail()
    {
        await using var services = ClientServices();
        var client = services.GetRequiredService<SpecialistPlatformClient>();
        var startedAt = DateTimeOffset.UtcNow.AddSeconds(-5);
        var submission = new JobSubmission("support-ticket", Ticket, new Dictionary<string, string> { ["channel"] = "email" });
        var idempotencyKey = $"client-test-{Guid.NewGuid()}";
        var cancellation = TestContext.Current.CancellationToken;

        var accepted = await client.SubmitJobAsync(submission, idempotencyKey, cancellation);
        var retried = await client.SubmitJobAsync(submission, idempotencyKey, cancellation);
        var job = await client.WaitForJobAsync(accepted.JobId, TimeSpan.FromSeconds(90), cancellation);

        accepted.Replayed.ShouldBeFalse();
        retried.Replayed.ShouldBeTrue();
        retried.JobId.ShouldBe(accepted.JobId);
        job.IsFinal.ShouldBeTrue();
        job.Status.ShouldNotBe(JobStatus.Failed, job.FailureReason);
        job.Kind.ShouldBe("support-ticket");
        var result = job.Result.ShouldNotBeNull();
        result.Intent.ShouldNotBeNull().Label.ShouldNotBeNullOrWhiteSpace();
        result.Compliance.ShouldNotBeNull().Entities.Select(e => e.Type).ShouldContain("EMAIL_ADDRESS");
        result.Compliance.RedactedText.ShouldNotContain(CustomerEmail);
        result.Compliance.RedactedText.ShouldNotContain(CustomerCard);
        result.Extraction.ShouldNotBeNull().Schema.ShouldNotBeNullOrWhiteSpace();

        var audit = await EventuallyAuditAsync(client, job.Id, ResourceNames.Steps.Completion);
        // Each step the ticket ran through is in its trail.
        new[] { ResourceNames.Steps.Intake, ResourceNames.Steps.Compliance, ResourceNames.Steps.Intent, ResourceNames.Steps.Extraction }
            .ShouldBeSubsetOf(audit.Select(r => r.Step));
        audit.ShouldAllBe(r => r.JobId == job.Id && r.Hash.Length > 0);
        audit.Select(r => r.Sequence).ShouldBeInOrder(SortDirection.Ascending);

        var intakeRecords = await client.QueryAuditAsync(new AuditQuery { Step = ResourceNames.Steps.Intake, From = startedAt, PageSize = 500 }, cancellation);
        intakeRecords.Records.ShouldContain(r => r.JobId == job.Id);
        intakeRecords.Records.ShouldAllBe(r => r.Step == ResourceNames.Steps.Intake);
    }

    [Fact]
    public async Task Refusals_become_typed_exceptions_naming_the_problem()
    {
        await using var services = ClientServices();
        var client = services.GetRequiredService<SpecialistPlatformClient>();
        var cancellation = TestContext.Current.CancellationToken;
        var idempotencyKey = $"client-conflict-{Guid.NewGuid()}";
        await client.SubmitJobAsync(new JobSubmission("email", "Where is my new card?"), idempotencyKey, cancellation);

        var unknownKind = await Should.ThrowAsync<InvalidRequestException>(() => client.SubmitJobAsync(new JobSubmission("no-such-kind", "hello"), cancellationToken: cancellation));
        var conflict = await Should.ThrowAsync<IdempotencyConflictException>(() => client.SubmitJobAsync(new JobSubmission("email", "Another text"), idempotencyKey, cancellation));
        var missingJob = Guid.NewGuid();
        var notFound = await Should.ThrowAsync<NotFoundException>(() => client.GetJobAsync(missingJob, cancellation));
        var badPage = await Should.ThrowAsync<InvalidRequestException>(() => client.QueryAuditAsync(new AuditQuery { PageSize = 501 }, cancellation));

        unknownKind.Title.ShouldBe("Unknown kind");
        unknownKind.Detail.ShouldNotBeNull().ShouldContain("no-such-kind");
        conflict.Title.ShouldBe("Idempotency key reused");
        notFound.Detail.ShouldNotBeNull().ShouldContain(missingJob.ToString());
        badPage.Message.ShouldContain("400");

        await using var wrongKey = ClientServices(apiKey: "sp_not_a_key_of_any_tenant");
        var rejected = await Should.ThrowAsync<ApiKeyRejectedException>(
            () => wrongKey.GetRequiredService<SpecialistPlatformClient>().GetJobAsync(missingJob, cancellation));
        rejected.Detail.ShouldNotBeNull().ShouldContain("X-Api-Key");
    }

    [Fact]
    public async Task Support_agent_calls_the_specialists_on_the_platform_and_its_model_never_sees_the_tickets_personal_data()
    {
        // The enterprise's chat model: it asks for the specialists in two rounds, then writes a reply addressed to the
        // placeholder it was given. Every argument it passes is text from the request it received.
        await using var enterpriseModel = (await FakeFrontier.StartAsync())
            .CallsTools(request =>
            [
                new(Tool("classify_intent"), new { text = TicketAsSent(request) }),
                new(Tool("check_moderation"), new { text = TicketAsSent(request) }),
                new(Tool("detect_personal_data"), new { text = TicketAsSent(request) }),
            ])
            .CallsTools(request =>
            [
                new(Tool("extract_fields"), new { text = TicketAsSent(request), kind = "support-ticket" }),
                new(Tool("escalate_through_platform"), new { text = TicketAsSent(request) }),
            ])
            .AnswersFrom(request => $"Dear {FirstPlaceholder(TicketAsSent(request), "PERSON")}, we are looking into the payment and will write again within two days.");
        var settings = new SupportAgentSettings(enterpriseModel.Endpoint, "enterprise-model", "sk-enterprise-test", new Uri(platform.GatewayUrl), PlatformFixture.DevApiKey);
        var kernel = SupportAgent.BuildKernel(settings);

        var reply = await new SupportAgent(kernel).AnswerAsync(Ticket, TestContext.Current.CancellationToken);

        reply.BlockedReason.ShouldBeNull();
        var requests = enterpriseModel.Requests.Select(body => JsonDocument.Parse(body).RootElement.Clone()).ToList();
        requests.Count.ShouldBe(3, "two rounds of tool calls and the final answer");
        var results = ToolResults(requests[^1]);
        results.Keys.ShouldBe(["classify_intent", "check_moderation", "detect_personal_data", "extract_fields", "escalate_through_platform"], ignoreOrder: true);
        results.Values.ShouldAllBe(r => r.ValueKind == JsonValueKind.Object, "every function answered JSON, none an error");
        results["classify_intent"].GetProperty("intent").GetString().ShouldNotBeNullOrWhiteSpace();
        results["check_moderation"].GetProperty("action").GetString().ShouldNotBeNullOrWhiteSpace();
        results["extract_fields"].GetProperty("schema").GetString().ShouldNotBeNullOrWhiteSpace();

        // End to end: each job a function ran exists on the platform, is final, and is in the audit trail.
        await using var services = ClientServices();
        var client = services.GetRequiredService<SpecialistPlatformClient>();
        foreach (var function in new[] { "classify_intent", "extract_fields", "escalate_through_platform" })
        {
            var jobId = results[function].GetProperty("jobId").GetGuid();
            var job = await client.GetJobAsync(jobId, TestContext.Current.CancellationToken);
            job.IsFinal.ShouldBeTrue($"{function}'s job {jobId}");
            var audit = await EventuallyAuditAsync(client, jobId, ResourceNames.Steps.Completion);
            audit.Select(r => r.Step).ShouldContain(ResourceNames.Steps.Compliance);
        }

        // Nothing the model received, in any request (instructions, ticket, function results), holds the ticket's
        // personal data; it holds the platform's placeholders instead. The customer's reply has them restored locally.
        var everythingTheModelSaw = string.Join('\n', requests.SelectMany(StringsIn));
        everythingTheModelSaw.ShouldNotContain(CustomerName);
        everythingTheModelSaw.ShouldNotContain(CustomerEmail);
        everythingTheModelSaw.ShouldNotContain(CustomerCard);
        everythingTheModelSaw.ShouldNotContain(CustomerCard.Replace(" ", ""));
        reply.RedactedTicket.ShouldNotBeNull().ShouldContain("<PERSON_1>");
        everythingTheModelSaw.ShouldContain(reply.RedactedTicket);
        reply.Answer.ShouldNotBeNull().ShouldStartWith($"Dear {CustomerName},");
    }

    [Fact]
    public async Task Plugin_functions_given_raw_text_answer_with_the_policys_placeholders_never_the_personal_values()
    {
        // A kernel with no chat model at all: the functions are invoked directly, as an application's own code may.
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSpecialistPlatformClient(new Uri(platform.GatewayUrl), PlatformFixture.DevApiKey);
        builder.Plugins.AddFromType<SpecialistPlugin>(SupportAgent.PluginName);
        var kernel = builder.Build();
        var cancellation = TestContext.Current.CancellationToken;

        var answers = new Dictionary<string, JsonElement>();
        foreach (var function in new[] { "detect_personal_data", "redact_personal_data", "extract_fields", "escalate_through_platform" })
        {
            var result = await kernel.InvokeAsync(SupportAgent.PluginName, function, new KernelArguments { ["text"] = Ticket }, cancellation);
            var answer = result.GetValue<string>().ShouldNotBeNull();
            answer.ShouldNotContain(CustomerName, customMessage: function);
            answer.ShouldNotContain(CustomerEmail, customMessage: function);
            answer.ShouldNotContain(CustomerCard, customMessage: function);
            answers[function] = JsonDocument.Parse(answer).RootElement.Clone();
        }

        answers["detect_personal_data"].GetProperty("types").GetProperty("EMAIL_ADDRESS").GetInt32().ShouldBe(1);
        answers["redact_personal_data"].GetProperty("text").GetString().ShouldNotBeNull().ShouldContain("<PERSON_1>");
        // The extractor read the e-mail address from the original text; the model is shown the policy's placeholder for it.
        var email = answers["extract_fields"].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "email");
        email.GetProperty("text").GetString().ShouldNotBeNull().ShouldMatch("^<EMAIL_ADDRESS_[0-9]+>$");
        email.TryGetProperty("value", out _).ShouldBeFalse("a personal value's normalised form would repeat it");
        answers["escalate_through_platform"].GetProperty("jobId").GetGuid().ShouldBe(answers["extract_fields"].GetProperty("jobId").GetGuid(),
            "the same kind and text are the same job: the plugin's Idempotency-Key");
    }

    private ServiceProvider ClientServices(string apiKey = PlatformFixture.DevApiKey)
    {
        var services = new ServiceCollection();
        services.AddSpecialistPlatformClient(new Uri(platform.GatewayUrl), apiKey);
        return services.BuildServiceProvider();
    }

    /// <summary>The job's trail once <paramref name="step"/> is in: audit records are written after the job's outcome.</summary>
    private static async Task<IReadOnlyList<AuditRecord>> EventuallyAuditAsync(SpecialistPlatformClient client, Guid jobId, string step)
    {
        IReadOnlyList<AuditRecord> audit = [];
        await PlatformFixture.EventuallyAsync(
            async () => (audit = await client.GetJobAuditAsync(jobId)).Any(r => r.Step == step),
            $"job {jobId}'s audit trail gets its {step} record", TimeSpan.FromSeconds(30));
        return audit;
    }

    /// <summary>The function's name as Semantic Kernel advertises it to an OpenAI-compatible model: plugin-function.</summary>
    private static string Tool(string function) => $"{SupportAgent.PluginName}-{function}";

    /// <summary>The ticket as the agent put it in the user message: after its first line.</summary>
    private static string TicketAsSent(JsonElement request)
    {
        var user = request.GetProperty("messages").EnumerateArray().First(m => m.GetProperty("role").GetString() == "user");
        var content = MessageText(user);
        return content[(content.IndexOf('\n') + 1)..];
    }

    private static string FirstPlaceholder(string text, string type) =>
        Regex.Match(text, $"<{type}_\\d+>") is { Success: true } match ? match.Value : throw new InvalidOperationException($"No <{type}_n> placeholder in: {text}");

    /// <summary>The function results in a request, by function name (without the plugin prefix), each parsed as JSON.</summary>
    private static Dictionary<string, JsonElement> ToolResults(JsonElement request)
    {
        var messages = request.GetProperty("messages").EnumerateArray().ToList();
        var names = messages
            .Where(m => m.TryGetProperty("tool_calls", out _))
            .SelectMany(m => m.GetProperty("tool_calls").EnumerateArray())
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("function").GetProperty("name").GetString()!);
        return messages
            .Where(m => m.GetProperty("role").GetString() == "tool")
            .ToDictionary(
                m => names[m.GetProperty("tool_call_id").GetString()!][(SupportAgent.PluginName.Length + 1)..],
                m => ParseOrText(MessageText(m)));
    }

    private static JsonElement ParseOrText(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            // Semantic Kernel reports a function's exception as plain text: keep it, so the assertion shows it.
            return JsonSerializer.SerializeToElement(text);
        }
    }

    /// <summary>A message's text, whether the client sent its content as a string or as an array of text parts.</summary>
    private static string MessageText(JsonElement message) =>
        message.GetProperty("content") is { ValueKind: JsonValueKind.Array } parts
            ? string.Concat(parts.EnumerateArray().Select(p => p.GetProperty("text").GetString()))
            : message.GetProperty("content").GetString() ?? "";

    private static IEnumerable<string> StringsIn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => StringsIn(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(StringsIn),
        _ => [],
    };
}
