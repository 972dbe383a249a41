using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Compliance.Detection;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Frontier;
using SpecialistPlatform.Jobs.Pipelines;
using StackExchange.Redis;

namespace SpecialistPlatform.FrontierEscalation.Frontier;

/// <summary>The escalation's result and, when text left the building (or was tried), what exactly was sent, for the audit trail.</summary>
public sealed record EscalationOutcome(EscalationResult Result, string? SentOutside);

/// <summary>Why the frontier was called: a job's escalation, or a shadow comparison of a job the specialists decided.
/// Both are written in the audit trail's record of what was sent.</summary>
public enum FrontierCallOrigin
{
    Escalation,
    Shadow,
}

/// <summary>
/// Turns an unsure job into validated frontier tasks. When the router was unsure it asks for a label from the router's
/// own label set; when extraction was incomplete it asks for the schema's fields as JSON valid against a JSON schema.
/// Each answer is validated; an invalid one gets exactly one retry with the validation error fed back, then the job goes
/// to NeedsReview. Only the compliance step's redacted text is ever sent; placeholders in the answer are restored here.
/// </summary>
public sealed class Escalator(FrontierChain frontier, SpendLedger ledger, IOptions<FrontierOptions> options, IOptions<PipelineOptions> pipelines)
{
    /// <summary>Reserves and escalates one job (the batch step reserves for all its jobs first: <see cref="ReserveAsync(IReadOnlyList{Escalate})"/>).</summary>
    public async Task<EscalationOutcome> EscalateAsync(Escalate job, CancellationToken cancellationToken,
        FrontierCallOrigin origin = FrontierCallOrigin.Escalation) =>
        await EscalateAsync(await ReserveAsync(job), cancellationToken, origin);

    /// <summary>
    /// Reserves the worst-case cost of every job of a batch before any of them is sent. Redis failing here fails the
    /// whole batch, to be retried: nothing has left yet, and what this batch had reserved is given back first.
    /// </summary>
    public async Task<IReadOnlyList<ReservedEscalation>> ReserveAsync(IReadOnlyList<Escalate> jobs)
    {
        var reserved = new List<ReservedEscalation>(jobs.Count);
        try
        {
            foreach (var job in jobs)
            {
                reserved.Add(await ReserveAsync(job));
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            foreach (var reservation in reserved.Select(r => r.Reservation).OfType<SpendReservation>())
            {
                await ledger.SettleAsync(reservation, 0);
            }

            throw;
        }

        return reserved;
    }

    public async Task<ReservedEscalation> ReserveAsync(Escalate job)
    {
        if (!frontier.IsConfigured)
        {
            return new ReservedEscalation(job, [], null, "no frontier model is configured (Frontier:Models)");
        }

        var tasks = Tasks(job).ToList();
        var worstCase = tasks.Sum(task => frontier.WorstCaseCost(task, job.Compliance.RedactedText, options.Value.MaxOutputTokens));
        var decision = await ledger.ReserveAsync(job.TenantId, worstCase);
        return new ReservedEscalation(job, tasks, decision.Reservation, decision.Reason);
    }

    /// <summary>
    /// Asks the frontier what was reserved for, then settles the reservation to what the calls cost. If something
    /// unforeseen is thrown midway the reservation is left at its worst case, since what was paid is not known.
    /// </summary>
    public async Task<EscalationOutcome> EscalateAsync(ReservedEscalation reserved, CancellationToken cancellationToken,
        FrontierCallOrigin origin = FrontierCallOrigin.Escalation)
    {
        var job = reserved.Job;
        var why = string.Join("; ", job.EscalationReasons);
        if (reserved.Reservation is not { } reservation)
        {
            return Review($"{reserved.Refusal}; escalated because {why}");
        }

        var redacted = job.Compliance.RedactedText;
        string? label = null;
        IReadOnlyDictionary<string, string?>? fields = null;
        var answers = new List<string>();
        var models = new List<string>();
        var failedAttempts = new List<string>();
        decimal cost = 0;
        long inputTokens = 0, outputTokens = 0;
        var costKnown = false;
        try
        {
            foreach (var task in reserved.Tasks)
            {
                var (answer, problem, calls) = await frontier.AskValidatedAsync(task, redacted, options.Value.MaxOutputTokens, cancellationToken);
                foreach (var call in calls)
                {
                    failedAttempts.AddRange(call.Failures);
                    cost += call.Cost;
                    inputTokens += call.InputTokens;
                    outputTokens += call.OutputTokens;
                    models.Add(call.Model.ToString());
                }

                if (problem is not null)
                {
                    costKnown = true;
                    return new EscalationOutcome(
                        new EscalationResult(false, $"needs review: the frontier's {task.Name} answer was invalid twice ({problem}); escalated because {why}",
                            models.LastOrDefault(), cost, null, null, null, inputTokens, outputTokens),
                        SentOutside(origin, models, failedAttempts, redacted, inputTokens, outputTokens));
                }

                answers.Add(answer!.ToJsonString());
                label ??= task.Kind == TaskKind.Classify ? answer!["label"]!.GetValue<string>() : null;
                fields ??= task.Kind == TaskKind.Extract ? RestoredFields(answer!, job.Placeholders) : null;
            }

            costKnown = true;
        }
        catch (FrontierUnavailableException e)
        {
            costKnown = true;
            // Every model of the chain failed: the attempts are listed too, since a request that failed may still have
            // delivered the text.
            failedAttempts.AddRange(e.Failures);
            return new EscalationOutcome(
                new EscalationResult(false, $"needs review: {e.Message}; escalated because {why}", null, cost, null, null, null, inputTokens, outputTokens),
                SentOutside(origin, models, failedAttempts, redacted, inputTokens, outputTokens));
        }
        finally
        {
            if (costKnown)
            {
                await ledger.SettleAsync(reservation, cost);
            }
        }

        var model = string.Join(",", models.Distinct());
        return new EscalationOutcome(
            new EscalationResult(true, why, model, cost, string.Join("\n", answers), label, fields, inputTokens, outputTokens),
            SentOutside(origin, models, failedAttempts, redacted, inputTokens, outputTokens));
    }

    private static EscalationOutcome Review(string reason) =>
        new(new EscalationResult(false, "needs review: " + reason, null, 0, null), null);

    private IEnumerable<FrontierTask> Tasks(Escalate job)
    {
        if (job.IntentLabels is { Count: > 0 } labels)
        {
            yield return FrontierTask.Classify(labels, job.Kind);
        }

        if (job.Extraction is { } extraction && pipelines.Value.Schemas.TryGetValue(extraction.Schema, out var schema)
            && job.EscalationReasons.Any(r => r.StartsWith("extraction", StringComparison.Ordinal)))
        {
            yield return FrontierTask.Extract(extraction.Schema, schema);
        }

        if (job.IntentLabels is not { Count: > 0 } && job.Extraction is null)
        {
            yield return FrontierTask.Summarise(job.Kind);
        }
    }

    private static Dictionary<string, string?> RestoredFields(JsonObject answer, IReadOnlyDictionary<string, string>? placeholders) =>
        answer.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() is { } value
            ? placeholders is null ? value : Redactor.Restore(value, placeholders)
            : null);

    /// <summary>What left, for the audit record: why, to which models, how many calls answered and which attempts failed
    /// (model and status only: a provider's error text may quote the request), the hash and size of the redacted text,
    /// and the tokens. Never the text itself.</summary>
    private static string SentOutside(FrontierCallOrigin origin, List<string> models, List<string> failedAttempts, string redactedText,
        long inputTokens, long outputTokens) =>
        $"origin={origin.ToString().ToLowerInvariant()}; model={string.Join(",", models.Distinct())}; calls={models.Count}; " +
        $"failed={failedAttempts.Count}{(failedAttempts.Count == 0 ? "" : $" [{string.Join(" | ", failedAttempts)}]")}; " +
        $"sha256={Jobs.Intake.JobIntake.Sha256(redactedText)}; bytes={Encoding.UTF8.GetByteCount(redactedText)}; tokens={inputTokens}+{outputTokens}";
}
