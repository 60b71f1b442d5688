package arb.app.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The launcher behind {@code scripts/arb}: one command with a subcommand per use (gen, replay,
 * dump, digest, ...). Errors in user input print one clear line and exit 2; engine failures exit 1.
 */
@Command(name = "arb", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = Main.DESCRIPTION,
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
    static final String DESCRIPTION = "Kalshi BTC engine: live feeds, exact replay, deterministic backtests.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(final String[] args)
    {
        // The small commands first, without picocli's model of every subcommand (LeanCommands).
        final PrintWriter out = new PrintWriter(System.out);
        final PrintWriter err = new PrintWriter(System.err);
        final int lean = LeanCommands.run(args, out, err);
        System.exit(lean != LeanCommands.NOT_HANDLED ? lean : run(args));
    }

    /** Runs the command line and returns the exit code (tests call this directly). */
    public static int run(final String... args)
    {
        // A command line that names a subcommand gets a model of that subcommand alone: building the
        // model of all of them costs a quarter second of CPU in a fresh JVM. Help and anything else
        // (no subcommand, a misspelt one, "help X") get the whole tree.
        final Class<?> only = args.length > 0 ? subcommandNamed(args[0]) : null;
        final CommandLine cli = only == null ? new CommandLine(new Main())
            : new CommandLine(new Root()).addSubcommand(only);
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
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> LeanCommands.failed(cmd.getCommandName(), ex,
            cmd.getErr()));
        return cli.execute(args);
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(System.out);
    }

    /** The subcommand class called {@code name} (picocli's help excepted: it needs them all), or null. */
    static Class<?> subcommandNamed(final String name)
    {
        for (final Class<?> c : Main.class.getAnnotation(Command.class).subcommands())
        {
            final Command command = c.getAnnotation(Command.class);
            if (c != CommandLine.HelpCommand.class && command != null && command.name().equals(name))
            {
                return c;
            }
        }
        return null;
    }

    /** The root command as {@link Main} declares it, without subcommands: one is added (see {@link #run}). */
    @Command(name = "arb", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = Main.DESCRIPTION)
    static final class Root implements Runnable
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run()
        {
            spec.commandLine().usage(System.out);
        }
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
