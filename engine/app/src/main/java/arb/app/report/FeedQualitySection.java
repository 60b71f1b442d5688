package arb.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import arb.journal.Events;
import arb.journal.JournalReader;
import arb.journal.Scales;
import arb.sbe.FeedState;
import arb.sbe.FeedStatusDecoder;
import arb.sbe.MessageHeaderDecoder;
import arb.sbe.Venue;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The report's feed-quality and latency section for runs recorded from feeds (live runs and
 * imported captures): per venue, from the input journal alone, the share of the run it was live,
 * reconnects, resyncs, events and the venue-to-receive delay (the venue's timestamp to ours, so it
 * includes the offset between the two clocks); then the run's receive-to-evaluation latency table
 * ({@code latency.txt}) when the live run wrote one.
 */
final class FeedQualitySection
{
    private static final class VenueTally
    {
        long events;
        long liveNs;
        long liveSince = Scales.NULL;
        long reconnects;
        long resyncs;
        long stale;
        boolean connectedOnce;
        final Histogram delayUs = new Histogram(3_600_000_000L, 2);
    }

    private FeedQualitySection()
    {
    }

    /** True when the run that wrote {@code input} took its data from feeds (live or import). */
    static boolean applies(final Path input)
    {
        final String mode = RunSources.runJsonField(input.getParent(), "mode");
        return "live".equals(mode) || "import".equals(mode);
    }

    static void write(final StringBuilder sb, final Path input)
    {
        sb.append("<h2>Feed quality and latency</h2>");
        final Map<Venue, VenueTally> venues = new EnumMap<>(Venue.class);
        long first = Scales.NULL;
        long last = Scales.NULL;
        final byte[] bytes = new byte[Events.SLOT_CAPACITY];
        final UnsafeBuffer view = new UnsafeBuffer(bytes);
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final FeedStatusDecoder status = new FeedStatusDecoder();
        try (JournalReader reader = new JournalReader(input))
        {
            while (reader.next(bytes) >= 0)
            {
                final int template = Events.templateId(view, 0);
                final long recv = Events.recvNs(view, 0);
                first = first == Scales.NULL ? recv : first;
                last = Math.max(last, recv);
                if (template == FeedStatusDecoder.TEMPLATE_ID)
                {
                    status.wrapAndApplyHeader(view, 0, header);
                    onStatus(venues.computeIfAbsent(status.venue(), v -> new VenueTally()), status.state(), recv);
                }
                else if (template >= 1 && template <= 4)
                {
                    final Venue venue = Venue.get(view.getByte(venueOffset(template)));
                    final VenueTally t = venues.computeIfAbsent(venue, v -> new VenueTally());
                    t.events++;
                    final long venueNs = Events.venueNs(view, 0);
                    if (venueNs != Scales.NULL && recv >= venueNs)
                    {
                        t.delayUs.recordValue(Math.min((recv - venueNs) / 1000, t.delayUs.getHighestTrackableValue()));
                    }
                }
            }
        }
        if (first == Scales.NULL)
        {
            sb.append("<p class=\"note\">The input journal is empty.</p>");
            return;
        }
        final long span = Math.max(1, last - first);
        sb.append("<table><tr><th>venue</th><th>live</th><th>reconnects</th><th>resyncs</th><th>stale</th><th>events</th>")
            .append("<th>delay p50</th><th>p99</th><th>p99.9</th><th>max</th></tr>");
        for (final Map.Entry<Venue, VenueTally> e : venues.entrySet())
        {
            final VenueTally t = e.getValue();
            if (t.liveSince != Scales.NULL)
            {
                t.liveNs += last - t.liveSince;
                t.liveSince = Scales.NULL;
            }
            sb.append("<tr><td>").append(e.getKey().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                .append(String.format(Locale.ROOT, "%.1f%%", 100.0 * t.liveNs / span)).append("</td><td>").append(t.reconnects)
                .append("</td><td>").append(t.resyncs).append("</td><td>").append(t.stale).append("</td><td>").append(t.events)
                .append("</td>");
            final Histogram h = t.delayUs;
            for (final double q : new double[] {50, 99, 99.9, 100})
            {
                sb.append("<td>").append(h.getTotalCount() == 0 ? "-" : ms(q == 100 ? h.getMaxValue() : h.getValueAtPercentile(q)))
                    .append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</table><p class=\"note\">From the input journal: live = share of the run (first to last event) the feed "
            + "spent LIVE; reconnects = connection attempts after the first; resyncs = times its book became invalid until "
            + "a new snapshot; stale = times the feed went quiet past its limit (Kalshi: a failed poll marks it degraded). "
            + "Delay = the venue's own event time to our receive time, so it includes the offset between the venue's clock "
            + "and ours (the simulator's clock runs in market time).</p>");
        final Path latency = input.getParent().resolve("latency.txt");
        if (Files.isRegularFile(latency))
        {
            try
            {
                sb.append("<h3>Receive to strategy evaluation (this machine's clock)</h3><pre>")
                    .append(Html.escape(Files.readString(latency, StandardCharsets.UTF_8))).append("</pre>");
            }
            catch (final IOException e)
            {
                sb.append("<p class=\"note\">latency.txt unreadable: ").append(Html.escape(e.getMessage())).append("</p>");
            }
        }
    }

    private static void onStatus(final VenueTally t, final FeedState state, final long recv)
    {
        if (state == FeedState.LIVE)
        {
            if (t.liveSince == Scales.NULL)
            {
                t.liveSince = recv;
            }
            return;
        }
        if (t.liveSince != Scales.NULL)
        {
            t.liveNs += recv - t.liveSince;
            t.liveSince = Scales.NULL;
        }
        if (state == FeedState.CONNECTING)
        {
            if (t.connectedOnce)
            {
                t.reconnects++;
            }
            t.connectedOnce = true;
        }
        else if (state == FeedState.RESYNCING)
        {
            t.resyncs++;
        }
        else if (state == FeedState.STALE || state == FeedState.DEGRADED)
        {
            t.stale++;
        }
    }

    /** Offset of the venue field in a market-data event (Trade, BookSnapshot, BookUpdate, BestBidOffer). */
    private static int venueOffset(final int template)
    {
        switch (template)
        {
            case 1: return Events.HEADER_LENGTH + arb.sbe.TradeDecoder.venueEncodingOffset();
            case 2: return Events.HEADER_LENGTH + arb.sbe.BookSnapshotDecoder.venueEncodingOffset();
            case 3: return Events.HEADER_LENGTH + arb.sbe.BookUpdateDecoder.venueEncodingOffset();
            default: return Events.HEADER_LENGTH + arb.sbe.BestBidOfferDecoder.venueEncodingOffset();
        }
    }

    private static String ms(final long us)
    {
        return String.format(Locale.ROOT, "%.1f ms", us / 1000.0);
    }
}
