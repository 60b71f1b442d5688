package arb.engine.index;

/**
 * The "potentially erroneous data" rule with its re-inclusion hysteresis: a venue whose mid
 * deviates from the median mid of the other valid, non-outlying venues by more than the threshold
 * is excluded, and once excluded it comes back only when its deviation falls below
 * {@code reincludeFraction} of the threshold. The exclusion flag is state carried from one
 * calculation to the next, one slot per registered venue.
 *
 * <p>"Valid" means the venue passed the data checks of the same calculation (quote, feed state,
 * staleness, two-sided, not crossed). A venue is an outlier of this calculation when its mid lies
 * more than the threshold from the median of ALL valid mids; outliers do not count in the
 * reference ("the other valid venues") a venue is judged against, so a minority of bad venues
 * cannot drag the reference away from the good ones and get them excluded: with three venues at
 * 66,400, 60,000 and 60,000 the reference of each 60,000 venue is the other 60,000 (0%), not the
 * median of {66,400, 60,000}. When every other valid venue is an outlier (no majority: two venues
 * far apart, two against two) the reference is the median of all the other valid venues, as in the
 * literal rule. Everything is judged against the same snapshot, so the order of venues does not
 * matter. With an even count the median is the mean of the two middle mids. A venue with no valid
 * other venue cannot be judged: its flag stays as it was (a flagged venue left alone stays out
 * rather than set the index by itself).
 */
final class ErroneousVenueFilter
{
    private final double threshold;
    private final double reincludeThreshold;
    private final boolean[] flagged;
    private final boolean[] outlier;
    private final double[] sorted;

    ErroneousVenueFilter(final double threshold, final double reincludeFraction, final int slots)
    {
        this.threshold = threshold;
        this.reincludeThreshold = threshold * reincludeFraction;
        this.flagged = new boolean[slots];
        this.outlier = new boolean[slots];
        this.sorted = new double[slots];
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
        markOutliers(mids, valid, count);
        for (int i = 0; i < count; i++)
        {
            erroneousOut[i] = false;
            if (!valid[i])
            {
                continue;
            }
            int m = collectOthers(mids, valid, count, i, true);
            if (m == 0)
            {
                m = collectOthers(mids, valid, count, i, false);
            }
            if (m > 0)
            {
                final double median = median(m);
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

    /** Marks the valid venues more than the threshold from the median of all valid mids. */
    private void markOutliers(final double[] mids, final boolean[] valid, final int count)
    {
        int n = 0;
        for (int j = 0; j < count; j++)
        {
            outlier[j] = false;
            if (valid[j])
            {
                insertSorted(mids[j], n);
                n++;
            }
        }
        if (n < 2)
        {
            return;
        }
        final double all = median(n);
        for (int j = 0; j < count; j++)
        {
            outlier[j] = valid[j] && Math.abs(mids[j] - all) / all > threshold;
        }
    }

    /** Sorts the mids of the valid venues other than {@code self} (only non-outliers when asked); returns how many. */
    private int collectOthers(final double[] mids, final boolean[] valid, final int count, final int self,
        final boolean skipOutliers)
    {
        int m = 0;
        for (int j = 0; j < count; j++)
        {
            if (j != self && valid[j] && !(skipOutliers && outlier[j]))
            {
                insertSorted(mids[j], m);
                m++;
            }
        }
        return m;
    }

    private double median(final int n)
    {
        return (n & 1) == 1 ? sorted[n >> 1] : 0.5 * (sorted[(n >> 1) - 1] + sorted[n >> 1]);
    }

    private void insertSorted(final double x, final int size)
    {
        int k = size;
        while (k > 0 && sorted[k - 1] > x)
        {
            sorted[k] = sorted[k - 1];
            k--;
        }
        sorted[k] = x;
    }
}
