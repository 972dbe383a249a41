using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>
/// The job writer's bound under overload: with the database not answering (a listener that accepts connections and
/// never replies, as a hung Postgres does), submissions queue up to the writer's limits in count and in text bytes,
/// and the next one is refused with <see cref="IntakeOverloadedException"/> (the gateway's 503 "Overloaded") instead
/// of growing memory without end.
/// </summary>
public sealed class JobWriterOverloadTests : IAsyncLifetime
{
    private readonly TcpListener _hungDatabase = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _heldConnections = [];
    private NpgsqlDataSource _dataSource = null!;
    private JobWriter _writer = null!;

    public async ValueTask InitializeAsync()
    {
        _hungDatabase.Start();
        _ = HoldConnectionsAsync();
        var port = ((IPEndPoint)_hungDatabase.LocalEndpoint).Port;
        _dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=nobody;Timeout=120;Command Timeout=120");
        _writer = new JobWriter(_dataSource, NullLogger<JobWriter>.Instance);
        await _writer.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        _hungDatabase.Stop();
        _heldConnections.ForEach(socket => socket.Dispose());
        await _dataSource.DisposeAsync();
    }

    [Fact]
    public void Past_the_count_limit_a_submission_is_refused_not_queued()
    {
        var waiting = new List<Task<bool>>();
        var refused = SubmitUntilRefused(() => Job("a ticket"), waiting, JobWriter.MaxWaitingJobs + JobWriter.MaxBatch + 1);

        refused.Message.ShouldContain($"the limits are {JobWriter.MaxWaitingJobs:N0}");
        // The writer holds one batch in its hung insert; everything else waits in the queue, up to the limit.
        waiting.Count.ShouldBeInRange(JobWriter.MaxWaitingJobs, JobWriter.MaxWaitingJobs + JobWriter.MaxBatch);
        waiting.ShouldAllBe(store => !store.IsCompleted);
    }

    [Fact]
    public void Past_the_text_limit_a_submission_is_refused_not_queued()
    {
        // 8 MiB of UTF-16 each, one string shared by every job so the test itself stays small.
        var text = new string('x', 4 * 1024 * 1024);
        var waiting = new List<Task<bool>>();
        var refused = SubmitUntilRefused(() => Job(text), waiting, 1000);

        refused.Message.ShouldContain("MiB of text) are already waiting");
        var maxQueued = (int)(JobWriter.MaxWaitingTextBytes / (text.Length * sizeof(char)));
        waiting.Count.ShouldBeInRange(maxQueued, maxQueued + JobWriter.MaxBatch);
    }

    private IntakeOverloadedException SubmitUntilRefused(Func<Job> job, List<Task<bool>> waiting, int atMost)
    {
        for (var i = 0; i < atMost; i++)
        {
            try
            {
                waiting.Add(_writer.StoreAsync(job(), TestContext.Current.CancellationToken));
            }
            catch (IntakeOverloadedException refused)
            {
                return refused;
            }
        }

        throw new ShouldAssertException($"{atMost} submissions were all queued; none was refused");
    }

    private async Task HoldConnectionsAsync()
    {
        try
        {
            while (true)
            {
                _heldConnections.Add(await _hungDatabase.AcceptSocketAsync());
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The listener was stopped.
        }
    }

    private static Job Job(string text) => new()
    {
        TenantId = "overload-tests",
        Kind = "email",
        Text = text,
        TextSha256 = new string('a', 64),
        MetadataJson = "{}",
    };
}
