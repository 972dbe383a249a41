using System.CommandLine;
using Spectre.Console;
using SpecialistPlatform.Cli.Commands;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.Data.Registry;

namespace SpecialistPlatform.Cli;

/// <summary>The `specialist` command line: train, classify, extract with and evaluate specialist models.</summary>
public static class CliApp
{
    /// <summary>Runs the CLI in-process; output and error default to the process console.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var root = BuildRootCommand();
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }

    public static RootCommand BuildRootCommand()
    {
        var train = new Command("train", "Train a specialist model.")
        {
            TrainIntentCommand.Build(),
            TrainExtractCommand.Build(),
            TrainPiiCommand.Build(),
            TrainModerationCommand.Build(),
        };
        var eval = new Command("eval", "Evaluate a specialist model on labelled data.")
        {
            EvalIntentCommand.Build(),
            EvalExtractCommand.Build(),
            EvalPiiCommand.Build(),
            EvalModerationCommand.Build(),
        };
        var generate = new Command("generate", "Generate synthetic labelled data.")
        {
            GeneratePiiCommand.Build(),
        };
        var bench = new Command("bench", "Measure speed: a model in process, or the running platform under load.")
        {
            BenchExtractCommand.Build(),
            BenchPiiCommand.Build(),
            BenchLoadCommand.Build(),
            BenchChaosCommand.Build(),
            BenchIntentCommand.Build(),
            BenchModerationCommand.Build(),
            BenchConsoleCommand.Build(),
        };
        return new RootCommand("specialist: train, run and evaluate small specialist models.")
        {
            train,
            ClassifyCommand.Build(),
            ExtractCommand.Build(),
            ModerateCommand.Build(),
            eval,
            CalibrateCommand.Build(),
            ReportCommand.Build(),
            DetectCommand.Build(),
            RedactCommand.Build(),
            DecryptCommand.Build(),
            generate,
            bench,
            ModelsCommand.Build(),
            KeysCommand.Build(),
            AuditCommand.Build(),
            FrontierPredictCommand.Build(),
            SeedConsoleCommand.Build(),
        };
    }

    /// <summary>A console for the invocation's output: the real terminal (with live progress) or a plain writer.</summary>
    internal static IAnsiConsole ConsoleFor(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            return AnsiConsole.Console;
        }
        // Files, pipes and in-process callers get plain text without colour codes or wrapping.
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        }).Also(c => c.Profile.Width = 200);
    }

    /// <summary>
    /// Runs a command body, turning the failures a user can fix (bad data, bad model file, bad path) into
    /// one clear line on standard error and exit code 1 instead of a stack trace.
    /// </summary>
    internal static async Task<int> Guard(ParseResult parseResult, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is DataFormatException or ModelFormatException or ArgumentException
                                       or IOException or UnauthorizedAccessException or UsageException
                                       or ModelRegistryException or Npgsql.NpgsqlException
                                       or System.Security.Cryptography.CryptographicException)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync("cancelled");
            return 130;
        }
    }

    internal static async Task<T> WithProgress<T>(IAnsiConsole console, string description, Func<Action<double>, T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await Task.Run(() => work(_ => { }));
        }
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: 1.0);
                var result = await Task.Run(() => work(fraction => task.Value = Math.Clamp(fraction, 0, 1)));
                task.Value = 1.0;
                return result;
            });
    }
}

internal static class ConsoleExtensions
{
    public static IAnsiConsole Also(this IAnsiConsole console, Action<IAnsiConsole> configure)
    {
        configure(console);
        return console;
    }
}

/// <summary>A command was given arguments that cannot work together.</summary>
internal sealed class UsageException(string message) : Exception(message);
