package arb.feeds.kalshi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import arb.feeds.ReceiveClock;
import arb.journal.EventSink;
import arb.journal.Events;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.KalshiMarketDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.Venue;
import arb.sim.VenueSimulator;
import arb.sim.kalshi.KalshiSim;
import arb.sim.market.MarketModelConfig;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A Kalshi simulator (the market model's KXBTC15M windows on the venue simulator) and a live
 * {@link KalshiFeed} pointed at it, sharing one fast receive clock, with every event the feed
 * publishes captured in order. Integration tests in this module and in the engine use it.
 */
public final class KalshiSimHarness implements AutoCloseable
{
    public final ReceiveClock clock;
    public final KalshiSim kalshi;
    public final VenueSimulator sim;
    public final EventLoopGroup group;
    public final KalshiFeed feed;
    private final List<byte[]> events = new ArrayList<>();

    /** Settings of one harness run. */
    public static final class Options
    {
        public String start = "2026-03-10T14:05:00Z";
        public double rate = 200;
        public long seed = 7;
        public boolean key = true;
        public boolean wrongKey;
        public boolean allowUnauthenticated;
        public KalshiSim.Config sim = new KalshiSim.Config();
        public Map<String, String> feed = Map.of();
        /** The model also lists KXBTCD hourly events (12 strikes each). */
        public boolean hourly;
        public Path dir;
        /** Where the feed records its raw traffic (null: nowhere). */
        public arb.feeds.capture.FrameCapture capture;
    }

    public KalshiSimHarness(final Options options) throws Exception
    {
        // Slow one-off work first (keys, TLS and Netty start-up): a fast clock turns real seconds into minutes.
        final KeyPair pair = generate();
        final KeyPair other = options.wrongKey ? generate() : pair;
        arb.feeds.net.SpotFeeds.clientSslContext();
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("kalshi-io", true), NioIoHandler.newFactory());
        group.submit(() -> null).syncUninterruptibly();
        final Instant start = Instant.parse(options.start);
        clock = ReceiveClock.startingAt(start.getEpochSecond() * 1_000_000_000L, options.rate);
        options.sim.verifyKey(pair.getPublic());
        options.sim.allowUnauthenticated(options.allowUnauthenticated);
        kalshi = new KalshiSim(clock, options.sim);
        // Only Kalshi is served: a lighter spot market keeps the simulator's loop free at a fast clock.
        final MarketModelConfig model = new MarketModelConfig().intensity(0.1);
        model.kalshiSettleDelayMs(3_000);
        model.kalshiReportAfterSettleMs(20_000);
        model.series(true, options.hourly, 12);
        sim = VenueSimulator.builder().clock(clock).seed(options.seed).venues(EnumSet.noneOf(Venue.class))
            .modelConfig(model).marketListener(kalshi).tickMs(2).build();
        kalshi.register(sim.routes());
        sim.start();
        kalshi.attach(() -> sim.model().truePrice());

        KalshiFeedConfig config = KalshiFeedConfig.defaults().fastTimings()
            .with("sim", "127.0.0.1:" + sim.port())
            .with("pollIntervalMs", "40")
            .with("listIntervalMs", "200")
            .with("settleIntervalMs", "40")
            .with("requestTimeoutMs", "400")
            .with("staleAfterMs", "600")
            .with("readLimitPerSecond", "1000");
        for (final Map.Entry<String, String> e : options.feed.entrySet())
        {
            config = config.with(e.getKey(), e.getValue());
        }
        if (options.key)
        {
            final Path pem = options.dir.resolve("kalshi-test.pem");
            Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(other.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            Files.setPosixFilePermissions(pem, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            config = config.with("apiKeyId", "test-key").with("privateKeyPath", pem.toString());
        }
        feed = new KalshiFeed(group.next(), new CapturingSink(), clock, config, IndexPriceSource.NONE, null, null, Map.of(),
            options.capture);
    }

    private static KeyPair generate() throws Exception
    {
        final KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    public KalshiSimHarness start()
    {
        feed.start();
        return this;
    }

    /** Clock epoch ns of an ISO instant. */
    public static long ns(final String iso)
    {
        final Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /** Waits (real time) until the condition holds or the timeout passes; returns whether it held. */
    public boolean await(final BooleanSupplier condition, final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline)
        {
            if (condition.getAsBoolean())
            {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    /** Waits until the receive clock reads {@code epochNs}. */
    public void awaitClock(final long epochNs, final long timeoutMs) throws InterruptedException
    {
        if (!await(() -> clock.nowNs() >= epochNs, timeoutMs))
        {
            throw new AssertionError("clock did not reach " + Instant.ofEpochSecond(0, epochNs));
        }
    }

    /** A copy of every event captured so far, in publish order. */
    public List<UnsafeBuffer> events()
    {
        synchronized (events)
        {
            final List<UnsafeBuffer> copy = new ArrayList<>(events.size());
            for (final byte[] e : events)
            {
                copy.add(new UnsafeBuffer(e));
            }
            return copy;
        }
    }

    /** True when some captured KalshiMarket event satisfies the predicate. */
    public boolean anyMarket(final java.util.function.Predicate<KalshiMarketDecoder> predicate)
    {
        final KalshiMarketDecoder m = new KalshiMarketDecoder();
        final MessageHeaderDecoder h = new MessageHeaderDecoder();
        for (final UnsafeBuffer e : events())
        {
            if (Events.templateId(e, 0) == KalshiMarketDecoder.TEMPLATE_ID && predicate.test(m.wrapAndApplyHeader(e, 0, h)))
            {
                return true;
            }
        }
        return false;
    }

    /** Every FeedStatus event as "STATE REASON detail". */
    public List<String> statuses()
    {
        final List<String> out = new ArrayList<>();
        final FeedStatusDecoder s = new FeedStatusDecoder();
        final MessageHeaderDecoder h = new MessageHeaderDecoder();
        for (final UnsafeBuffer e : events())
        {
            if (Events.templateId(e, 0) == FeedStatusDecoder.TEMPLATE_ID)
            {
                s.wrapAndApplyHeader(e, 0, h);
                out.add(s.state() + " " + s.reason() + " " + s.detail().trim());
            }
        }
        return out;
    }

    @Override
    public void close()
    {
        try
        {
            feed.close();
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            sim.close();
        }
    }

    /** The ring stand-in: copies each event, in order (called on the feed's event loop). */
    private final class CapturingSink implements EventSink
    {
        private final UnsafeBuffer slot = new UnsafeBuffer(new byte[Events.SLOT_CAPACITY]);

        @Override
        public MutableDirectBuffer claim()
        {
            return slot;
        }

        @Override
        public void publish(final int length)
        {
            final byte[] copy = new byte[length];
            slot.getBytes(0, copy);
            synchronized (events)
            {
                events.add(copy);
            }
        }
    }
}
