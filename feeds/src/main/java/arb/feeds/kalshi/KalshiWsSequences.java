package arb.feeds.kalshi;

import arb.feeds.FrameResult;
import arb.journal.Scales;

/**
 * Tracks the {@code seq} of each Kalshi WebSocket subscription ({@code sid}) for the
 * {@link KalshiWsDecoder}: a frame that does not continue its subscription's sequence marks the
 * subscription broken (its later frames are dropped) and asks for a resubscription. Up to 32
 * subscriptions; later ones go unchecked. Zero allocation.
 */
final class KalshiWsSequences
{
    private static final int MAX_SIDS = 32;

    private final long[] sids = new long[MAX_SIDS];
    private final long[] lastSeqs = new long[MAX_SIDS];
    private final boolean[] broken = new boolean[MAX_SIDS];
    private int sidCount;

    /** Forgets every subscription (a new connection). */
    void reset()
    {
        sidCount = 0;
    }

    /** Forgets one subscription's sequence state (after the client unsubscribed it). */
    void forget(final long sid)
    {
        final int i = sidIndex(sid);
        if (i >= 0)
        {
            sidCount--;
            sids[i] = sids[sidCount];
            lastSeqs[i] = lastSeqs[sidCount];
            broken[i] = broken[sidCount];
        }
    }

    /** DATA when the frame continues its subscription's sequence (or starts it). */
    int check(final long sid, final long seq)
    {
        if (sid == Scales.NULL || seq == Scales.NULL)
        {
            return FrameResult.DATA;
        }
        int i = sidIndex(sid);
        if (i < 0)
        {
            if (sidCount == MAX_SIDS)
            {
                return FrameResult.DATA;
            }
            i = sidCount++;
            sids[i] = sid;
            lastSeqs[i] = seq;
            broken[i] = false;
            return FrameResult.DATA;
        }
        if (broken[i])
        {
            return FrameResult.IGNORED;
        }
        if (seq != lastSeqs[i] + 1)
        {
            broken[i] = true;
            return FrameResult.RESYNC_SEQUENCE_GAP;
        }
        lastSeqs[i] = seq;
        return FrameResult.DATA;
    }

    private int sidIndex(final long sid)
    {
        for (int i = 0; i < sidCount; i++)
        {
            if (sids[i] == sid)
            {
                return i;
            }
        }
        return -1;
    }
}
