using Npgsql;

namespace SpecialistPlatform.Jobs.Pipelines;

/// <summary>
/// The routing slip each job is due to end from (<c>Job.SlipTrackingNumber</c>, docs/decisions/0028). Whoever sends a
/// job's slip (the dispatcher, the stalled-job sweeper through it, the workflow for a StartJob) records its tracking
/// number first, so the slip's end can never arrive before it; a send that then fails leaves a number no slip carries,
/// which the next dispatch replaces. The workflow records an outcome only from the due slip, so neither a forged slip
/// end nor the late end of a slip sent before a resend can overwrite a job.
/// </summary>
public static class DueSlips
{
    /// <summary>A new slip's tracking number: random (122 bits), not MassTransit's time-ordered NewId, so that knowing
    /// one slip's number tells nobody the next one.</summary>
    public static Guid NewTrackingNumber() => Guid.NewGuid();

    /// <summary>Makes each job's slip the due one and remembers it among the job's issued slips, so that its late end,
    /// once another slip has replaced it, is told apart from a forgery. A finished job keeps the slip it finished from.</summary>
    public static async Task RecordAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<(Guid JobId, Guid TrackingNumber)> slips,
        CancellationToken cancellationToken)
    {
        if (slips.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("""
            UPDATE jobs AS j SET "SlipTrackingNumber" = s.slip,
                "IssuedSlipTrackingNumbers" = array_append(j."IssuedSlipTrackingNumbers", s.slip)
            FROM unnest(@ids, @slips) AS s(id, slip)
            WHERE j."Id" = s.id AND j."Status" IN ('Accepted', 'Running')
            """);
        command.Parameters.AddWithValue("ids", slips.Select(s => s.JobId).ToArray());
        command.Parameters.AddWithValue("slips", slips.Select(s => s.TrackingNumber).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
