package arb.engine.index;

/**
 * The "potentially erroneous data" rule with its re-inclusion hysteresis: a venue whose mid
 * deviates from the median mid of the OTHER valid venues by more than the threshold is excluded,
 * and once excluded it comes back only when its deviation falls below {@code reincludeFraction}
 * of the threshold. The exclusion flag is state carried from one calculation to the next, one
 * slot per registered venue.
 *
 * <p>"Valid" here means the venue passed the data checks of the same calculation (quote, feed
 * state, staleness, two-sided, not crossed); whether a venue is currently flagged does not remove
 * it from the others' median, so every venue is judged against the same snapshot and the result
 * does not depend on the order venues are examined in. With an even number of others the median
 * is the mean of the two middle mids. A venue with no valid other venue cannot be judged: its flag
 * stays as it was (a flagged venue left alone stays out rather than set the index by itself).
 */
final class ErroneousVenueFilter
{
    private final double threshold;
    private final double reincludeThreshold;
    private final boolean[] flagged;
    private final double[] others;

    ErroneousVenueFilter(final double threshold, final double reincludeFraction, final int slots)
    {
        this.threshold = threshold;
        this.reincludeThreshold = threshold * reincludeFraction;
        this.flagged = new boolean[slots];
        this.others = new double[slots];
    }

    /**
     * Judges every valid venue and updates the carried flags.
     *
     * @param mids         mid price per slot (any unit), read where {@code valid}
     * @param valid        which slots passed the data checks this calculation
     * @param count        number of slots
     * @param erroneousOut set per slot: true when the slot is (still) flagged and valid
     */
    void apply(final double[] mids, final boolean[] valid, final int count, final boolean[] erroneousOut)
    {
        for (int i = 0; i < count; i++)
        {
            erroneousOut[i] = false;
            if (!valid[i])
            {
                continue;
            }
            int m = 0;
            for (int j = 0; j < count; j++)
            {
                if (j != i && valid[j])
                {
                    insertSorted(mids[j], m);
                    m++;
                }
            }
            if (m > 0)
            {
                final double median = (m & 1) == 1 ? others[m >> 1] : 0.5 * (others[(m >> 1) - 1] + others[m >> 1]);
                final double deviation = Math.abs(mids[i] - median) / median;
                if (flagged[i])
                {
                    if (deviation < reincludeThreshold)
                    {
                        flagged[i] = false;
                    }
                }
                else if (deviation > threshold)
                {
                    flagged[i] = true;
                }
            }
            erroneousOut[i] = flagged[i];
        }
    }

    boolean isFlagged(final int slot)
    {
        return flagged[slot];
    }

    private void insertSorted(final double x, final int size)
    {
        int k = size;
        while (k > 0 && others[k - 1] > x)
        {
            others[k] = others[k - 1];
            k--;
        }
        others[k] = x;
    }
}
