package arb.engine.index;

import java.util.Arrays;
import java.util.function.IntPredicate;

import arb.market.book.PriceLevelBook;

/**
 * The CF RTI calculator's venues and their screening: the registered books, their quote currency
 * and feed state, and at each calculation time the data checks (disabled, USDT-quoted, invalid,
 * stale, one-sided, crossed) and the erroneous-venue filter, which decide the books that enter the
 * consolidation. The erroneous filter's re-inclusion hysteresis is the only state carried from one
 * calculation to the next. Venues are kept in registration slots; {@link #slotInVenueIdOrder}
 * gives the fixed consolidation order. No allocation per calculation.
 */
final class BrtiVenues
{
    private static final int MAX_VENUES = BrtiCalculator.MAX_VENUES;

    private final long staleNs;
    private final boolean excludeUsdt;
    private final int enabledMask;

    private final int[] venueIds = new int[MAX_VENUES];
    /** Slot indices sorted by venue id: the fixed consolidation order. */
    private final int[] byVenueId = new int[MAX_VENUES];
    private final PriceLevelBook[] books = new PriceLevelBook[MAX_VENUES];
    private final boolean[] usdtQuoted = new boolean[MAX_VENUES];
    private final boolean[] feedUsable = new boolean[MAX_VENUES];
    private final VenueExclusion[] exclusions = new VenueExclusion[MAX_VENUES];
    private final boolean[] valid = new boolean[MAX_VENUES];
    private final boolean[] erroneous = new boolean[MAX_VENUES];
    private final boolean[] active = new boolean[MAX_VENUES];
    private final double[] mids = new double[MAX_VENUES];
    private final ErroneousVenueFilter erroneousFilter;
    private int venueCount;
    private IntPredicate bookValid = venueId -> true;

    BrtiVenues(final BrtiSettings params)
    {
        staleNs = params.staleNs();
        excludeUsdt = params.excludeUsdt();
        enabledMask = params.enabledVenueMask();
        erroneousFilter = new ErroneousVenueFilter(params.erroneousThreshold(), params.reincludeFraction(), MAX_VENUES);
        Arrays.fill(exclusions, VenueExclusion.DISABLED);
    }

    /**
     * Registers a venue's book (configuration time). Venues may be registered in any order: the
     * result does not depend on it.
     *
     * @param venueId    the schema's Venue value (1..7)
     * @param book       the book the engine keeps current; it must be {@link PriceLevelBook#touch touched}
     *                   with the receive time of every event that proves it current
     * @param usdtQuoted whether the venue's BTC pair is quoted in USDT
     */
    void addVenue(final int venueId, final PriceLevelBook book, final boolean usdtQuoted)
    {
        if (venueId < 1 || venueId > MAX_VENUES)
        {
            throw new IllegalArgumentException("venue id out of range 1.." + MAX_VENUES + ": " + venueId);
        }
        if (slotOf(venueId) >= 0)
        {
            throw new IllegalArgumentException("venue " + venueId + " registered twice");
        }
        final int slot = venueCount++;
        venueIds[slot] = venueId;
        books[slot] = book;
        this.usdtQuoted[slot] = usdtQuoted;
        feedUsable[slot] = true;
        int k = slot;
        while (k > 0 && venueIds[byVenueId[k - 1]] > venueId)
        {
            byVenueId[k] = byVenueId[k - 1];
            k--;
        }
        byVenueId[k] = slot;
    }

    /** The quote currency of a venue's pair as its events report it. */
    void usdtQuoted(final int venueId, final boolean usdt)
    {
        final int slot = slotOf(venueId);
        if (slot >= 0)
        {
            usdtQuoted[slot] = usdt;
        }
    }

    /**
     * Feed state: false while the venue's book cannot be trusted (disconnected, resyncing after a
     * gap), true again once the feed is live with a fresh snapshot.
     */
    void feedUsable(final int venueId, final boolean usable)
    {
        final int slot = slotOf(venueId);
        if (slot >= 0)
        {
            feedUsable[slot] = usable;
        }
    }

    /**
     * Where the calculator asks whether a venue's book is complete and trustworthy (in the engine:
     * {@code BookStage::isValid}, false from a resync or disconnect until the next complete
     * snapshot). Called for each venue at each calculation; must not allocate.
     */
    void bookValidity(final IntPredicate validity)
    {
        bookValid = validity;
    }

    /**
     * Data checks and the erroneous filter as of {@code calcTimeNs}: sets each venue's exclusion and
     * whether its book is active in the consolidation; returns the used mask (bit per venue id).
     */
    int screen(final long calcTimeNs)
    {
        for (int i = 0; i < venueCount; i++)
        {
            exclusions[i] = dataCheck(i, calcTimeNs);
            valid[i] = exclusions[i] == VenueExclusion.USED;
            if (valid[i])
            {
                final PriceLevelBook book = books[i];
                mids[i] = 0.5 * ((double)book.bestBid() + (double)book.bestAsk());
            }
        }
        erroneousFilter.apply(mids, valid, venueCount, erroneous);

        int used = 0;
        for (int i = 0; i < venueCount; i++)
        {
            final boolean active = valid[i] && !erroneous[i];
            if (valid[i] && erroneous[i])
            {
                exclusions[i] = VenueExclusion.ERRONEOUS;
            }
            this.active[i] = active;
            if (active)
            {
                used |= 1 << venueIds[i];
            }
        }
        return used;
    }

    private VenueExclusion dataCheck(final int slot, final long nowNs)
    {
        if (!isEnabled(venueIds[slot]))
        {
            return VenueExclusion.DISABLED;
        }
        if (excludeUsdt && usdtQuoted[slot])
        {
            return VenueExclusion.USDT_QUOTE;
        }
        if (!feedUsable[slot] || !bookValid.test(venueIds[slot]))
        {
            return VenueExclusion.BOOK_INVALID;
        }
        final PriceLevelBook book = books[slot];
        final long last = book.lastUpdateNs();
        if (last == Long.MIN_VALUE || nowNs - last > staleNs)
        {
            return VenueExclusion.STALE;
        }
        if (!book.isTwoSided())
        {
            return VenueExclusion.ONE_SIDED;
        }
        if (book.isCrossed())
        {
            return VenueExclusion.CROSSED;
        }
        return VenueExclusion.USED;
    }

    private boolean isEnabled(final int venueId)
    {
        return (enabledMask & (1 << venueId)) != 0;
    }

    private int slotOf(final int venueId)
    {
        for (int i = 0; i < venueCount; i++)
        {
            if (venueIds[i] == venueId)
            {
                return i;
            }
        }
        return -1;
    }

    /** Why a registered venue was or was not used in the last calculation (DISABLED if unknown). */
    VenueExclusion exclusion(final int venueId)
    {
        final int slot = slotOf(venueId);
        return slot >= 0 ? exclusions[slot] : VenueExclusion.DISABLED;
    }

    /** Bit (1 shl venue id) per enabled venue. */
    int enabledMask()
    {
        return enabledMask;
    }

    /** Registered venues (slots 0 .. count - 1). */
    int count()
    {
        return venueCount;
    }

    /** The slot of the {@code j}-th venue in venue-id order. */
    int slotInVenueIdOrder(final int j)
    {
        return byVenueId[j];
    }

    PriceLevelBook book(final int slot)
    {
        return books[slot];
    }

    /** True when the slot's book entered the last screening's consolidation. */
    boolean active(final int slot)
    {
        return active[slot];
    }
}
