using System.Text.Json;
using Npgsql;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>Auditors read the trail, so it says what each step decided and why, never what the job's text said.</summary>
public sealed class AuditContentTests(PlatformFixture platform)
{
    [Fact]
    public async Task Audit_records_carry_no_text_from_the_job_even_when_a_field_cannot_be_read()
    {
        // The tagger reads "several people" as the head count, which is no integer: the extraction step reports the failure.
        string[] distinctive = ["several", "Zorblax", "Quimbyfeather", "Glimmerwick"];
        var id = await platform.SubmitAsync("restaurant-booking",
            "Could I book a table for several people at Glimmerwick on Friday at 7pm? The name is Zorblax Quimbyfeather.");

        var job = await platform.WaitForJobAsync(id, TimeSpan.FromMinutes(2));
        var people = job.GetProperty("result").GetProperty("extraction").GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == "people");
        people.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null, job.ToString());
        people.GetProperty("problem").GetString()!.ShouldContain("could not be read as integer");
        // A doubtful required field sends the job to escalation, whose record rides its own queue.
        await platform.WaitForAuditAsync(id, job.GetProperty("status").GetString() == "Completed" ? [] : ["escalation"]);

        var rows = await AuditRowsAsTextAsync(id);

        rows.ShouldNotBeEmpty();
        foreach (var row in rows)
        {
            foreach (var value in distinctive)
            {
                row.ShouldNotContain(value, Case.Insensitive, $"an audit record of job {id} quotes the job's text");
            }
        }

        // The failure itself is still on the record, by field name and expected type.
        rows.ShouldContain(row => row.Contains("people (a ") && row.Contains("could not be read as integer"));
    }

    /// <summary>Every column of every record of the job, as Postgres renders the row: nothing escapes the check.</summary>
    private async Task<List<string>> AuditRowsAsTextAsync(Guid jobId)
    {
        await using var connection = new NpgsqlConnection(platform.PostgresAdminConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("""SELECT r::text FROM audit_records r WHERE "JobId" = @job""", connection);
        command.Parameters.AddWithValue("job", jobId);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
