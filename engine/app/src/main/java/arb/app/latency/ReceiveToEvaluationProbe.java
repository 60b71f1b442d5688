package arb.app.latency;

import java.nio.file.Path;
import java.util.function.LongSupplier;

import arb.engine.chain.InputEvent;
import arb.engine.chain.Stage;

/**
 * Measures receive -> strategy evaluation for every input event of a live run: added as the LAST
 * stage of the business chain, it reads the receive clock when the stages before it have finished
 * with an event and records {@code now - recvNs} per event type ({@link LatencyByEventType}). At the
 * end of the run it writes {@code latency.txt} (percentiles per type) and {@code latency.hlog} (the
 * histograms) into the run directory: a side file, never the output journal, and nothing flows
 * back into the chain, so outputs are unchanged by it (it is environment, not logic: do not add it
 * to replays, whose recvNs are the recorded ones).
 *
 * <p>Wiring (live mode): {@code Engine.builder().extraStage(out -> new ReceiveToEvaluationProbe(
 * clock::nowNs, clock.rate(), runDir.root()))} with the same receive clock that stamps recvNs on
 * the I/O thread. The clock's rate is divided out, so latencies are real nanoseconds even when the
 * clock runs fast for demos. No allocation per event.
 */
public final class ReceiveToEvaluationProbe implements Stage
{
    public static final String TABLE_FILE = "latency.txt";
    public static final String LOG_FILE = "latency.hlog";

    private final LongSupplier receiveClock;
    private final double rate;
    private final boolean unitRate;
    private final Path directory;
    private final LatencyByEventType latency = new LatencyByEventType();
    private long skip;

    /**
     * @param receiveClock the receive clock's current reading (epoch ns), the clock that stamps recvNs
     * @param rate         how many clock nanoseconds pass per real nanosecond (1 for real time)
     * @param directory    where to write the side files at the end of the run (null: keep in memory only)
     */
    public ReceiveToEvaluationProbe(final LongSupplier receiveClock, final double rate, final Path directory)
    {
        if (!(rate > 0))
        {
            throw new IllegalArgumentException("clock rate must be positive: " + rate);
        }
        this.receiveClock = receiveClock;
        this.rate = rate;
        this.unitRate = rate == 1.0;
        this.directory = directory;
    }

    @Override
    public String name()
    {
        return "latency-probe";
    }

    /**
     * Leaves the first {@code events} input events out (a resumed run's replay of its own journal:
     * their recvNs are from before the gap). Call before the run starts.
     */
    public ReceiveToEvaluationProbe skipFirst(final long events)
    {
        this.skip = events;
        return this;
    }

    @Override
    public void onEvent(final InputEvent event)
    {
        if (skip > 0)
        {
            skip--;
            return;
        }
        final long elapsed = receiveClock.getAsLong() - event.recvNs();
        latency.record(event.templateId(), unitRate ? elapsed : (long)(elapsed / rate));
    }

    @Override
    public void onEnd(final long lastRecvNs)
    {
        if (directory != null)
        {
            latency.write(directory.resolve(TABLE_FILE), directory.resolve(LOG_FILE),
                "receive -> strategy evaluation, per input event type (recvNs to the end of the business chain)");
        }
    }

    public LatencyByEventType latency()
    {
        return latency;
    }
}
