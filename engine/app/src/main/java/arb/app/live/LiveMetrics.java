package arb.app.live;

import java.util.List;
import java.util.function.ToDoubleFunction;

import arb.engine.results.TradingSummary;
import arb.feeds.kalshi.KalshiFeed;
import arb.feeds.net.VenueGauges;
import arb.journal.Scales;
import arb.sbe.FeedState;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/**
 * The live run's Prometheus metrics: callbacks registered with the official client's registry that
 * read a {@link LiveView} when {@code /metrics} is scraped (the scrape thread does all the work and
 * all the allocation; the I/O and chain threads only keep the volatile or ordered fields the view
 * reads). Names start with {@code arb_}; money in dollars, times in seconds, ages in wall-clock time.
 */
public final class LiveMetrics
{
    private static final double MONEY = 1e6;
    private static final FeedState[] STATES = {
        FeedState.CONNECTING, FeedState.SUBSCRIBING, FeedState.LIVE, FeedState.STALE, FeedState.RESYNCING,
        FeedState.DISCONNECTED, FeedState.BACKOFF, FeedState.DEGRADED, FeedState.STOPPED};

    private LiveMetrics()
    {
    }

    /** A registry holding every metric of the run. */
    public static PrometheusRegistry registry(final LiveView view)
    {
        final PrometheusRegistry r = new PrometheusRegistry();
        venues(r, view.venues());
        venueLatency(r, view.venues());
        kalshi(r, view);
        engine(r, view);
        strategies(r, view);
        return r;
    }

    private static void venues(final PrometheusRegistry r, final List<VenueGauges> venues)
    {
        GaugeWithCallback.builder().name("arb_venue_state").help("1 for the venue feed's current state, 0 for the others")
            .labelNames("venue", "state").callback(cb ->
            {
                for (final VenueGauges v : venues)
                {
                    final FeedState now = v.state();
                    for (final FeedState s : STATES)
                    {
                        cb.call(now == s ? 1 : 0, v.name(), s.name().toLowerCase());
                    }
                }
            }).register(r);
        GaugeWithCallback.builder().name("arb_venue_up").help("1 while the venue feed is LIVE")
            .labelNames("venue").callback(cb -> venues.forEach(v -> cb.call(v.state() == FeedState.LIVE ? 1 : 0, v.name())))
            .register(r);
        venueCounter(r, venues, "arb_venue_messages", "WebSocket frames received", VenueGauges::frames);
        venueCounter(r, venues, "arb_venue_received_bytes", "WebSocket payload bytes received", VenueGauges::bytes);
        venueCounter(r, venues, "arb_venue_bad_frames", "Frames dropped as malformed", VenueGauges::badFrames);
        venueCounter(r, venues, "arb_venue_reconnects", "Reconnections", VenueGauges::reconnects);
        venueCounter(r, venues, "arb_venue_resyncs", "Book resync incidents (gap, checksum mismatch, crossed book)",
            VenueGauges::resyncs);
        GaugeWithCallback.builder().name("arb_venue_last_update_age_seconds")
            .help("Wall-clock seconds since the venue's last frame (NaN before the first)")
            .labelNames("venue").callback(cb ->
            {
                for (final VenueGauges v : venues)
                {
                    final long age = v.lastFrameAgeMs();
                    cb.call(age < 0 ? Double.NaN : age / 1e3, v.name());
                }
            }).register(r);
    }

    private static void venueCounter(final PrometheusRegistry r, final List<VenueGauges> venues, final String name,
        final String help, final ToDoubleFunction<VenueGauges> value)
    {
        CounterWithCallback.builder().name(name).help(help).labelNames("venue")
            .callback(cb -> venues.forEach(v -> cb.call(value.applyAsDouble(v), v.name()))).register(r);
    }

    /** Venue timestamp -> receive latency, wall-clock seconds, from the feeds' own buckets. */
    private static void venueLatency(final PrometheusRegistry r, final List<VenueGauges> venues)
    {
        final double[] inner = VenueGauges.latencyBoundsSeconds();
        final double[] bounds = java.util.Arrays.copyOf(inner, inner.length + 1);
        bounds[inner.length] = Double.POSITIVE_INFINITY;
        final String name = "arb_venue_latency_seconds";
        r.register(new Collector()
        {
            @Override
            public MetricSnapshot collect()
            {
                final HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(name)
                    .help("Venue timestamp to receive time, wall-clock seconds (receive clock difference / clock rate)");
                for (final VenueGauges v : venues)
                {
                    final long[] counts = new long[bounds.length];
                    for (int i = 0; i < counts.length; i++)
                    {
                        counts[i] = v.latencyBucket(i);
                    }
                    b.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                        .sum(v.latencySumSeconds()).labels(Labels.of("venue", v.name())).build());
                }
                return b.build();
            }
        });
    }

    private static void kalshi(final PrometheusRegistry r, final LiveView view)
    {
        final KalshiFeed k = view.kalshi();
        if (k == null)
        {
            return;
        }
        GaugeWithCallback.builder().name("arb_kalshi_quote_age_seconds")
            .help("Wall-clock seconds since the last Kalshi market or book event (NaN before the first)")
            .callback(cb ->
            {
                final long age = view.kalshiQuoteAgeMs();
                cb.call(age < 0 ? Double.NaN : age / 1e3);
            }).register(r);
        CounterWithCallback.builder().name("arb_kalshi_poll_requests").help("Kalshi REST requests sent")
            .callback(cb -> cb.call(k.poller().requests())).register(r);
        CounterWithCallback.builder().name("arb_kalshi_poll_errors").help("Kalshi REST requests that failed")
            .callback(cb -> cb.call(k.poller().failures())).register(r);
        GaugeWithCallback.builder().name("arb_kalshi_markets_followed").help("Kalshi markets the feed follows closely")
            .callback(cb -> cb.call(k.selection().followed().size())).register(r);
        GaugeWithCallback.builder().name("arb_kalshi_up").help("1 while the Kalshi component (rest, ws) is LIVE")
            .labelNames("component").callback(cb ->
            {
                cb.call(k.poller().state() == FeedState.LIVE ? 1 : 0, "rest");
                if (k.webSocket() != null)
                {
                    cb.call(k.webSocket().state() == FeedState.LIVE ? 1 : 0, "ws");
                }
            }).register(r);
    }

    private static void engine(final PrometheusRegistry r, final LiveView view)
    {
        GaugeWithCallback.builder().name("arb_ring_remaining_capacity").help("Free slots in the input ring")
            .callback(cb -> cb.call(view.engine().ringRemainingCapacity())).register(r);
        GaugeWithCallback.builder().name("arb_ring_size").help("Slots in the input ring")
            .callback(cb -> cb.call(view.engine().ringSize())).register(r);
        CounterWithCallback.builder().name("arb_journal_written_bytes").help("Event payload bytes written per journal")
            .labelNames("journal").callback(cb ->
            {
                cb.call(view.engine().inputBytesJournaled(), "input");
                cb.call(view.engine().output().bytesWritten(), "output");
            }).register(r);
        CounterWithCallback.builder().name("arb_journal_events").help("Events written per journal")
            .labelNames("journal").callback(cb ->
            {
                cb.call(view.engine().inputEventsJournaled(), "input");
                cb.call(view.engine().output().count(), "output");
            }).register(r);
        CounterWithCallback.builder().name("arb_chain_errors").help("Stage failures on the chain (logged, skipped)")
            .callback(cb -> cb.call(view.engine().businessChain().errors())).register(r);
        GaugeWithCallback.builder().name("arb_index_value_dollars").help("The traded index (NaN before the first value)")
            .callback(cb ->
            {
                final long v = view.indexValue();
                cb.call(v == Scales.NULL ? Double.NaN : v / 1e8);
            }).register(r);
        GaugeWithCallback.builder().name("arb_index_age_seconds")
            .help("Wall-clock seconds since the event time of the index value (NaN before the first)")
            .callback(cb ->
            {
                final long age = view.indexAgeMs();
                cb.call(age < 0 ? Double.NaN : age / 1e3);
            }).register(r);
        GaugeWithCallback.builder().name("arb_disk_free_bytes").help("Free space on the run directory's disk")
            .callback(cb -> cb.call(view.disk().freeBytes())).register(r);
        GaugeWithCallback.builder().name("arb_run_write_bytes_per_second").help("This run's own average write rate")
            .callback(cb -> cb.call(view.disk().runBytesPerSecond())).register(r);
        GaugeWithCallback.builder().name("arb_healthy").help("1 when /health answers 200")
            .callback(cb -> cb.call(view.health().healthy() ? 1 : 0)).register(r);
    }

    private static void strategies(final PrometheusRegistry r, final LiveView view)
    {
        strategyGauge(r, view, "arb_strategy_open_positions", "Open positions", row -> row.openPositions());
        strategyGauge(r, view, "arb_strategy_exposure_dollars", "Cost of open positions", row -> row.exposure() / MONEY);
        strategyGauge(r, view, "arb_strategy_realised_pnl_dollars", "PnL of settled positions, net of fees",
            row -> row.realisedPnl() / MONEY);
        strategyGauge(r, view, "arb_strategy_marked_pnl_dollars", "PnL with open positions at their marks, net of fees",
            row -> row.netPnl() / MONEY);
        strategyGauge(r, view, "arb_strategy_fees_dollars", "Fees paid", row -> row.fees() / MONEY);
        strategyGauge(r, view, "arb_strategy_orders", "Orders placed", row -> row.orders());
        strategyGauge(r, view, "arb_strategy_fills", "Fills", row -> row.fills());
    }

    private static void strategyGauge(final PrometheusRegistry r, final LiveView view, final String name,
        final String help, final ToDoubleFunction<TradingSummary.Row> value)
    {
        GaugeWithCallback.builder().name(name).help(help + " per strategy (and the portfolio)").labelNames("strategy")
            .callback(cb ->
            {
                for (final TradingSummary.Row row : view.trading().rows())
                {
                    cb.call(value.applyAsDouble(row), row.name());
                }
            }).register(r);
    }
}
