package arb.sim.gen;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;

import arb.engine.config.Params;
import arb.engine.run.ChainFactory;
import arb.engine.run.EngineVersion;
import arb.engine.run.RunStartCodec;
import arb.journal.Events;
import arb.journal.JournalSink;
import arb.journal.JournalWriter;
import arb.journal.JournalTally;
import arb.journal.RunDirectory;
import arb.journal.RunManifest;
import arb.sim.market.MarketModelConfig;

/** Writes a generated session as a new run directory (input journal + run.json). */
public final class SessionWriter
{
    /** What to generate. */
    public static final class Request
    {
        private long seed = 7;
        private double minutes = 30;
        private String start = "2026-03-02T14:00:00Z";
        private double intensity = 1;
        private int kalshiLagMs = 5000;
        private boolean kxbtc15m = true;
        private boolean kxbtcd;
        private int hourlyStrikes = 12;
        private boolean relay;
        private boolean gemini;
        private java.math.BigDecimal feeMultiplier = java.math.BigDecimal.ONE;
        private Params params = Params.defaults();

        public Request seed(final long seed)
        {
            this.seed = seed;
            return this;
        }

        /** Length of the session in minutes (positive). */
        public Request minutes(final double minutes)
        {
            this.minutes = minutes;
            return this;
        }

        /** Start instant, ISO-8601. */
        public Request start(final String start)
        {
            this.start = start;
            return this;
        }

        /** Scales the event rates of the market model. */
        public Request intensity(final double intensity)
        {
            this.intensity = intensity;
            return this;
        }

        public Request kalshiLagMs(final int kalshiLagMs)
        {
            this.kalshiLagMs = kalshiLagMs;
            return this;
        }

        /** The parameters journaled with the session. */
        /**
         * The Kalshi series to write, a comma list of {@code KXBTC15M} and {@code KXBTCD} (default
         * {@code KXBTC15M}); an unknown name is an {@link IllegalArgumentException}.
         */
        public Request series(final String list)
        {
            boolean fifteen = false;
            boolean hourlyEvents = false;
            for (final String name : list.split(","))
            {
                final String n = name.trim();
                if ("KXBTC15M".equalsIgnoreCase(n))
                {
                    fifteen = true;
                }
                else if ("KXBTCD".equalsIgnoreCase(n))
                {
                    hourlyEvents = true;
                }
                else
                {
                    throw new IllegalArgumentException("--series: unknown series '" + n + "' (known: KXBTC15M, KXBTCD)");
                }
            }
            if (!fifteen && !hourlyEvents)
            {
                throw new IllegalArgumentException("--series: name at least one of KXBTC15M, KXBTCD");
            }
            this.kxbtc15m = fifteen;
            this.kxbtcd = hourlyEvents;
            return this;
        }

        /** Also write Kalshi's relay of the official index (the latent price) every second (default off). */
        public Request relay(final boolean on)
        {
            this.relay = on;
            return this;
        }

        /** The fee_multiplier of the written series' fee schedule (a decimal >= 0, at most 9 decimals; default 1). */
        public Request feeMultiplier(final String decimal)
        {
            final java.math.BigDecimal m;
            try
            {
                m = new java.math.BigDecimal(decimal.strip());
            }
            catch (final NumberFormatException e)
            {
                throw new IllegalArgumentException("--fee-multiplier must be a number >= 0, got '" + decimal + "'");
            }
            if (m.signum() < 0 || m.scale() > 9 || m.compareTo(java.math.BigDecimal.valueOf(1000)) > 0)
            {
                throw new IllegalArgumentException("--fee-multiplier must be in [0, 1000] with at most 9 decimals, got '"
                    + decimal + "'");
            }
            this.feeMultiplier = m;
            return this;
        }

        /** Also write Gemini as a fifth venue, from its own random sequence (default off). */
        public Request gemini(final boolean on)
        {
            this.gemini = on;
            return this;
        }

        /** Strikes per KXBTCD hourly event (default 12). */
        public Request hourlyStrikes(final int strikes)
        {
            if (strikes < 1 || strikes > 64)
            {
                throw new IllegalArgumentException("--hourly-strikes must be in 1..64");
            }
            this.hourlyStrikes = strikes;
            return this;
        }

        public Request params(final Params params)
        {
            this.params = params;
            return this;
        }
    }

    private SessionWriter()
    {
    }

    /**
     * Checks a request before anything is written: minutes in (0, 1 year], intensity in (0, 100],
     * Kalshi lag in [0, 1 h], a start instant between 2000 and 2200, parameters that build a chain.
     */
    public static void check(final Request r)
    {
        if (!(r.minutes > 0 && r.minutes <= 525_600))
        {
            throw new IllegalArgumentException("--minutes must be above 0 and at most 525600 (a year), got " + r.minutes);
        }
        if (!(r.intensity > 0 && r.intensity <= 100))
        {
            throw new IllegalArgumentException("--intensity must be above 0 and at most 100, got " + r.intensity);
        }
        if (r.kalshiLagMs < 0 || r.kalshiLagMs > 3_600_000)
        {
            throw new IllegalArgumentException("--kalshi-lag-ms must be in [0, 3600000], got " + r.kalshiLagMs);
        }
        final Instant start;
        try
        {
            start = Instant.parse(r.start);
        }
        catch (final java.time.format.DateTimeParseException e)
        {
            throw new IllegalArgumentException("--start must be an ISO-8601 UTC instant like 2026-03-02T14:00:00Z, got '"
                + r.start + "'");
        }
        if (start.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || start.isAfter(Instant.parse("2200-01-01T00:00:00Z")))
        {
            throw new IllegalArgumentException("--start must be between 2000 and 2200, got " + r.start);
        }
        ChainFactory.check(r.params);
    }

    /**
     * @param progress called with the number of events written so far, about every 5 minutes of event time
     * @return events written
     */
    public static long write(final Path out, final Request r, final LongConsumer progress)
    {
        check(r);
        final long startNs = Instant.parse(r.start).getEpochSecond() * 1_000_000_000L;
        final long endNs = startNs + (long)(r.minutes * 60e9);
        final MarketModelConfig config = new MarketModelConfig().intensity(r.intensity);
        config.kalshiLagMs(r.kalshiLagMs);
        config.series(r.kxbtc15m, r.kxbtcd, r.hourlyStrikes);
        config.gemini(r.gemini);
        final RunDirectory dir = RunDirectory.create(out);
        try
        {
            final long events;
            try (JournalWriter writer = new JournalWriter(dir.input()))
            {
                final JournalSink sink = new JournalSink(writer);
                RunStartCodec.publish(sink, startNs, r.params.toText());
                final SessionGenerator gen = new SessionGenerator(config, r.seed, startNs, sink).relay(r.relay)
                    .feeMultiplier(r.feeMultiplier.movePointRight(9).longValueExact());
                gen.begin(startNs);
                final long step = 5 * 60_000_000_000L;
                for (long t = startNs; t < endNs; )
                {
                    t = Math.min(endNs, t + step);
                    gen.runUntil(t);
                    if (progress != null)
                    {
                        progress.accept(sink.count());
                    }
                }
                events = sink.count();
            }
            final Map<String, Object> run = new LinkedHashMap<>();
            run.put("engine", "arb");
            run.put("engine_version", EngineVersion.VERSION);
            run.put("schema_id", Events.SCHEMA_ID);
            run.put("schema_version", Events.SCHEMA_VERSION);
            run.put("mode", "gen");
            run.put("status", "complete");
            run.put("seed", r.seed);
            run.put("minutes", r.minutes);
            run.put("intensity", r.intensity);
            run.put("kalshi_lag_ms", r.kalshiLagMs);
            if (r.relay)
            {
                run.put("relay", true);
            }
            if (r.gemini)
            {
                run.put("gemini", true);
            }
            if (r.feeMultiplier.compareTo(java.math.BigDecimal.ONE) != 0)
            {
                run.put("fee_multiplier", r.feeMultiplier.toPlainString());
            }
            if (!r.kxbtc15m || r.kxbtcd)
            {
                run.put("series", (r.kxbtc15m ? "KXBTC15M" : "") + (r.kxbtc15m && r.kxbtcd ? "," : "")
                    + (r.kxbtcd ? "KXBTCD" : ""));
                if (r.kxbtcd)
                {
                    run.put("hourly_strikes", r.hourlyStrikes);
                }
            }
            run.put("session_start", r.start);
            run.put("session_end", Instant.ofEpochSecond(endNs / 1_000_000_000L).toString());
            run.put("input_events", events);
            try (JournalTally tally = new JournalTally(dir.input()))
            {
                run.put(RunManifest.JOURNALS, Map.of(RunDirectory.INPUT, tally.closed().advance().toJson(true)));
            }
            run.put("params", new LinkedHashMap<>(r.params.asMap()));
            dir.writeRunJson(run);
            return events;
        }
        finally
        {
            // the writer lock of the new directory: held while the session is written
            dir.release();
        }
    }
}
