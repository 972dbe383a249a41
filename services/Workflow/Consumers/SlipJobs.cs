using System.Text.Json;
using MassTransit.Serialization;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.Workflow.Consumers;

/// <summary>One job a routing slip carried: readable, or a failure of its own saying why it could not be read.</summary>
public sealed record SlipJob(BatchedJob? Job, JobOutcome? Unreadable);

/// <summary>
/// Reads the jobs out of an ended routing slip's variables. A job whose results cannot be read fails alone with the
/// reason, the others go on: a slip (or a batch of slips) that kept failing to be read would take every job in it to the
/// error queue. A slip with no readable job list at all (one sent before batch slips, say) fails the job its tracking
/// number names, which is how such slips named their job.
/// </summary>
public static class SlipJobs
{
    /// <param name="readAll">Reads the slip's <see cref="JobSteps.JobsVariable"/> as jobs.</param>
    /// <param name="readEach">Reads the same variable as raw JSON elements, to read the jobs one at a time.</param>
    public static List<SlipJob> Read(Guid trackingNumber, Func<List<BatchedJob>?> readAll, Func<List<JsonElement>?> readEach)
    {
        try
        {
            if (readAll() is { } jobs)
            {
                return [.. jobs.Select(job => new SlipJob(job, null))];
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Read them one at a time below: one job's unreadable result must not fail its neighbours.
        }

        try
        {
            var elements = readEach() ?? throw new InvalidOperationException($"the slip has no '{JobSteps.JobsVariable}' variable");
            return [.. elements.Select(ReadOne)];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [new SlipJob(null, JobOutcome.Failed(trackingNumber, $"completion: the routing slip's jobs could not be read: {e.Message}", []))];
        }
    }

    private static SlipJob ReadOne(JsonElement element)
    {
        try
        {
            return new SlipJob(element.Deserialize<BatchedJob>(SystemTextJsonMessageSerializer.Options)
                ?? throw new JsonException("the job is null"), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException)
        {
            var id = Property(element, "jobId") is { } text && Guid.TryParse(text, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"a job without a readable jobId: {e.Message}", e);
            // Its tenant as the slip claims it ("" when it names none, which matches no job): the outcome is recorded
            // only for the job's stored tenant.
            return new SlipJob(null, JobOutcome.Failed(id, $"completion: the steps' results could not be read: {e.Message}", [])
                with { ClaimedTenantId = Property(element, "tenantId") ?? "" });
        }
    }

    private static string? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }
}
