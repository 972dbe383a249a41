using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>
/// Property-style: random bodies thrown at POST /api/v1/jobs (random bytes, random JSON values, submissions with random
/// Unicode of random sizes, control characters, lone surrogates, wrong types, deep nesting) never get a 5xx, every
/// refusal is problem details, and every job that got a 202 exists and reaches a final state. The seed is printed, so
/// a failure can be replayed with SPECIALIST_FUZZ_SEED.
/// </summary>
public sealed class SubmissionFuzzTests(PlatformFixture platform)
{
    private const int Requests = 400;
    private static readonly string[] Kinds = ["email", "support-ticket", "invoice", "restaurant-booking"];

    [Fact]
    public async Task Random_submissions_never_get_a_5xx_and_no_accepted_job_is_lost()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SPECIALIST_FUZZ_SEED"), out var given) ? given : Random.Shared.Next();
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed} (replay with SPECIALIST_FUZZ_SEED={seed})");
        var bodies = Enumerable.Range(0, Requests).Select(i => RandomBody(new Random(HashCode.Combine(seed, i)))).ToList();

        var accepted = new ConcurrentBag<Guid>();
        var statuses = new ConcurrentDictionary<int, int>();
        var serverErrors = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            async (body, cancellationToken) =>
            {
                using var content = new ByteArrayContent(body.Bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = platform.Request(HttpMethod.Post, "/api/v1/jobs", content: content);
                if (body.IdempotencyKey is not null)
                {
                    request.Headers.Add("Idempotency-Key", body.IdempotencyKey);
                }

                using var response = await platform.Http.SendAsync(request, cancellationToken);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                var answer = await response.Content.ReadAsStringAsync(cancellationToken);
                if (status >= 500)
                {
                    serverErrors.Add($"{status} for {body.Description}: {answer}");
                }
                else if (status == 202)
                {
                    accepted.Add(JsonDocument.Parse(answer).RootElement.GetProperty("jobId").GetGuid());
                }
                else
                {
                    response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{status} for {body.Description}: {answer}");
                }
            });

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        serverErrors.ShouldBeEmpty();
        accepted.ShouldNotBeEmpty();
        statuses.Keys.Where(s => s is >= 400 and < 500).ShouldNotBeEmpty();

        foreach (var id in accepted.Distinct())
        {
            (await platform.WaitForJobAsync(id, TimeSpan.FromSeconds(120))).GetProperty("status").GetString()
                .ShouldBeOneOf("Completed", "NeedsReview", "Failed");
        }
    }

    private sealed record FuzzBody(string Description, byte[] Bytes, string? IdempotencyKey);

    private static FuzzBody RandomBody(Random random)
    {
        var key = random.Next(5) == 0 ? $"fuzz-{random.Next(20)}" : null;
        switch (random.Next(10))
        {
            case 0:
                var bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
                return new FuzzBody("random bytes", bytes, key);
            case 1:
                return new FuzzBody("random JSON value", Encoding.UTF8.GetBytes(RandomJson(random, depth: 0)), key);
            case 2:
                var depth = random.Next(60, 200);
                return new FuzzBody($"nesting {depth} deep", Encoding.UTF8.GetBytes(
                    $"{{\"kind\":\"email\",\"text\":\"x\",\"metadata\":{new string('[', depth)}{new string(']', depth)}}}"), key);
            case 3:
                return new FuzzBody("text of the wrong type", Encoding.UTF8.GetBytes(
                    $"{{\"kind\":\"email\",\"text\":{RandomJson(random, depth: 2)}}}"), key);
            default:
                var kind = random.Next(8) == 0 ? RandomText(random, random.Next(0, 20)) : Kinds[random.Next(Kinds.Length)];
                var length = random.Next(40) == 0 ? random.Next(500_000, 1_200_000) : random.Next(0, 400);
                var text = RandomText(random, length);
                var metadata = random.Next(3) == 0
                    ? $",\"metadata\":{{{string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"{Quote(RandomText(random, 8), random)}:{Quote(RandomText(random, 12), random)}"))}}}"
                    : "";
                var json = $"{{\"kind\":{Quote(kind, random)},\"text\":{Quote(text, random)}{metadata}}}";
                if (random.Next(15) == 0)
                {
                    json = json[..random.Next(json.Length)];
                }

                return new FuzzBody($"submission of {length} characters", Encoding.UTF8.GetBytes(json), key);
        }
    }

    /// <summary>Random UTF-16 with weight on what breaks things: NUL and other controls, lone surrogates, pairs, RTL
    /// marks, combining marks, and a sprinkle of digits and @ that look like personal data.</summary>
    private static string RandomText(Random random, int length)
    {
        // Half the texts hold nothing a store refuses, so that many are accepted and must finish; the rest hold NUL and
        // lone surrogates rarely or often.
        var hostility = random.Next(4) switch { 0 or 1 => 0.0, 2 => 0.002, _ => 0.05 };
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            if (random.NextDouble() < hostility)
            {
                text.Append(random.Next(2) == 0 ? '\0' : (char)random.Next(0xD800, 0xE000));
                continue;
            }

            switch (random.Next(12))
            {
                case 0: text.Append((char)random.Next(1, 0x20)); break;
                case 1: text.Append("\r\n"); break;
                case 2: text.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF))); break;
                case 3: text.Append((char)random.Next(0x0300, 0x0370)); break;
                case 4: text.Append('\u202E'); break;
                case 5: text.Append((char)random.Next(0x4E00, 0x9FFF)); break;
                case 6: text.Append((char)random.Next(0x00A0, 0x0250)); break;
                case 7: text.Append(random.Next(10).ToString(CultureInfo.InvariantCulture)).Append(random.Next(2) == 0 ? "@" : ""); break;
                default: text.Append((char)random.Next(0x20, 0x7F)); break;
            }
        }

        return text.ToString();
    }

    /// <summary>A JSON string literal written by hand, so lone surrogates and NUL reach the gateway as the \u escapes a
    /// client could send (a serializer would refuse or replace them); other characters are sent raw or escaped at random.</summary>
    private static string Quote(string value, Random random)
    {
        var json = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c < 0x20 || char.IsSurrogate(c) || random.Next(8) == 0)
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }

    private static string RandomJson(Random random, int depth) => random.Next(depth > 3 ? 4 : 7) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => (random.NextDouble() * Math.Pow(10, random.Next(-5, 40)) * (random.Next(2) == 0 ? -1 : 1)).ToString("R", CultureInfo.InvariantCulture),
        3 => Quote(RandomText(random, random.Next(0, 30)), random),
        4 => $"[{string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomJson(random, depth + 1)))}]",
        _ => $"{{{string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"{Quote(random.Next(3) == 0 ? "text" : RandomText(random, 5), random)}:{RandomJson(random, depth + 1)}"))}}}",
    };
}
