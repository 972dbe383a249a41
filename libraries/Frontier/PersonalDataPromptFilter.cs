using System.Net;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using SpecialistPlatform.Compliance.Detection;

namespace SpecialistPlatform.Frontier;

/// <summary>
/// The last line of defence before a prompt leaves: runs the personal-data detector over the whole rendered prompt (the
/// system message, the task's instructions and examples, the customer's redacted text, a retry's previous answer) and the
/// JSON schema sent with it, after the Kernel renders the template and before its chat client is called. Anything found
/// that is not a placeholder (<c>&lt;PERSON_1&gt;</c>, or a hash token <c>&lt;IBAN_CODE#9f2c…&gt;</c>) throws
/// <see cref="PromptBlockedException"/>, so no byte of that prompt is sent. The compliance step redacts the job's text
/// first; this catches what reaches the door anyway: a template or example someone wrote a real address into, a policy
/// that let an identifier through, a model's answer echoing one back in the retry turn.
/// </summary>
/// <remarks>
/// A prompt-render filter, because it is the one point where the Kernel holds the final prompt text and has not yet called
/// a model: a function-invocation filter runs before rendering, and chat-client middleware would see the messages after
/// the Kernel parsed them (and not run for a function whose result a filter set). The detector is the rule-based one for
/// identifiers (<see cref="PersonalDataDetector.CreateDefault"/>: cards, IBANs, e-mail addresses, phone numbers, national
/// numbers, addresses on the network ...): it is precise, needs no model at start, and takes microseconds. Names, places
/// and dates are the compliance step's (its learned tagger and the tenant's policy, which may allow dates): a prompt
/// template is checked for them by review, not here.
/// </remarks>
public sealed partial class PersonalDataPromptFilter(PersonalDataDetector detector) : IPromptRenderFilter
{
    public PersonalDataPromptFilter() : this(PersonalDataDetector.CreateDefault())
    {
    }

    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        await next(context);
        var schema = (context.ExecutionSettings ?? context.Arguments.ExecutionSettings?.Values.FirstOrDefault()) is FrontierExecutionSettings settings
            ? settings.Schema.GetRawText()
            : "";
        var found = PersonalDataTypesIn(context.RenderedPrompt ?? "", schema);
        if (found.Count > 0)
        {
            throw new PromptBlockedException(found, context.Function.Name);
        }
    }

    /// <summary>
    /// The personal-data types in a rendered prompt and the schema sent with it, placeholders aside. The prompt is read
    /// as the model will get it: the Kernel XML-encodes every value it inserts and decodes the messages again before
    /// sending, so an address written <c>jane&amp;#64;example.com</c> in a template is still an address.
    /// </summary>
    public IReadOnlyList<string> PersonalDataTypesIn(string renderedPrompt, string schema = "")
    {
        var text = WebUtility.HtmlDecode(renderedPrompt) + "\n" + schema;
        var placeholders = PlaceholderPattern().Matches(text).Select(m => (Start: m.Index, End: m.Index + m.Length)).ToList();
        return detector.Detect(text)
            .Where(finding => !placeholders.Any(p => finding.Start >= p.Start && finding.End <= p.End))
            .Select(finding => finding.Type)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The compliance step's placeholders (<c>&lt;EMAIL_ADDRESS_1&gt;</c>) and hash tokens (<c>&lt;IBAN_CODE#0f3a9c…&gt;</c>).</summary>
    [GeneratedRegex(@"<[A-Z][A-Z0-9_]*(?:_[0-9]+|#[0-9a-f]{8,64})>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderPattern();
}
