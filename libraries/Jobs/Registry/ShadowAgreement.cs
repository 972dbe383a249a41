using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Registry;

namespace SpecialistPlatform.Jobs.Registry;

/// <summary>
/// Counts how often the shadow version agrees with the active one on live traffic and where they differ, and writes
/// one <see cref="ShadowComparison"/> per window to the registry, off the message path (a message costs a lock and a
/// dictionary increment, never a database write). Shared by the services that serve a shadow model: the router
/// compares labels, the moderation model its sets of flagged categories.
/// </summary>
public sealed class ShadowAgreement(IServiceScopeFactory scopes, TimeSpan flushInterval, ILogger<ShadowAgreement> logger)
    : BackgroundService
{
    private readonly Lock _lock = new();
    private Window? _window;

    /// <summary>One live decision by both versions (registry ids), as labels the report can count.</summary>
    public void Record(Guid activeId, Guid shadowId, string activeLabel, string shadowLabel)
    {
        lock (_lock)
        {
            if (_window is null || _window.ActiveId != activeId || _window.ShadowId != shadowId)
            {
                // A swap starts a new window; the old one is flushed with the next tick.
                _pending.AddRange(_window is null ? [] : [_window]);
                _window = new Window(activeId, shadowId, DateTimeOffset.UtcNow);
            }

            _window.Compared++;
            if (activeLabel == shadowLabel)
            {
                _window.Agreed++;
            }
            else
            {
                var byShadow = _window.Disagreements.TryGetValue(activeLabel, out var existing) ? existing : _window.Disagreements[activeLabel] = [];
                byShadow[shadowLabel] = byShadow.GetValueOrDefault(shadowLabel) + 1;
            }
        }
    }

    private readonly List<Window> _pending = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(flushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync(CancellationToken.None);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        List<Window> windows;
        lock (_lock)
        {
            windows = [.. _pending];
            _pending.Clear();
            if (_window is { Compared: > 0 })
            {
                windows.Add(_window);
                _window = new Window(_window.ActiveId, _window.ShadowId, DateTimeOffset.UtcNow);
            }
        }

        if (windows.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var registry = scope.ServiceProvider.GetRequiredService<ModelRegistry>();
            var now = DateTimeOffset.UtcNow;
            foreach (var window in windows)
            {
                await registry.RecordShadowAsync(new ShadowComparison
                {
                    ActiveModelId = window.ActiveId,
                    ShadowModelId = window.ShadowId,
                    WindowStart = window.Start,
                    WindowEnd = now,
                    Compared = window.Compared,
                    Agreed = window.Agreed,
                    DisagreementsJson = JsonSerializer.Serialize(window.Disagreements),
                }, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Evaluation data, not decisions: losing a window to a database hiccup is logged, not retried forever.
            logger.LogWarning(e, "Could not record {Count} shadow window(s)", windows.Count);
        }
    }

    private sealed class Window(Guid activeId, Guid shadowId, DateTimeOffset start)
    {
        public Guid ActiveId { get; } = activeId;
        public Guid ShadowId { get; } = shadowId;
        public DateTimeOffset Start { get; } = start;
        public int Compared { get; set; }
        public int Agreed { get; set; }
        public Dictionary<string, Dictionary<string, int>> Disagreements { get; } = new(StringComparer.Ordinal);
    }
}

public static class ShadowAgreementRegistration
{
    /// <summary>One <see cref="ShadowAgreement"/> for the service, flushing at its <typeparamref name="TOptions"/>'s
    /// interval, running as a hosted service.</summary>
    public static IServiceCollection AddShadowAgreement<TOptions>(this IServiceCollection services)
        where TOptions : ServedModelOptions
    {
        services.AddSingleton(provider => new ShadowAgreement(provider.GetRequiredService<IServiceScopeFactory>(),
            TimeSpan.FromSeconds(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TOptions>>().Value.ShadowFlushSeconds),
            provider.GetRequiredService<ILogger<ShadowAgreement>>()));
        return services.AddHostedService(provider => provider.GetRequiredService<ShadowAgreement>());
    }
}
