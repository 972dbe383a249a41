namespace SpecialistPlatform.AppHost.Tests;

/// <summary>The audit chain's key: made once, readable by the platform's user alone, and never silently replaced.</summary>
public sealed class AuditChainKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("specialist-audit-key-").FullName;

    [Fact]
    public void Is_created_on_first_start_with_mode_0600_and_kept_across_starts()
    {
        var settings = new PlatformSettings { DataDirectory = _folder };

        var first = AuditChainKey.Choose(settings);
        var second = AuditChainKey.Choose(settings);

        Convert.FromBase64String(first).Length.ShouldBe(32);
        second.ShouldBe(first);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(_folder, AuditChainKey.FileName)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void A_key_file_that_holds_no_key_stops_the_apphost_instead_of_being_replaced()
    {
        var file = Path.Combine(_folder, AuditChainKey.FileName);
        File.WriteAllText(file, "not a key");

        var error = Should.Throw<InvalidOperationException>(() => AuditChainKey.Choose(new PlatformSettings { DataDirectory = _folder }));

        error.Message.ShouldContain("unverifiable");
        File.ReadAllText(file).ShouldBe("not a key");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
