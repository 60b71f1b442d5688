package arb.engine.run;

import java.util.Arrays;
import java.util.Locale;

/**
 * Resolves the {@code live.consumerThreads} environment setting ({@code auto}, {@code 1}, {@code 2})
 * into the number of ring consumer threads of a journaling run.
 *
 * <p>{@code 2}: a journaler thread and a chain thread gated on it (the journal of event n+1 can
 * overlap the chain's work on event n). {@code 1}: one thread appends each event to the input
 * journal and then runs the chain on it. Both write byte-identical journals. {@code auto} picks
 * {@code 1} on machines with fewer than {@link #TWO_THREADS_FROM_CORES} cores, where the I/O thread,
 * two consumers and anything else (the simulator, other processes) contend for too few cores and
 * the extra hand-off costs more than the overlap gains (measured in bench/RESULTS.md, "Decode and
 * threads (issue 15)"), else {@code 2}.
 */
public final class ConsumerThreads
{
    public static final int ONE = 1;
    public static final int TWO = 2;
    public static final String AUTO = "auto";
    /** The setting's accepted values. */
    public static final String[] NAMES = {AUTO, "1", "2"};
    /** From this many available processors {@code auto} runs two consumer threads. */
    public static final int TWO_THREADS_FROM_CORES = 4;

    private ConsumerThreads()
    {
    }

    /**
     * @param setting {@code auto}, {@code 1} or {@code 2}
     * @param cores   available processors ({@code Runtime.availableProcessors()})
     * @return 1 or 2
     * @throws IllegalArgumentException for any other setting (one line naming the values)
     */
    public static int resolve(final String setting, final int cores)
    {
        final String s = setting == null ? AUTO : setting.trim().toLowerCase(Locale.ROOT);
        switch (s)
        {
            case AUTO:
                return cores < TWO_THREADS_FROM_CORES ? ONE : TWO;
            case "1":
                return ONE;
            case "2":
                return TWO;
            default:
                throw new IllegalArgumentException("live.consumerThreads must be one of " + Arrays.toString(NAMES) + ", not '" + setting + "'");
        }
    }
}
