using Microsoft.Extensions.Logging;

namespace SpecialistPlatform.TestInfrastructure;

/// <summary>Keeps the AppHost's own log lines (information and up) so a failing test can show them.</summary>
public sealed class CapturingLoggerProvider(Action<string> append) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, append);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, Action<string> append) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                append($"{logLevel.ToString().ToLowerInvariant()[..4]}: {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
            }
        }
    }
}
