using Microsoft.SemanticKernel;

namespace SpecialistPlatform.Frontier;

/// <summary>
/// One versioned prompt template (a file under <c>Prompts/</c>, embedded in this assembly as <c>{name}.v{version}.prompt</c>)
/// in Semantic Kernel's template syntax: chat messages as <c>&lt;message role="..."&gt;</c> blocks and values as
/// <c>{{$variable}}</c>. Values are always passed as variables, never pasted into the template: the Kernel inserts a
/// variable's value as text (XML-encoded), so a customer's <c>{{</c> or <c>&lt;/message&gt;</c> is never read as template
/// syntax or as a message of its own. A template's wording changes only with a new version, and the version of every
/// template a call used goes into the audit trail with it (<see cref="Id"/>).
/// </summary>
public sealed record FrontierPrompt(string Name, int Version, string Template)
{
    /// <summary>What the audit trail names this template by, e.g. <c>classify.v1</c>.</summary>
    public string Id => $"{Name}.v{Version}";

    /// <summary>The template as a Kernel function, for <paramref name="then"/>'s template appended (a follow-up turn).</summary>
    public KernelFunction ToFunction(FrontierPrompt? then = null) => KernelFunctionFactory.CreateFromPrompt(new PromptTemplateConfig
    {
        Name = (then is null ? Name : $"{Name}_{then.Name}").Replace('-', '_'),
        Template = then is null ? Template : Template + "\n" + then.Template,
        TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat,
        // Every variable is data: even one a caller marks as trusted elsewhere must not add messages here.
        AllowDangerouslySetContent = false,
    });

    /// <summary>A template shipped with this assembly (<c>Prompts/{name}.v{version}.prompt</c>).</summary>
    public static FrontierPrompt Embedded(string name, int version)
    {
        var resource = $"SpecialistPlatform.Frontier.Prompts.{name}.v{version}.prompt";
        using var stream = typeof(FrontierPrompt).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The prompt template {resource} is not embedded in {typeof(FrontierPrompt).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return new FrontierPrompt(name, version, reader.ReadToEnd().Trim());
    }
}
