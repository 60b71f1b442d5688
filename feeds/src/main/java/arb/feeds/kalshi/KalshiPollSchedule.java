package arb.feeds.kalshi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import arb.journal.Scales;
import arb.market.kalshi.KalshiCalendar;
import arb.sbe.Series;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which Kalshi markets the {@link KalshiPoller} asks about and when: the live and the next
 * window of each series, predicted from the receive clock by the calendar, each in its phase (next,
 * live, settling); the KXBTCD strikes nearest the index; the series listing every
 * {@code listIntervalMs}; each series' fee schedule ({@code GET /series/{ticker}}) at start and every
 * {@code seriesIntervalMs} (every {@code listIntervalMs} until an answer is read); and the set of markets the WebSocket client should follow. It issues the
 * requests through {@link KalshiPollRequests} and keeps no HTTP or status state. Loop thread only.
 */
final class KalshiPollSchedule
{
    private static final Logger LOG = LoggerFactory.getLogger(KalshiPollSchedule.class);
    private static final long NS_PER_MS = 1_000_000L;

    /** Where a tracked market stands relative to its window. */
    enum Phase
    {
        NEXT, LIVE, SETTLING
    }

    private final KalshiFeedConfig config;
    private final IndexPriceSource index;
    private final KalshiSelection selection;
    private final List<Tracked> tracked = new ArrayList<>();
    private final List<KalshiCalendar> calendars = new ArrayList<>();
    private long nextListNanos;
    /** Per calendar: when its series is asked for next (0: at the first poll). */
    private final long[] nextSeriesNanos;

    KalshiPollSchedule(final KalshiFeedConfig config, final IndexPriceSource index, final KalshiSelection selection)
    {
        this.config = config;
        this.index = index;
        this.selection = selection;
        for (final Series s : config.series())
        {
            calendars.add(KalshiCalendar.of(s));
        }
        nextSeriesNanos = new long[calendars.size()];
    }

    static Phase phase(final Tracked t, final long now)
    {
        if (now >= t.closeNs)
        {
            return Phase.SETTLING;
        }
        return now >= t.calendar.windowStartNs(t.closeNs) ? Phase.LIVE : Phase.NEXT;
    }

    /** Tracks the live and next window of each series; drops settled markets and those past their settle timeout. */
    void refreshTracked(final long now, final long nanos)
    {
        for (final KalshiCalendar calendar : calendars)
        {
            final long close = calendar.currentCloseNs(now);
            track(calendar, close);
            track(calendar, close + calendar.periodNs());
        }
        for (int i = tracked.size() - 1; i >= 0; i--)
        {
            final Tracked t = tracked.get(i);
            if (t.done)
            {
                tracked.remove(i);
                continue;
            }
            if (phase(t, now) == Phase.SETTLING)
            {
                if (t.settleDeadlineNanos == 0)
                {
                    t.settleDeadlineNanos = nanos + config.settleTimeoutMs() * NS_PER_MS;
                }
                else if (nanos > t.settleDeadlineNanos)
                {
                    LOG.warn("kalshi {} reported no result within {} ms of its close; no longer polled", t.ticker,
                        config.settleTimeoutMs());
                    tracked.remove(i);
                }
            }
        }
    }

    private void track(final KalshiCalendar calendar, final long closeNs)
    {
        for (int i = 0; i < tracked.size(); i++)
        {
            final Tracked t = tracked.get(i);
            if (t.calendar == calendar && t.closeNs == closeNs)
            {
                return;
            }
        }
        final Tracked t = new Tracked(calendar, closeNs);
        int at = tracked.size();
        while (at > 0 && tracked.get(at - 1).closeNs > closeNs)
        {
            at--;
        }
        tracked.add(at, t);
    }

    /** Hands the WebSocket client the markets followed closely. */
    void updateSelection(final long now)
    {
        if (selection == null)
        {
            return;
        }
        final List<String> tickers = new ArrayList<>(8);
        for (int i = 0; i < tracked.size(); i++)
        {
            final Tracked t = tracked.get(i);
            final Phase phase = phase(t, now);
            if (t.calendar.singleMarketEvents())
            {
                if (phase != Phase.SETTLING)
                {
                    tickers.add(t.ticker);
                }
            }
            else if (phase == Phase.LIVE)
            {
                for (final Strike s : t.chosen)
                {
                    tickers.add(s.ticker);
                }
            }
        }
        selection.set(tickers);
    }

    /** @return the ticker of the (last) tracked market in its live window, or null when none is live */
    String liveTicker(final long now)
    {
        String liveTicker = null;
        for (int i = 0; i < tracked.size(); i++)
        {
            final Tracked t = tracked.get(i);
            if (phase(t, now) == Phase.LIVE)
            {
                liveTicker = t.ticker;
            }
        }
        return liveTicker;
    }

    /** Issues this cycle's requests: each tracked market by its phase, then the series listings when due. */
    void pollAll(final long now, final long nanos, final KalshiPollRequests requests)
    {
        // The live markets first: in a failure episode the one request let through (the probe) is theirs.
        for (int i = 0; i < tracked.size(); i++)
        {
            if (phase(tracked.get(i), now) == Phase.LIVE)
            {
                poll(tracked.get(i), now, nanos, requests);
            }
        }
        for (int i = 0; i < tracked.size(); i++)
        {
            if (phase(tracked.get(i), now) != Phase.LIVE)
            {
                poll(tracked.get(i), now, nanos, requests);
            }
        }
        if (nanos >= nextListNanos && !requests.seriesListBusy())
        {
            for (final KalshiCalendar calendar : calendars)
            {
                if (calendar.singleMarketEvents())
                {
                    requests.requestSeriesList(calendar, now, nanos);
                }
            }
            nextListNanos = nanos + config.listIntervalMs() * NS_PER_MS;
        }
        for (int i = 0; i < calendars.size(); i++)
        {
            if (nanos >= nextSeriesNanos[i] && requests.requestSeries(calendars.get(i), now, nanos))
            {
                // until an answer is read, asked again at the listing's cadence (seriesRead moves it on)
                nextSeriesNanos[i] = nanos + config.listIntervalMs() * NS_PER_MS;
            }
        }
    }

    /** The series' fee schedule was read: next asked for in {@code seriesIntervalMs}. */
    void seriesRead(final KalshiCalendar calendar, final long nanos)
    {
        final int i = calendars.indexOf(calendar);
        if (i >= 0)
        {
            nextSeriesNanos[i] = nanos + config.seriesIntervalMs() * NS_PER_MS;
        }
    }

    private void poll(final Tracked t, final long now, final long nanos, final KalshiPollRequests requests)
    {
        final Phase phase = phase(t, now);
        final boolean single = t.calendar.singleMarketEvents();
        switch (phase)
        {
            case NEXT:
                if (!t.listed)
                {
                    if (single)
                    {
                        requests.requestState(t, now, nanos);
                    }
                    else
                    {
                        requests.requestEventList(t, now, nanos);
                    }
                }
                break;
            case LIVE:
                if (single)
                {
                    requests.requestState(t, now, nanos);
                    if (t.listed)
                    {
                        requests.requestBook(t.tickerBytes, t.ticker, t.closeNs, t, null, now, nanos);
                    }
                }
                else
                {
                    requests.requestEventList(t, now, nanos);
                    for (final Strike s : t.chosen)
                    {
                        requests.requestBook(s.bytes, s.ticker, t.closeNs, null, s, now, nanos);
                    }
                }
                break;
            case SETTLING:
                if (nanos >= t.nextSettleNanos)
                {
                    t.nextSettleNanos = nanos + config.settleIntervalMs() * NS_PER_MS;
                    if (single)
                    {
                        requests.requestState(t, now, nanos);
                    }
                    else
                    {
                        requests.requestEventList(t, now, nanos);
                    }
                }
                break;
            default:
                break;
        }
    }

    /** A market of the series listing confirms a predicted market (logged once). */
    void confirmListed(final KalshiMarketFields market)
    {
        for (int i = 0; i < tracked.size(); i++)
        {
            final Tracked t = tracked.get(i);
            if (t.closeNs == market.closeTimeNs() && market.tickerEquals(t.tickerBytes, t.tickerLength) && !t.listed)
            {
                t.listed = true;
                LOG.info("kalshi {} (closes {}) is listed", t.ticker, java.time.Instant.ofEpochSecond(0, t.closeNs));
            }
        }
    }

    /** Chooses the {@code kxbtcdStrikes} strikes of a live KXBTCD event nearest the index (or 50 cents). */
    void chooseStrikes(final Tracked t)
    {
        final long price = index.indexPrice();
        final List<Strike> candidates = new ArrayList<>(t.strikes.size());
        for (final Strike s : t.strikes)
        {
            if (s.floorStrike != Scales.NULL)
            {
                candidates.add(s);
            }
        }
        final Comparator<Strike> byDistance;
        if (price != Scales.NULL && price > 0)
        {
            byDistance = Comparator.comparingLong((Strike s) -> Math.abs(s.floorStrike - price))
                .thenComparingLong(s -> s.floorStrike);
        }
        else
        {
            // No index yet: the strikes whose YES price is nearest 50 cents are the ones at the money.
            byDistance = Comparator.comparingLong((Strike s) -> Math.abs(mid(s) - Scales.KPRICE / 2))
                .thenComparingLong(s -> s.floorStrike);
        }
        candidates.sort(byDistance);
        t.chosen.clear();
        for (int i = 0; i < Math.min(config.kxbtcdStrikes(), candidates.size()); i++)
        {
            t.chosen.add(candidates.get(i));
        }
    }

    private static long mid(final Strike s)
    {
        if (s.yesBid == Scales.NULL || s.yesAsk == Scales.NULL)
        {
            return s.yesBid != Scales.NULL ? s.yesBid : (s.yesAsk != Scales.NULL ? s.yesAsk : 0);
        }
        return (s.yesBid + s.yesAsk) / 2;
    }

    /** A predicted market (KXBTC15M) or event (KXBTCD) and where its polling stands. */
    static final class Tracked
    {
        final KalshiCalendar calendar;
        final long closeNs;
        final String ticker;
        final byte[] tickerBytes = new byte[KalshiMarketFields.TICKER_CAPACITY];
        final int tickerLength;
        final List<Strike> strikes = new ArrayList<>();
        final List<Strike> chosen = new ArrayList<>();
        boolean listed;
        boolean notListedLogged;
        final RequestSlot state = new RequestSlot();
        final RequestSlot book = new RequestSlot();
        boolean done;
        long nextSettleNanos;
        long settleDeadlineNanos;

        Tracked(final KalshiCalendar calendar, final long closeNs)
        {
            this.calendar = calendar;
            this.closeNs = closeNs;
            this.ticker = calendar.marketTicker(closeNs);
            final byte[] b = ticker.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, tickerBytes, 0, b.length);
            this.tickerLength = b.length;
        }
    }

    /** One KXBTCD strike market of an event, from the event listing. */
    static final class Strike
    {
        final String ticker;
        final byte[] bytes = new byte[KalshiMarketFields.TICKER_CAPACITY];
        final int length;
        long floorStrike = Scales.NULL;
        long yesBid = Scales.NULL;
        long yesAsk = Scales.NULL;
        boolean outcome;
        final RequestSlot book = new RequestSlot();

        Strike(final String ticker)
        {
            this.ticker = ticker;
            final byte[] b = ticker.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, bytes, 0, Math.min(b.length, bytes.length));
            this.length = Math.min(b.length, bytes.length);
        }
    }

    /**
     * One kind of request about one market (its state, its book, a listing): how many are in flight and
     * which answer is the newest applied. A new request may go out while an older one is still in
     * flight once the next poll cycle comes (a slow answer never holds up the market's data), at most
     * {@link #MAX_IN_FLIGHT} at a time; an answer older than one already applied is dropped, so
     * the events never go back in time.
     */
    static final class RequestSlot
    {
        static final int MAX_IN_FLIGHT = 3;

        private int inFlight;
        private long lastSentNanos;
        private long issued;
        private long applied;

        boolean mayIssue(final long nanos, final long reissueAfterNanos)
        {
            return inFlight == 0 || (inFlight < MAX_IN_FLIGHT && nanos - lastSentNanos >= reissueAfterNanos);
        }

        boolean busy()
        {
            return inFlight > 0;
        }

        /** @return the request's number */
        long issue(final long nanos)
        {
            inFlight++;
            lastSentNanos = nanos;
            return ++issued;
        }

        /** The request's answer or failure is in; @return false when a newer request's answer was applied already */
        boolean complete(final long number)
        {
            inFlight--;
            return number > applied;
        }

        /** The answer to request {@code number} was applied. */
        void applied(final long number)
        {
            applied = Math.max(applied, number);
        }
    }
}
