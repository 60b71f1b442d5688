package arb.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import arb.engine.config.Params;
import picocli.CommandLine.Option;

/** The logic-parameter options shared by every command that runs the chain. */
public final class ParamOptions
{
    @Option(names = "--set", paramLabel = "KEY=VALUE",
        description = "Override a logic parameter (repeatable). `arb params` lists them.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
        description = "Read logic parameters from a key=value file (applied before --set).")
    Path config;

    /** Applies --config then each --set onto {@code base}. */
    public Params apply(final Params base)
    {
        Params p = base;
        if (config != null)
        {
            p = p.withFile(config);
        }
        // One map, so strategy.plugins is loaded before its strategy.NAME.* keys whatever their order on the line
        final java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        for (final String s : sets)
        {
            final arb.market.config.KeyValues.Entry e = arb.market.config.KeyValues.assignment(s);
            all.put(e.key(), e.value());
        }
        return all.isEmpty() ? p : p.with(all);
    }
}
