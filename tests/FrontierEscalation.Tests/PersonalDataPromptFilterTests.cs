using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using SpecialistPlatform.Frontier;
using SpecialistPlatform.Jobs.Pipelines;

namespace SpecialistPlatform.FrontierEscalation.Tests;

/// <summary>The Kernel's last check before a prompt leaves: personal data that is not a placeholder stops the call.</summary>
public sealed class PersonalDataPromptFilterTests
{
    private static readonly string[] Labels = ["card_arrival", "lost_or_stolen_card", "pending_transfer"];
    private readonly PersonalDataPromptFilter _filter = new();

    [Fact]
    public void Placeholders_and_hash_tokens_are_let_through()
    {
        var prompt = """
            <message role="system">Copy placeholders such as &lt;PERSON_1&gt; exactly.</message>
            <message role="user">&lt;customer_text&gt;
            Write to &lt;EMAIL_ADDRESS_1&gt; or call &lt;PHONE_NUMBER_2&gt;; pay to &lt;IBAN_CODE#9f2c41d0aa17b3e5&gt;.
            &lt;/customer_text&gt;</message>
            """;

        _filter.PersonalDataTypesIn(prompt).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Example: a customer writes from jane.doe@example.com about her card.", "EMAIL_ADDRESS")]
    [InlineData("Example: jane.doe&#64;example.com asks where the card is.", "EMAIL_ADDRESS")]
    [InlineData("Example: pay the invoice to GB82 WEST 1234 5698 7654 32 by Friday.", "IBAN_CODE")]
    [InlineData("Example: my card 4111 1111 1111 1111 was charged twice.", "CREDIT_CARD")]
    public void Personal_data_in_the_instructions_or_an_example_is_found_by_type(string example, string type)
    {
        var prompt = $"<message role=\"system\">{example}</message><message role=\"user\">&lt;customer_text&gt;\nWhere is &lt;PERSON_1&gt;'s card?\n&lt;/customer_text&gt;</message>";

        _filter.PersonalDataTypesIn(prompt).ShouldBe([type]);
    }

    [Fact]
    public void An_address_in_the_schema_sent_with_the_prompt_is_found_too()
    {
        var schema = """{"type":"object","properties":{"email":{"type":"string","description":"e.g. jane.doe@example.com"}}}""";

        _filter.PersonalDataTypesIn("<message role=\"user\">Extract the fields.</message>", schema).ShouldBe(["EMAIL_ADDRESS"]);
    }

    [Fact]
    public async Task The_shipped_templates_rendered_for_every_task_and_schema_find_nothing_in_redacted_text()
    {
        var schemas = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "pipelines.json")).Build()
            .GetSection(PipelineOptions.Section).Get<PipelineOptions>()!.Schemas;
        const string redacted = "Invoice INV-2024-0042 from <ORGANIZATION_1>, payable by 30/11/2026 to <IBAN_CODE_1>; total GBP 120.00. "
                                + "Questions to <EMAIL_ADDRESS_1> or <PHONE_NUMBER_1>, ask for <PERSON_1>.";
        var client = new CountingChatClient();
        var kernel = KernelWith(client);
        FrontierTask[] tasks =
        [
            FrontierTask.Classify(Labels, "email"), FrontierTask.Summarise("support-ticket"),
            .. schemas.Select(schema => FrontierTask.Extract(schema.Key, schema.Value)),
        ];

        foreach (var task in tasks)
        {
            var result = await kernel.InvokeAsync(task.Prompt.ToFunction(), Arguments(task, redacted), TestContext.Current.CancellationToken);

            _filter.PersonalDataTypesIn(result.RenderedPrompt!, task.Schema.GetRawText()).ShouldBeEmpty($"{task.Name} {task.Values.GetValueOrDefault("schema_name")}");
        }

        schemas.Count.ShouldBeGreaterThan(3);
        client.Requests.ShouldBe(tasks.Length);
    }

    [Fact]
    public async Task A_template_example_carrying_an_address_is_stopped_before_the_chat_client_is_called()
    {
        var leaking = FrontierTask.Classify(Labels, "email") with
        {
            Prompt = new FrontierPrompt("classify-with-example", 1, FrontierPrompts.Classify.Template.Replace(
                "{{$customer_text}}", "For example, a mail from jane.doe@example.com asking where the card is: card_arrival.\n\n{{$customer_text}}")),
        };
        var client = new CountingChatClient();

        var blocked = await Should.ThrowAsync<PromptBlockedException>(KernelWith(client).InvokeAsync(
            leaking.Prompt.ToFunction(), Arguments(leaking, "Where is my card?"), TestContext.Current.CancellationToken));

        blocked.Types.ShouldBe(["EMAIL_ADDRESS"]);
        blocked.Message.ShouldNotContain("jane");
        client.Requests.ShouldBe(0);
    }

    private Kernel KernelWith(IChatClient client)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddKeyedSingleton("frontier-0", client);
        builder.Services.AddSingleton<IPromptRenderFilter>(_filter);
        return builder.Build();
    }

    private static KernelArguments Arguments(FrontierTask task, string redacted) => new(task.Variables(redacted),
        new Dictionary<string, PromptExecutionSettings>
        {
            ["frontier-0"] = new FrontierExecutionSettings { ServiceId = "frontier-0", Schema = task.Schema, SchemaName = task.Name, MaxOutputTokens = 64 },
        });

    /// <summary>A chat client that only counts what reaches it (the filter's tests need no server).</summary>
    private sealed class CountingChatClient : IChatClient
    {
        public int Requests;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Requests);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, JsonSerializer.Serialize(new { label = "card_arrival" }))));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();

        // The Kernel asks a chat client for its metadata before it uses it.
        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("counting", null, "counting-1") : null;

        public void Dispose()
        {
        }
    }
}
