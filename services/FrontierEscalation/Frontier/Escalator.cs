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
public sealed record EscalationOutcome(EscalationResult Result, string? SentOutside)
{
    /// <summary>An extraction's fields as the frontier answered them, before the job's placeholders were restored: what
    /// may be kept outside the job (<see cref="EscalationOutcomes"/>) without its personal data.</summary>
    public IReadOnlyDictionary<string, string?>? AnsweredFields { get; init; }

    /// <summary>The reason as the audit record may hold it, where the result's reason quotes the frontier's answer
    /// (which can echo the job's text); null when the result's reason holds nothing of the job.</summary>
    public string? AuditDetail { get; init; }

    /// <summary>What the audit record's detail says.</summary>
    public string? AuditedReason => AuditDetail ?? Result.Reason;

    /// <summary>The personal-data types the prompt filter found in a rendered prompt it stopped (<see cref="PromptBlockedException"/>);
    /// null when no prompt was stopped.</summary>
    public IReadOnlyList<string>? BlockedTypes { get; init; }

    /// <summary>What the audit record's decision says when no answer came: the prompt was stopped, or the job needs review.</summary>
    public string FailedDecision(string otherwise) => BlockedTypes is null ? otherwise : "prompt-blocked";
}

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
    /// Asks the frontier what was reserved for, then settles the reservation to what the calls cost. Once anything has
    /// been sent, this always returns an outcome, whatever is thrown afterwards (a bug restoring an answer, cancellation
    /// midway, an exception type the chain did not expect): the text has left and was paid for, so the caller must get
    /// what is needed for the audit record, and the job goes to NeedsReview instead of being asked again. Only when
    /// nothing was sent yet does an exception pass through, with the reservation given back.
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
        var log = new FrontierCallLog();
        string? label = null;
        IReadOnlyDictionary<string, string?>? answeredFields = null;
        var answers = new List<string>();
        var prompts = new List<string>();
        (string Task, AnswerProblem Problem)? invalid = null;
        try
        {
            foreach (var task in reserved.Tasks)
            {
                prompts.Add(task.PromptIds);
                var (answer, problem, _) = await frontier.AskValidatedAsync(task, redacted, options.Value.MaxOutputTokens, cancellationToken, log);
                if (problem is not null)
                {
                    invalid = (task.Name, problem);
                    break;
                }

                answers.Add(answer!.ToJsonString());
                label ??= task.Kind == TaskKind.Classify ? answer!["label"]!.GetValue<string>() : null;
                answeredFields ??= task.Kind == TaskKind.Extract ? AnsweredFields(answer!) : null;
            }
        }
        catch (FrontierUnavailableException e)
        {
            // Every model of the chain failed: the attempts are listed too (the log has them), since a request that
            // failed may still have delivered the text.
            await ledger.SettleAsync(reservation, KnownCost(log));
            return Outcome(log, origin, redacted, prompts, null, Failed($"needs review: {e.Message}; escalated because {why}", log));
        }
        catch (PromptBlockedException e)
        {
            // The filter stopped a rendered prompt: it was not sent. Calls before it (an earlier task, the first attempt
            // whose answer the retry turn would have echoed) were, and are paid for and recorded.
            await ledger.SettleAsync(reservation, KnownCost(log));
            var blocked = Failed($"needs review: {e.Message}; escalated because {why}", log);
            return (log.AnythingSent ? Outcome(log, origin, redacted, prompts, null, blocked) : new EscalationOutcome(blocked, null)) with
            {
                BlockedTypes = e.Types,
            };
        }
        catch (Exception e) when (log.AnythingSent)
        {
            return await InterruptedAsync(e, reservation, log, origin, redacted, prompts, why);
        }
        catch (Exception)
        {
            // Nothing left the building: the job may be asked again, so the budget held for it is given back.
            await ledger.SettleAsync(reservation, 0);
            throw;
        }

        if (invalid is (string invalidTask, AnswerProblem answerProblem))
        {
            await ledger.SettleAsync(reservation, KnownCost(log));
            // The job's reason quotes the answer for the reviewer; the audit record says only what kind of mistake it was.
            return Outcome(log, origin, redacted, prompts, null, Failed(Invalid(invalidTask, answerProblem.Feedback, why), log)) with
            {
                AuditDetail = Invalid(invalidTask, answerProblem.Summary, why),
            };
        }

        // Placeholders are restored here, after the answers are in: a failure restoring them is a failure after a paid
        // call like any other, recorded with its cost.
        IReadOnlyDictionary<string, string?>? fields;
        try
        {
            fields = answeredFields is null ? null : RestoredFields(answeredFields, job.Placeholders);
        }
        catch (Exception e)
        {
            return await InterruptedAsync(e, reservation, log, origin, redacted, prompts, why);
        }

        await ledger.SettleAsync(reservation, KnownCost(log));
        var model = string.Join(",", log.Calls.Select(c => c.Model.ToString()).Distinct());
        return Outcome(log, origin, redacted, prompts, answeredFields, new EscalationResult(true, why, model, KnownCost(log), string.Join("\n", answers), label, fields,
            log.Calls.Sum(c => c.InputTokens), log.Calls.Sum(c => c.OutputTokens)));
    }

    /// <summary>
    /// The placeholders of <paramref name="answeredFields"/> (as the frontier answered them) replaced by the job's values.
    /// Public so an outcome kept without the job's values (<see cref="EscalationOutcomes"/>) can be restored again.
    /// </summary>
    public static Dictionary<string, string?> RestoredFields(IReadOnlyDictionary<string, string?> answeredFields, IReadOnlyDictionary<string, string>? placeholders) =>
        answeredFields.ToDictionary(p => p.Key, p => p.Value is { } value && placeholders is not null ? Redactor.Restore(value, placeholders) : p.Value);

    /// <summary>
    /// Something was thrown after text was sent. What answered is settled to its cost; a request still under way when
    /// it was thrown may be billed for an amount nobody knows, so then the reservation stays at its worst case (spend is
    /// overstated, never understated: <see cref="SpendLedger"/>). Only the exception's type is kept: its message may
    /// quote the job's text.
    /// </summary>
    private async Task<EscalationOutcome> InterruptedAsync(Exception exception, SpendReservation reservation, FrontierCallLog log,
        FrontierCallOrigin origin, string redacted, IReadOnlyList<string> prompts, string why)
    {
        if (!log.RequestInFlight)
        {
            await ledger.SettleAsync(reservation, KnownCost(log));
        }

        var unknown = log.RequestInFlight ? "; a request was under way, its cost is unknown and the budget keeps its worst case" : "";
        return Outcome(log, origin, redacted, prompts, null, Failed(
            $"needs review: the escalation was interrupted after {log.Calls.Count} answered frontier call(s) ({exception.GetType().Name}){unknown}; escalated because {why}",
            log));
    }

    private static string Invalid(string task, string problem, string why) =>
        $"needs review: the frontier's {task} answer was invalid twice ({problem}); escalated because {why}";

    private static decimal KnownCost(FrontierCallLog log) => log.Calls.Sum(c => c.Cost);

    private static EscalationResult Failed(string reason, FrontierCallLog log) =>
        new(false, reason, log.Calls.LastOrDefault()?.Model.ToString(), KnownCost(log), null, null, null,
            log.Calls.Sum(c => c.InputTokens), log.Calls.Sum(c => c.OutputTokens));

    private static EscalationOutcome Outcome(FrontierCallLog log, FrontierCallOrigin origin, string redacted, IReadOnlyList<string> prompts,
        IReadOnlyDictionary<string, string?>? answeredFields, EscalationResult result) =>
        new(result, SentOutside(origin, log, redacted, prompts)) { AnsweredFields = answeredFields };

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

    /// <summary>An extraction answer's fields as the frontier gave them, placeholders and all (the task validated them as strings or null).</summary>
    private static Dictionary<string, string?> AnsweredFields(JsonObject answer) =>
        answer.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>());

    /// <summary>What left, for the audit record: why, to which models, how many calls answered and which attempts failed
    /// (model and status only: a provider's error text may quote the request), the hash and size of the redacted text,
    /// the prompt templates and their versions, and the tokens. Never the text itself.</summary>
    private static string SentOutside(FrontierCallOrigin origin, FrontierCallLog log, string redactedText, IReadOnlyList<string> prompts)
    {
        var models = log.Calls.Select(c => c.Model.ToString()).ToList();
        return $"origin={origin.ToString().ToLowerInvariant()}; model={string.Join(",", models.Distinct())}; calls={models.Count}; " +
               $"failed={log.Failures.Count}{(log.Failures.Count == 0 ? "" : $" [{string.Join(" | ", log.Failures)}]")}; " +
               (log.RequestInFlight ? "interrupted=request-under-way; " : "") +
               $"prompts={string.Join(",", prompts)}; " +
               $"sha256={Jobs.Intake.JobIntake.Sha256(redactedText)}; bytes={Encoding.UTF8.GetByteCount(redactedText)}; " +
               $"tokens={log.Calls.Sum(c => c.InputTokens)}+{log.Calls.Sum(c => c.OutputTokens)}";
    }
}
