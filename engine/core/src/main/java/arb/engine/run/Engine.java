package arb.engine.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import arb.engine.chain.BusinessChain;
import arb.engine.chain.JournalHandler;
import arb.engine.chain.OutputJournal;
import arb.engine.chain.OutputListener;
import arb.engine.chain.Stage;
import arb.engine.config.Params;
import arb.engine.ring.RingPublisher;
import arb.engine.ring.Slot;
import arb.engine.results.RunResults;
import arb.engine.ring.WaitStrategies;
import arb.journal.EventDumper;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.journal.JournalTally;
import arb.journal.JournalWriter;
import arb.journal.RunDirectory;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the engine: the Disruptor ring of preallocated slots, the journaler (input journal)
 * and the business chain behind it (output journal), wired for a run directory. Sources (live feeds,
 * replay, import) publish through {@link #sink()}; {@link #finish()} drains the ring, lets the
 * stages flush, closes the journals and writes {@code run.json}.
 *
 * <pre>
 *   source -> ring -> journaler (input/) -> chain: params echo -> index -> books -> Kalshi markets
 *                                               -> trading desk -> output/ (+ listeners)
 * </pre>
 *
 * The index runs before the books: for each event it first calculates against the books as they
 * stood before that event, then the books apply it ({@link ChainFactory} builds the chain).
 */
public final class Engine implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Builder config;
    private final Disruptor<Slot> disruptor;
    private final RingPublisher publisher;
    private final JournalWriter inputWriter;
    private final JournalHandler journalHandler;
    private final OutputJournal output;
    private final RunResults results;
    private final BusinessChain chain;
    private final ChainFactory.Chain stages;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final String startedAt;
    private final java.util.concurrent.CountDownLatch consumersRunning;
    private boolean started;
    private boolean finished;
    private volatile String ended;
    private JournalTally inputTally;
    private JournalTally outputTally;

    private Engine(final Builder b)
    {
        this.config = b;
        this.startedAt = b.startedAt != null ? b.startedAt : Instant.now().toString();
        this.inputWriter = b.runDirectory != null && b.journalInput ? new JournalWriter(b.runDirectory.input()) : null;
        final JournalWriter outputWriter = b.runDirectory != null ? new JournalWriter(b.runDirectory.output()) : null;
        this.output = new OutputJournal(outputWriter);
        // Every run with a directory gets its results (summary.json, trades.jsonl) from its output stream.
        this.results = b.runDirectory != null ? new RunResults(b.runDirectory.root()) : null;
        if (results != null)
        {
            output.addListener(results);
        }
        for (final OutputListener l : b.outputListeners)
        {
            output.addListener(l);
        }
        this.stages = ChainFactory.build(b.params, output);
        final List<Stage> all = new ArrayList<>(stages.stages());
        for (final java.util.function.Function<OutputJournal, Stage> extra : b.extraStages)
        {
            all.add(extra.apply(output));
        }
        this.chain = new BusinessChain(all, output);

        final boolean single = b.consumerThreads == 1;
        final ThreadFactory threadFactory = r ->
        {
            final Thread t = new Thread(r, "arb-" + (inputWriter == null ? "chain" : single ? "consumer"
                : threads.isEmpty() ? "journal" : "chain"));
            t.setDaemon(true);
            threads.add(t);
            return t;
        };
        final com.lmax.disruptor.WaitStrategy waitStrategy = WaitStrategies.byName(b.waitStrategy);
        this.disruptor = new Disruptor<>(Slot::new, b.ringSize, threadFactory, ProducerType.SINGLE, waitStrategy);
        disruptor.setDefaultExceptionHandler(new FatalOnError());
        this.consumersRunning = new java.util.concurrent.CountDownLatch(inputWriter != null && !single ? 2 : 1);
        if (inputWriter != null && single)
        {
            // One consumer thread: each event is appended to the input journal, then handed to the
            // chain, on the same thread and in that order, so no logic ever sees an event the journal
            // lacks (a journal failure throws before the chain runs). Nothing to signal: no one is gated.
            this.journalHandler = new JournalHandler(inputWriter, consumersRunning::countDown, null);
            journalHandler.alreadyJournaled(b.alreadyPublished, b.alreadyJournaled);
            disruptor.handleEventsWith(journalThenChainHandler(journalHandler));
        }
        else if (inputWriter != null)
        {
            // The chain is gated on the journaler: with a strategy that blocks on gating sequences the
            // journaler must signal its progress (other strategies spin or poll on their own).
            this.journalHandler = new JournalHandler(inputWriter, consumersRunning::countDown,
                waitStrategy instanceof arb.engine.ring.GatedBlockingWaitStrategy ? waitStrategy::signalAllWhenBlocking
                    : null);
            journalHandler.alreadyJournaled(b.alreadyPublished, b.alreadyJournaled);
            disruptor.handleEventsWith(journalHandler).then(chainHandler());
        }
        else
        {
            this.journalHandler = null;
            disruptor.handleEventsWith(chainHandler());
        }
        final RingBuffer<Slot> ring = disruptor.getRingBuffer();
        this.publisher = new RingPublisher(ring, b.claimTimeoutMs);
    }

    private com.lmax.disruptor.EventHandler<Slot> chainHandler()
    {
        return new com.lmax.disruptor.EventHandler<>()
        {
            @Override
            public void onEvent(final Slot slot, final long sequence, final boolean endOfBatch)
            {
                chain.onEvent(slot, sequence, endOfBatch);
            }

            @Override
            public void onStart()
            {
                consumersRunning.countDown();
            }

            @Override
            public void onShutdown()
            {
                chain.end();
            }
        };
    }

    /** The single consumer of {@link ConsumerThreads#ONE}: journal, then chain, per event. */
    private com.lmax.disruptor.EventHandler<Slot> journalThenChainHandler(final JournalHandler journal)
    {
        return new com.lmax.disruptor.EventHandler<>()
        {
            @Override
            public void onEvent(final Slot slot, final long sequence, final boolean endOfBatch)
            {
                journal.onEvent(slot, sequence, endOfBatch);
                chain.onEvent(slot, sequence, endOfBatch);
            }

            @Override
            public void onStart()
            {
                journal.onStart();
            }

            @Override
            public void onShutdown()
            {
                chain.end();
            }
        };
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * Starts the consumer threads, waits until they are running (a consumer that has not started yet
     * would be missed by the drain in {@link #finish()}), and writes a provisional run.json.
     */
    public Engine start()
    {
        disruptor.start();
        try
        {
            if (!consumersRunning.await(60, TimeUnit.SECONDS))
            {
                throw new IllegalStateException("ring consumers did not start within 60 s");
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the ring consumers", e);
        }
        started = true;
        writeRunJson("running");
        return this;
    }

    /** The ring's single producer. */
    public EventSink sink()
    {
        return publisher;
    }

    public RingPublisher publisher()
    {
        return publisher;
    }

    public ChainFactory.Chain chain()
    {
        return stages;
    }

    public BusinessChain businessChain()
    {
        return chain;
    }

    public OutputJournal output()
    {
        return output;
    }

    /** The run's results (summary.json, trades.jsonl, status snapshot), or null without a run directory. */
    public RunResults results()
    {
        return results;
    }

    /** A consumer failure that made the engine unsafe to continue, or null. */
    public Throwable fatalError()
    {
        return fatal.get();
    }

    /** Sequence the chain has processed up to (for watchdogs). */
    public long chainSequence()
    {
        return chain.lastSequence();
    }

    public long ringCursor()
    {
        return disruptor.getRingBuffer().getCursor();
    }

    /**
     * Drains every published event through the consumers, lets the stages flush (on the chain
     * thread), closes the journals and writes the final run.json. Idempotent.
     */
    public void finish()
    {
        if (finished || !started)
        {
            return;
        }
        finished = true;
        // Drain: every published event must reach the end of the chain (which is gated on the
        // journaler) before the consumers are halted.
        publisher.flush();
        final long target = disruptor.getRingBuffer().getCursor();
        final long deadline = System.nanoTime() + config.drainTimeoutMs * 1_000_000L;
        while (chain.lastSequence() < target && fatal.get() == null)
        {
            if (System.nanoTime() - deadline > 0)
            {
                LOG.error("consumers did not drain the ring within {} ms (chain at {}, cursor {}); halting",
                    config.drainTimeoutMs, chain.lastSequence(), target);
                fatal.compareAndSet(null, new IllegalStateException("ring not drained"));
                break;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
        }
        disruptor.halt();
        for (final Thread t : threads)
        {
            try
            {
                t.join(config.drainTimeoutMs);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
        if (inputWriter != null)
        {
            inputWriter.close();
        }
        output.close();
        if (ended == null)
        {
            ended = fatal.get() == null ? "complete" : "failed: " + fatal.get();
        }
        if (inputTally != null)
        {
            inputTally.closed();
        }
        if (outputTally != null)
        {
            outputTally.closed();
        }
        tallyJournals();
        writeRunJson("complete".equals(ended) ? "complete" : "failed");
        closeTallies();
        if (config.runDirectory != null)
        {
            config.runDirectory.release();
        }
    }

    /**
     * Says how the run ended, for run.json's {@code ended} before {@link #finish()}: {@code complete}, or
     * why not ({@code all_venues_down}, {@code never_connected}, {@code disk_full}, {@code watchdog: ...},
     * {@code failed: ...}). Without one, a fatal consumer error (or none: {@code complete}) is the reason.
     */
    public void endedAs(final String reason)
    {
        ended = reason;
    }

    /** How the run ended (null while it runs and no reason was given). */
    public String ended()
    {
        return ended;
    }

    /**
     * Records in run.json the journals' event counts and digests so far, read back from their files
     * (a live run calls this about once a minute: after a crash run.json still says which events the
     * journals held). Cold path, on the caller's thread; only the files' new events are read.
     */
    public void checkpoint()
    {
        if (!started || finished || config.runDirectory == null)
        {
            return;
        }
        tallyJournals();
        writeRunJson("running");
    }

    private void tallyJournals()
    {
        if (config.runDirectory == null)
        {
            return;
        }
        if (inputTally == null && inputWriter != null)
        {
            inputTally = new JournalTally(config.runDirectory.input());
        }
        if (outputTally == null)
        {
            outputTally = new JournalTally(config.runDirectory.output());
        }
        if (inputTally != null)
        {
            inputTally.advance();
        }
        outputTally.advance();
    }

    private void closeTallies()
    {
        if (inputTally != null)
        {
            inputTally.close();
        }
        if (outputTally != null)
        {
            outputTally.close();
        }
    }

    @Override
    public void close()
    {
        finish();
    }

    /**
     * The consumer threads (journaler if journaling, then chain; or the one consumer doing both), for
     * probes and watchdogs.
     */
    public List<Thread> consumerThreads()
    {
        return List.copyOf(threads);
    }

    public long inputEventsJournaled()
    {
        return journalHandler == null ? 0 : journalHandler.journaled();
    }

    /** Payload bytes written to the input journal so far (any thread). */
    public long inputBytesJournaled()
    {
        return journalHandler == null ? 0 : journalHandler.bytes();
    }

    /** Free slots in the ring (any thread; a lock-free read of the producer and consumer sequences). */
    public long ringRemainingCapacity()
    {
        return disruptor.getRingBuffer().remainingCapacity();
    }

    /** The ring's size in slots. */
    public int ringSize()
    {
        return disruptor.getRingBuffer().getBufferSize();
    }

    private void writeRunJson(final String status)
    {
        if (config.runDirectory == null)
        {
            return;
        }
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", "arb");
        m.put("engine_version", EngineVersion.VERSION);
        m.put("schema_id", Events.SCHEMA_ID);
        m.put("schema_version", Events.SCHEMA_VERSION);
        m.put("mode", config.mode);
        if (config.source != null)
        {
            m.put("source", config.source);
        }
        m.put("status", status);
        if (!"running".equals(status))
        {
            m.put("ended", ended);
        }
        m.put("started_at", startedAt);
        if (!"running".equals(status))
        {
            m.put("ended_at", Instant.now().toString());
        }
        m.put("input_events", config.journalInput ? inputEventsJournaled() : chain.processed());
        m.put("input_journaled", config.journalInput);
        m.put("output_events", output.count());
        final EventDumper names = dumper();
        final Map<String, Object> counts = new LinkedHashMap<>();
        for (int t = Events.FIRST_OUTPUT_TEMPLATE; t < 256; t++)
        {
            if (output.count(t) > 0)
            {
                counts.put(names.messageName(t), output.count(t));
            }
        }
        m.put("output_counts", counts);
        m.put("chain_errors", chain.errors());
        if (fatal.get() != null)
        {
            m.put("fatal_error", String.valueOf(fatal.get()));
        }
        if (outputTally != null)
        {
            final boolean complete = !"running".equals(status);
            final Map<String, Object> journals = new LinkedHashMap<>();
            if (inputTally != null)
            {
                journals.put(RunDirectory.INPUT, inputTally.toJson(complete));
            }
            journals.put(RunDirectory.OUTPUT, outputTally.toJson(complete));
            if (!complete)
            {
                journals.put("as_of", Instant.now().toString());
            }
            m.put(arb.journal.RunManifest.JOURNALS, journals);
        }
        m.putAll(config.extraRunInfo);
        m.put("params", new LinkedHashMap<>(config.params.asMap()));
        config.runDirectory.writeRunJson(m);
    }

    private static EventDumper dumperInstance;

    private static synchronized EventDumper dumper()
    {
        if (dumperInstance == null)
        {
            dumperInstance = new EventDumper();
        }
        return dumperInstance;
    }

    /** Consumer exceptions that escape a handler: journaling failures are fatal, the run stops loudly. */
    private final class FatalOnError implements ExceptionHandler<Slot>
    {
        @Override
        public void handleEventException(final Throwable ex, final long sequence, final Slot slot)
        {
            LOG.error("FATAL: consumer failed on ring sequence {} (template {}): the input journal can no longer be "
                + "trusted, stopping", sequence, slot == null ? -1 : slot.templateId(), ex);
            fatal.compareAndSet(null, ex);
            if (config.onFatal != null)
            {
                config.onFatal.accept(ex);
            }
            throw new IllegalStateException("consumer failed", ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            LOG.error("FATAL: consumer failed to start", ex);
            fatal.compareAndSet(null, ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            LOG.error("consumer failed during shutdown", ex);
        }
    }

    /** Run configuration: logic params, run directory and environment settings. */
    public static final class Builder
    {
        private Params params = Params.defaults();
        private RunDirectory runDirectory;
        private boolean journalInput = true;
        private String waitStrategy = WaitStrategies.DEFAULT;
        private int consumerThreads = ConsumerThreads.TWO;
        private int ringSize = 16384;
        private long claimTimeoutMs = 10_000;
        private long drainTimeoutMs = 60_000;
        private String mode = "live";
        private String source;
        private final List<java.util.function.Function<OutputJournal, Stage>> extraStages = new ArrayList<>();
        private final List<OutputListener> outputListeners = new ArrayList<>();
        private final Map<String, Object> extraRunInfo = new LinkedHashMap<>();
        private Consumer<Throwable> onFatal;
        private long alreadyJournaled;
        private long alreadyPublished;
        private String startedAt;

        public Builder params(final Params p)
        {
            this.params = p;
            return this;
        }

        /** Run directory to write; null runs without journals (benchmarks, sweeps). */
        public Builder runDirectory(final RunDirectory dir)
        {
            this.runDirectory = dir;
            return this;
        }

        /** Whether input events are journaled (live, import: yes; replay: no, the source is a journal). */
        public Builder journalInput(final boolean journal)
        {
            this.journalInput = journal;
            return this;
        }

        public Builder waitStrategy(final String name)
        {
            this.waitStrategy = name;
            return this;
        }

        /**
         * Consumer threads when journaling: {@link ConsumerThreads#TWO} (journaler, and the chain gated
         * on it; the default) or {@link ConsumerThreads#ONE} (one thread journals then runs the chain,
         * per event). Either way the journal is written before any logic sees an event and every output
         * is identical; without an input journal there is one consumer anyway.
         */
        public Builder consumerThreads(final int threads)
        {
            if (threads != ConsumerThreads.ONE && threads != ConsumerThreads.TWO)
            {
                throw new IllegalArgumentException("consumer threads must be 1 or 2, not " + threads);
            }
            this.consumerThreads = threads;
            return this;
        }

        public Builder ringSize(final int size)
        {
            this.ringSize = size;
            return this;
        }

        public Builder claimTimeoutMs(final long ms)
        {
            this.claimTimeoutMs = ms;
            return this;
        }

        public Builder drainTimeoutMs(final long ms)
        {
            this.drainTimeoutMs = ms;
            return this;
        }

        public Builder mode(final String m)
        {
            this.mode = m;
            return this;
        }

        public Builder source(final String s)
        {
            this.source = s;
            return this;
        }

        /** Adds a stage after the standard chain (tests, probes). */
        public Builder extraStage(final java.util.function.Function<OutputJournal, Stage> factory)
        {
            extraStages.add(factory);
            return this;
        }

        public Builder outputListener(final OutputListener l)
        {
            outputListeners.add(l);
            return this;
        }

        public Builder runInfo(final String key, final Object value)
        {
            extraRunInfo.put(key, value);
            return this;
        }

        /**
         * A resumed run: the first {@code published} input events published are the run's own journal
         * (of {@code inJournal} events), replayed to rebuild the chain's state; the journaler does not
         * append them again.
         */
        public Builder alreadyJournaled(final long published, final long inJournal)
        {
            this.alreadyPublished = published;
            this.alreadyJournaled = inJournal;
            return this;
        }

        /** The run's original start (a resumed run keeps it); default: now. */
        public Builder startedAt(final String isoInstant)
        {
            this.startedAt = isoInstant;
            return this;
        }

        public Builder onFatal(final Consumer<Throwable> handler)
        {
            this.onFatal = handler;
            return this;
        }

        public Engine build()
        {
            return new Engine(this);
        }
    }
}
