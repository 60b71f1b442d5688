package arb.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The launcher behind {@code scripts/arb}: one command with a subcommand per use (gen, replay,
 * dump, digest, ...). Errors in user input print one clear line and exit 2; engine failures exit 1.
 */
@Command(name = "arb", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Kalshi BTC engine: live feeds, exact replay, deterministic backtests.",
    subcommands = {
        GenCommand.class,
        ReplayCommand.class,
        DumpCommand.class,
        DigestCommand.class,
        LiveCommand.class,
        SimCommand.class,
        MarketsCommand.class,
        ImportCommand.class,
        ParamsCommand.class,
        EventsCommand.class,
        AccuracyCommand.class,
        SweepCommand.class,
        ReportCommand.class,
        ExportCommand.class,
        DemoCommand.class,
        LagCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Main implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this directly). */
    public static int run(final String... args)
    {
        final CommandLine cli = new CommandLine(new Main());
        // Bad command lines (unknown option, a value of the wrong type or enum): one line and exit 2,
        // with where to read the usage, instead of the whole usage text.
        cli.setParameterExceptionHandler((ex, args1) ->
        {
            final CommandLine cmd = ex.getCommandLine();
            final String name = cmd.getCommandName();
            cmd.getErr().println("arb" + ("arb".equals(name) ? "" : " " + name) + ": " + ex.getMessage()
                + " (arb " + ("arb".equals(name) ? "" : name + " ") + "--help for usage)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) ->
        {
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException)
            {
                cmd.getErr().println("arb " + cmd.getCommandName() + ": " + ex.getMessage());
                return 2;
            }
            cmd.getErr().println("arb " + cmd.getCommandName() + " failed: " + ex);
            ex.printStackTrace(cmd.getErr());
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(System.out);
    }

    /** Version from the build. */
    public static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            return new String[] {"arb " + arb.engine.run.EngineVersion.VERSION + " (schema "
                + arb.journal.Events.SCHEMA_ID + " v" + arb.journal.Events.SCHEMA_VERSION + ")"};
        }
    }
}
