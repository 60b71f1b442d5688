package arb.app.cli;

import java.util.concurrent.Callable;

import arb.app.live.LiveEnvCatalog;
import arb.engine.config.ParamCatalog;
import arb.engine.config.ParamSpec;
import arb.market.config.EnvSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists every logic parameter (or, with --env, every environment setting) with its default and meaning. */
@Command(name = "params", mixinStandardHelpOptions = true,
    description = "List the logic parameters (journaled with every run, overridable with --set); "
        + "--env lists the environment settings instead.")
public final class ParamsCommand implements Callable<Integer>
{
    @Option(names = "--env", description = "List the environment settings (feeds.*, kalshi.feed.*, clock.*, live.*: "
        + "endpoints, timeouts, cadences; never journaled, never change an output) with their type.")
    boolean env;

    @Override
    public Integer call()
    {
        if (env)
        {
            for (final EnvSpec s : LiveEnvCatalog.ALL.all())
            {
                System.out.println(s.key() + "=" + s.defaultValue());
                System.out.println("    [" + s.constraint() + "] " + s.description());
            }
            return 0;
        }
        for (final ParamSpec s : ParamCatalog.all())
        {
            System.out.println(s.key() + "=" + s.defaultValue());
            System.out.println("    [" + s.constraint() + "] " + s.description());
        }
        return 0;
    }
}
