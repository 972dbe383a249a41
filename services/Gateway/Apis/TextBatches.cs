using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// Reads and checks a batch of texts for the synchronous text APIs (personal data, moderation) before anything is
/// sent to a service: JSON only, at least one text, none null, and within the count and size limits, each refusal a
/// problem naming what was wrong.
/// </summary>
public static class TextBatches
{
    public static async Task<(TRequest? Request, IReadOnlyList<string>? Texts, ProblemHttpResult? Problem)> ReadAsync<TRequest>(
        HttpContext context, PersonalDataApiOptions limits, Func<TRequest, List<string?>?> textsOf, CancellationToken cancellationToken)
        where TRequest : class
    {
        if (context.Request.HasJsonContentType() is false)
        {
            return (null, null, JobsApi.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the batch as JSON with Content-Type: application/json."));
        }

        TRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<TRequest>(context.Request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, null, JobsApi.InvalidJson(e));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, null, JobsApi.Problem(StatusCodes.Status413PayloadTooLarge, "Batch too large", $"The request body is larger than the gateway accepts ({e.Message})."));
        }

        if (request is null || textsOf(request) is not { } texts)
        {
            return (null, null, JobsApi.Problem(StatusCodes.Status400BadRequest, "Missing texts", "Send a JSON object: {\"texts\": [\"...\", ...], \"kind\": \"optional job kind\"}."));
        }
        if (texts.Count == 0)
        {
            return (null, null, JobsApi.Problem(StatusCodes.Status400BadRequest, "Empty batch", "\"texts\" holds no texts; send at least one."));
        }
        if (texts.Count > limits.MaxTexts)
        {
            return (null, null, JobsApi.Problem(StatusCodes.Status400BadRequest, "Too many texts", $"A batch may hold at most {limits.MaxTexts} texts; this one has {texts.Count}. Split it."));
        }
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is null)
            {
                return (null, null, JobsApi.Problem(StatusCodes.Status400BadRequest, "Missing text", $"texts[{i}] is null; every entry must be a string."));
            }
            if (texts[i]!.Length > limits.MaxTextCharacters)
            {
                return (null, null, JobsApi.Problem(StatusCodes.Status413PayloadTooLarge, "Text too large",
                    $"texts[{i}] has {texts[i]!.Length} characters; a batch text may have at most {limits.MaxTextCharacters}. Submit long documents as jobs."));
            }
        }
        var total = texts.Sum(t => (long)t!.Length);
        if (total > limits.MaxBatchCharacters)
        {
            return (null, null, JobsApi.Problem(StatusCodes.Status413PayloadTooLarge, "Batch too large",
                $"The texts have {total} characters together; a batch may have at most {limits.MaxBatchCharacters}. Split it."));
        }

        return (request, texts!, null);
    }
}
