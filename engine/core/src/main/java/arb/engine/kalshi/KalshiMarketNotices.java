package arb.engine.kalshi;

import arb.engine.chain.OutputJournal;
import arb.journal.Scales;
import arb.market.kalshi.KalshiCalendar;
import arb.sbe.MarketNoticeEncoder;
import arb.sbe.MessageHeaderEncoder;
import arb.sbe.NoticeKind;
import arb.sbe.Series;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The Kalshi stage's {@code MarketNotice} outputs: MARKET_OPEN / MARKET_CLOSE for each followed
 * series ({@code kalshi.series}) derived from its calendar on clock ticks, so rollover is decided
 * by time, never by which ticker answered last; and the notices the stage emits for a market (its
 * result). No allocation per event.
 */
final class KalshiMarketNotices
{
    private final KalshiCalendar[] calendars;
    private final long[] currentClose;
    private final OutputJournal out;
    private final MarketNoticeEncoder notice = new MarketNoticeEncoder();
    private final UnsafeBuffer noticeTicker = new UnsafeBuffer(new byte[KalshiInstrument.TICKER_CAPACITY]);
    private final byte[] noticeTickerBytes = noticeTicker.byteArray();
    private long notices;

    /**
     * @param calendars series whose open/close notices are emitted
     * @param out       output journal for notices (null: none emitted, only counted)
     */
    KalshiMarketNotices(final KalshiCalendar[] calendars, final OutputJournal out)
    {
        this.calendars = calendars.clone();
        this.currentClose = new long[calendars.length];
        java.util.Arrays.fill(currentClose, Scales.NULL);
        this.out = out;
    }

    /** A clock tick: a close and an open notice for each followed series whose current window changed. */
    void onTick(final long scheduledNs, final long recvNs)
    {
        for (int s = 0; s < calendars.length; s++)
        {
            final KalshiCalendar calendar = calendars[s];
            final long close = calendar.currentCloseNs(scheduledNs);
            final long previous = currentClose[s];
            if (close == previous)
            {
                continue;
            }
            if (previous != Scales.NULL && close > previous)
            {
                final int n = calendar.formatMarketTicker(previous, noticeTicker, 0);
                padTicker(n);
                emit(recvNs, NoticeKind.MARKET_CLOSE, calendar.series(), calendar.openNs(previous), previous,
                    noticeTickerBytes);
            }
            else if (previous != Scales.NULL)
            {
                // Event time went backwards (journals stitched out of order): no notice for the past.
                continue;
            }
            currentClose[s] = close;
            final int n = calendar.formatMarketTicker(close, noticeTicker, 0);
            padTicker(n);
            emit(recvNs, NoticeKind.MARKET_OPEN, calendar.series(), calendar.openNs(close), close, noticeTickerBytes);
        }
    }

    private void padTicker(final int length)
    {
        for (int i = length; i < KalshiInstrument.TICKER_CAPACITY; i++)
        {
            noticeTickerBytes[i] = 0;
        }
    }

    /** Emits one notice (counted even without an output journal). */
    void emit(
        final long recvNs, final NoticeKind kind, final Series series, final long openNs, final long closeNs,
        final byte[] ticker)
    {
        notices++;
        if (out == null)
        {
            return;
        }
        final MutableDirectBuffer buffer = out.buffer();
        notice.wrapAndApplyHeader(buffer, 0, out.header())
            .recvNs(recvNs)
            .kind(kind)
            .series(series)
            .openTimeNs(openNs == Scales.NULL ? closeNs : openNs)
            .closeTimeNs(closeNs)
            .putTicker(ticker, 0);
        out.append(MessageHeaderEncoder.ENCODED_LENGTH + notice.encodedLength());
    }

    /** Notices emitted so far. */
    long count()
    {
        return notices;
    }
}
