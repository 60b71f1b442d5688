package arb.engine.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import arb.journal.Scales;
import arb.sbe.MarketResult;

/**
 * The fair value's calibration: every signal's P(YES) (one per market and instant, whichever
 * strategy emitted it) against its market's outcome. Brier score overall, the in-sample base rate
 * and the Brier score of always predicting it (climatology), and reliability tables by predicted
 * probability (deciles) and by time to close. Voided and unresolved markets are left out and
 * counted. Sums run in prediction order in plain IEEE arithmetic, so the numbers are identical on
 * every JVM.
 *
 * <p>Signals are emitted where a strategy wanted to trade, so this measures the model where it
 * disagreed with the market, not over all markets and times.
 */
final class Calibration
{
    /** Upper bounds (exclusive, seconds) of the time-to-close buckets; the last one is open. */
    static final long[] TIME_BOUNDS_S = {60, 120, 300, 600, 900};
    static final int PROB_BUCKETS = 10;

    /** Accumulates one bucket. */
    static final class Bucket
    {
        final String label;
        long n;
        double sumP;
        double sumY;
        double sumSq;

        Bucket(final String label)
        {
            this.label = label;
        }

        void add(final double p, final int y)
        {
            n++;
            sumP += p;
            sumY += y;
            final double d = p - y;
            sumSq += d * d;
        }

        Map<String, Object> toMap()
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("bucket", label);
            m.put("n", n);
            m.put("mean_predicted", n == 0 ? null : Decimal.ratio6(sumP / n));
            m.put("observed_yes", n == 0 ? null : Decimal.ratio6(sumY / n));
            m.put("brier", n == 0 ? null : Decimal.ratio6(sumSq / n));
            return m;
        }
    }

    final Bucket all = new Bucket("all");
    final List<Bucket> byProbability = new ArrayList<>();
    final List<Bucket> byTimeToClose = new ArrayList<>();
    long predictions;
    long unresolved;
    long voided;
    final long[] bySource = new long[MarketRecord.OutcomeSource.values().length];

    Calibration()
    {
        for (int i = 0; i < PROB_BUCKETS; i++)
        {
            byProbability.add(new Bucket("0." + i + "-" + (i == 9 ? "1.0" : "0." + (i + 1))));
        }
        long lower = 0;
        for (final long upper : TIME_BOUNDS_S)
        {
            byTimeToClose.add(new Bucket(lower + "-" + upper + "s"));
            lower = upper;
        }
        byTimeToClose.add(new Bucket(">=" + lower + "s"));
    }

    static Calibration of(final TradingResults r)
    {
        final Calibration c = new Calibration();
        final int n = r.predictionCount();
        for (int i = 0; i < n; i++)
        {
            c.predictions++;
            final MarketRecord m = r.predictionMarket(i);
            if (m.outcome == MarketResult.VOID)
            {
                c.voided++;
                continue;
            }
            if (!m.resolved())
            {
                c.unresolved++;
                continue;
            }
            c.bySource[m.outcomeSource.ordinal()]++;
            final double p = r.predictionP(i) / (double)Scales.PROB;
            final int y = m.outcome == MarketResult.YES ? 1 : 0;
            c.all.add(p, y);
            c.byProbability.get(Math.min(PROB_BUCKETS - 1, (int)(r.predictionP(i) * PROB_BUCKETS / Scales.PROB))).add(p, y);
            c.byTimeToClose.get(timeBucket(r.predictionTimeLeftNs(i))).add(p, y);
        }
        return c;
    }

    static int timeBucket(final long timeLeftNs)
    {
        final long s = Math.max(0, timeLeftNs) / 1_000_000_000L;
        for (int i = 0; i < TIME_BOUNDS_S.length; i++)
        {
            if (s < TIME_BOUNDS_S[i])
            {
                return i;
            }
        }
        return TIME_BOUNDS_S.length;
    }

    /** Mean squared error of P(YES) against the outcome, or NaN without resolved predictions. */
    double brier()
    {
        return all.n == 0 ? Double.NaN : all.sumSq / all.n;
    }

    double baseRate()
    {
        return all.n == 0 ? Double.NaN : all.sumY / all.n;
    }

    Map<String, Object> toMap()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("predictions", predictions);
        m.put("resolved", all.n);
        final Map<String, Object> sources = new LinkedHashMap<>();
        sources.put("official", bySource[MarketRecord.OutcomeSource.OFFICIAL.ordinal()]);
        sources.put("engine_estimate", bySource[MarketRecord.OutcomeSource.ENGINE_ESTIMATE.ordinal()]);
        sources.put("index_estimate", bySource[MarketRecord.OutcomeSource.INDEX_ESTIMATE.ordinal()]);
        m.put("outcome_sources", sources);
        m.put("unresolved", unresolved);
        m.put("voided", voided);
        final double brier = brier();
        final double base = baseRate();
        m.put("brier", all.n == 0 ? null : Decimal.ratio6(brier));
        m.put("base_rate_yes", all.n == 0 ? null : Decimal.ratio6(base));
        final double climatology = base * (1 - base);
        m.put("brier_climatology", all.n == 0 ? null : Decimal.ratio6(climatology));
        m.put("brier_skill", all.n == 0 || climatology == 0 ? null : Decimal.ratio6(1 - brier / climatology));
        final List<Object> probs = new ArrayList<>();
        for (final Bucket b : byProbability)
        {
            probs.add(b.toMap());
        }
        m.put("by_probability", probs);
        final List<Object> times = new ArrayList<>();
        for (final Bucket b : byTimeToClose)
        {
            times.add(b.toMap());
        }
        m.put("by_time_to_close", times);
        return m;
    }
}
