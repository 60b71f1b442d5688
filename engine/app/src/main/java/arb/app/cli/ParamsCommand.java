package arb.app.cli;

import java.util.concurrent.Callable;

import arb.engine.config.ParamCatalog;
import arb.engine.config.ParamSpec;
import picocli.CommandLine.Command;

/** Lists every logic parameter with its default and meaning. */
@Command(name = "params", mixinStandardHelpOptions = true,
    description = "List the logic parameters (journaled with every run, overridable with --set).")
public final class ParamsCommand implements Callable<Integer>
{
    @Override
    public Integer call()
    {
        for (final ParamSpec s : ParamCatalog.all())
        {
            System.out.println(s.key() + "=" + s.defaultValue());
            System.out.println("    " + s.description());
        }
        return 0;
    }
}
