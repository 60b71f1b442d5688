package arb.engine.model;

import arb.sbe.StrikeType;

/**
 * Probability that a Kalshi Bitcoin market settles YES, given the index now, the strike, the time
 * left, the part of the averaging window already printed, and a volatility.
 *
 * <h2>What settles</h2>
 * Kalshi settles on A = the simple average of the n (= 60) once-per-second index prints at
 * t_j = close - (n - 1 - j)·Δ (Δ = 1 s), rounded to cents (half up assumed). {@code KXBTC15M} pays
 * YES when round(A) >= strike ({@code greater_or_equal}), {@code KXBTCD} when round(A) > strike
 * ({@code greater}). On the cent grid, round(A) >= c  exactly when  A >= c - 0.005, so every payoff
 * reduces to probabilities P(A >= θ) at half-cent thresholds θ (see {@link #probabilityYes}).
 *
 * <h2>The distribution of A</h2>
 * At time t, k prints of the window are known (sum K); the m future prints are those with
 * t_j > t, m = min(n, ceil(T / Δ)) for T = close - t; the first of them is d = T - (m - 1)Δ away
 * (d > Δ while the window has not started). Missing past prints (index gaps) are left out, as the
 * engine's own settlement estimate leaves them out, so A = (K + F) / N with N = k + m and
 * F = Σ future prints. The index S follows a driftless Brownian motion from S0 (minutes-long
 * horizons: drift is negligible and unknowable); τ_j = d + jΔ is the time to the j-th future print
 * (j = 0..m-1) and, for sorted times, Σ_i Σ_j min(τ_i, τ_j) = Σ_j (2(m - j) - 1) τ_j.
 *
 * <p><b>Arithmetic</b> (dS = σ S0 dW, the default): F is Gaussian, E F = m S0 and
 * <pre>
 *   Var F = σ² S0² Σ_i Σ_j min(τ_i, τ_j)
 *         = σ² S0² [ d m² + Δ m(m - 1)(2m - 1) / 6 ]          (Σ_j (2(m-j)-1) = m²,
 *                                                             Σ_j j(2(m-j)-1) = m(m-1)(2m-1)/6)
 * </pre>
 * so A ~ N(μ, s²) with μ = (K + m S0) / N, s² = Var F / N² + b², and P(A >= θ) = Φ((μ - θ) / s).
 * In the continuous limit (m → ∞, mΔ = L) Var F / m² → σ² S0² (d + L/3): the variance of the
 * average of a Brownian path over a window of length L that starts d from now, the familiar
 * "one third" of Asian options. The discrete form is exact for 60 prints and costs the same.
 *
 * <p><b>Geometric</b> (dS = σ S dW): E[S(τ_i) S(τ_j)] = S0² exp(σ² min(τ_i, τ_j)), hence
 * <pre>
 *   Var F / (E F)² = v = Σ_j (2(m - j) - 1) expm1(σ² τ_j) / m²
 * </pre>
 * exactly; F is then matched to a lognormal with the same two moments (Lévy's approximation for
 * arithmetic Asian averages, very accurate at σ²T << 1), ln F ~ N(ln(m S0) - s²/2, s²) with
 * s² = log1p(v + (N b / (m S0))²), and P(A >= θ) = Φ((ln(m S0 / c) - s²/2) / s) with
 * c = N θ - K (probability 1 when c <= 0). The sum has m <= 60 terms and is cached across markets
 * that share the close time and volatility.
 *
 * <p>b (the basis) is the standard deviation of the difference between the engine's index and
 * the official index, averaged over the window: the model's prints are the engine's proxy, the
 * settlement uses CF Benchmarks' prints. With b = 0 and nothing left to print the result is
 * deterministic: the known average, rounded in exact integer arithmetic, against the strike.
 *
 * <h2>Determinism and cost</h2>
 * StrictMath and IEEE arithmetic only (bit-exact in the interpreter and every JIT tier); no
 * allocation; one {@link StrictNormal#cdf} per threshold. Instances hold the last prepared window,
 * so one instance belongs to one thread.
 */
public final class FairValueModel
{
    /** Price-scale units of one cent: Kalshi rounds the settlement average to cents. */
    public static final long CENT = 1_000_000L;
    private static final long HALF_CENT = CENT / 2;
    private static final double PRICE_SCALE = 1e8;
    private static final double NS_PER_SECOND = 1e9;

    /** How the index moves between now and the last print. */
    public enum Dynamics
    {
        ARITHMETIC,
        GEOMETRIC
    }

    private final int windowPrints;
    private final long printIntervalNs;
    private final double printIntervalSeconds;
    private final Dynamics dynamics;
    private final double basisSd;

    // The prepared window: valid after a successful prepare(...)
    private int futurePrints;
    private int totalPrints;
    private long exactTotal;
    private boolean deterministic;
    private double knownSumDollars;
    private double spot;
    private double mean;
    private double sd;
    private double logSd;

    // Geometric moment cache: Σ weights·expm1 depends on (m, d, σ) only
    private int cachedFuture = -1;
    private long cachedFirstNs;
    private double cachedSigma = Double.NaN;
    private double cachedRelativeVariance;

    /**
     * @param windowPrints    prints averaged at settlement (60)
     * @param printIntervalNs spacing of the prints (1 s)
     * @param dynamics        arithmetic (default) or geometric Brownian motion
     * @param basisSd         standard deviation of (official - engine) averaged over the window, in
     *                        price units (1e-8 $); 0 when the engine trades on the official index
     */
    public FairValueModel(final int windowPrints, final long printIntervalNs, final Dynamics dynamics, final long basisSd)
    {
        if (windowPrints < 1 || printIntervalNs <= 0 || basisSd < 0)
        {
            throw new IllegalArgumentException("windowPrints >= 1, printIntervalNs > 0, basisSd >= 0");
        }
        this.windowPrints = windowPrints;
        this.printIntervalNs = printIntervalNs;
        this.printIntervalSeconds = printIntervalNs / NS_PER_SECOND;
        this.dynamics = dynamics;
        this.basisSd = basisSd / PRICE_SCALE;
    }

    /** Kalshi's settlement: 60 one-second prints, arithmetic dynamics. */
    public static FairValueModel kalshi(final long basisSd)
    {
        return new FairValueModel(60, 1_000_000_000L, Dynamics.ARITHMETIC, basisSd);
    }

    public int windowPrints()
    {
        return windowPrints;
    }

    public long printIntervalNs()
    {
        return printIntervalNs;
    }

    /** Length of the averaging window: prints are in (close - windowNs, close]. */
    public long windowNs()
    {
        return windowPrints * printIntervalNs;
    }

    /**
     * P(YES) for a market with the given payoff.
     *
     * @param strikeType    payoff type; UNKNOWN/OTHER give NaN
     * @param floorStrike   floor strike (price units), the strike of GREATER/GREATER_OR_EQUAL
     * @param capStrike     cap strike (price units), the strike of LESS/LESS_OR_EQUAL, BETWEEN's upper end
     * @param index         current index value (price units)
     * @param timeToCloseNs close - now
     * @param knownPrints   prints of the window already known (secondNs in (close - window, now])
     * @param knownSum      their sum (price units)
     * @param sigma         volatility of the index's relative moves, per square-root second
     * @return the probability in [0, 1], or NaN when the inputs do not determine one (among them a
     * strike the payoff needs given as {@code Scales.NULL})
     */
    public double probabilityYes(
        final StrikeType strikeType,
        final long floorStrike,
        final long capStrike,
        final long index,
        final long timeToCloseNs,
        final int knownPrints,
        final long knownSum,
        final double sigma)
    {
        if (!SettlementRule.hasStrike(strikeType, floorStrike, capStrike)
            || !prepare(index, timeToCloseNs, knownPrints, knownSum, sigma))
        {
            return Double.NaN;
        }
        switch (strikeType)
        {
            case GREATER_OR_EQUAL:
                return probabilityRoundedAtLeast(ceilCent(floorStrike));
            case GREATER:
                return probabilityRoundedAtLeast(floorCent(floorStrike) + CENT);
            case LESS:
                return 1.0 - probabilityRoundedAtLeast(ceilCent(capStrike));
            case LESS_OR_EQUAL:
                return 1.0 - probabilityRoundedAtLeast(floorCent(capStrike) + CENT);
            case BETWEEN:
            {
                final double p = probabilityRoundedAtLeast(ceilCent(floorStrike))
                    - probabilityRoundedAtLeast(floorCent(capStrike) + CENT);
                return p < 0.0 ? 0.0 : p;
            }
            default:
                return Double.NaN;
        }
    }

    /**
     * Prepares the distribution of the settlement average; false when it is undetermined (no
     * print known and none to come, or no index while prints are still to come).
     */
    public boolean prepare(final long index, final long timeToCloseNs, final int knownPrints, final long knownSum, final double sigma)
    {
        final int m = futurePrintCount(timeToCloseNs);
        final int n = knownPrints + m;
        if (n <= 0 || knownPrints < 0 || (m > 0 && index <= 0) || !(sigma >= 0.0) || sigma == Double.POSITIVE_INFINITY)
        {
            return false;
        }
        futurePrints = m;
        totalPrints = n;
        exactTotal = knownSum + m * (m > 0 ? index : 0L);
        knownSumDollars = knownSum / PRICE_SCALE;
        spot = index / PRICE_SCALE;
        mean = exactTotal / (PRICE_SCALE * n); // one rounding: the integer total is exact
        deterministic = basisSd == 0.0 && (m == 0 || sigma == 0.0);
        if (deterministic)
        {
            return true;
        }
        if (m == 0)
        {
            sd = basisSd;
            logSd = 0.0;
            return true;
        }
        final double firstSeconds = firstPrintSeconds(timeToCloseNs, m);
        if (dynamics == Dynamics.ARITHMETIC)
        {
            final double md = m;
            final double pathVariance = firstSeconds * md * md + printIntervalSeconds * md * (md - 1.0) * (2.0 * md - 1.0) / 6.0;
            final double sdF = sigma * spot * StrictMath.sqrt(pathVariance);
            final double sdA = sdF / n;
            sd = StrictMath.sqrt(sdA * sdA + basisSd * basisSd);
        }
        else
        {
            final double relative = relativeVariance(m, timeToCloseNs - (long)(m - 1) * printIntervalNs, firstSeconds, sigma);
            final double basisRelative = n * basisSd / (m * spot);
            logSd = StrictMath.sqrt(StrictMath.log1p(relative + basisRelative * basisRelative));
            sd = logSd; // non-zero marks "not deterministic"
        }
        return true;
    }

    /**
     * P(round(A) >= c) for a cent value c (price units), using the prepared window:
     * P(A >= c - half a cent).
     */
    public double probabilityRoundedAtLeast(final long centValue)
    {
        if (deterministic)
        {
            return roundedAverage() >= centValue ? 1.0 : 0.0;
        }
        final double threshold = (centValue - HALF_CENT) / PRICE_SCALE;
        if (dynamics == Dynamics.ARITHMETIC || futurePrints == 0)
        {
            if (sd == 0.0)
            {
                return mean >= threshold ? 1.0 : 0.0;
            }
            return StrictNormal.cdf((mean - threshold) / sd);
        }
        final double c = totalPrints * threshold - knownSumDollars;
        if (c <= 0.0)
        {
            return 1.0;
        }
        if (logSd == 0.0)
        {
            return futurePrints * spot >= c ? 1.0 : 0.0;
        }
        return StrictNormal.cdf((StrictMath.log(futurePrints * spot / c) - 0.5 * logSd * logSd) / logSd);
    }

    /** The known-plus-expected average, rounded to cents half up (price units), exact. */
    public long roundedAverage()
    {
        final long n = totalPrints;
        return Math.floorDiv(2 * exactTotal + n * CENT, 2 * n * CENT) * CENT;
    }

    /** Expected settlement average of the prepared window, in dollars. */
    public double expectedAverage()
    {
        return mean;
    }

    /**
     * Standard deviation of the prepared settlement average in dollars (arithmetic dynamics), or
     * of its logarithm (geometric); 0 when deterministic.
     */
    public double averageSd()
    {
        return deterministic ? 0.0 : sd;
    }

    public int futurePrints()
    {
        return futurePrints;
    }

    /**
     * Whether the print due at {@code nowNs} is not among the known prints yet: {@code nowNs} is on
     * the print grid (close - jΔ, j = 0..n-1) and the last known print is older. The index prints
     * second S after the events received at S (a calculation at S sees them), so a decision on an
     * event received exactly at S has neither S's print nor S in the future ({@link
     * #futurePrintCount} counts t_j > now): the caller counts it once, as a known print at the current
     * index, so the window keeps its n prints.
     */
    public boolean printDueButUnknown(final long closeNs, final long nowNs, final long lastKnownPrintNs)
    {
        final long toClose = closeNs - nowNs;
        return toClose >= 0 && toClose < windowNs() && toClose % printIntervalNs == 0 && lastKnownPrintNs < nowNs;
    }

    /** Prints still to come: t_j = close - jΔ > now for j = 0..n-1. */
    public int futurePrintCount(final long timeToCloseNs)
    {
        if (timeToCloseNs <= 0)
        {
            return 0;
        }
        final long ceil = (timeToCloseNs + printIntervalNs - 1) / printIntervalNs;
        return ceil >= windowPrints ? windowPrints : (int)ceil;
    }

    private double firstPrintSeconds(final long timeToCloseNs, final int m)
    {
        final long firstNs = timeToCloseNs - (long)(m - 1) * printIntervalNs;
        return firstNs <= 0 ? 0.0 : firstNs / NS_PER_SECOND;
    }

    private double relativeVariance(final int m, final long firstNs, final double firstSeconds, final double sigma)
    {
        if (m == cachedFuture && firstNs == cachedFirstNs && Double.compare(sigma, cachedSigma) == 0)
        {
            return cachedRelativeVariance;
        }
        final double s2 = sigma * sigma;
        double sum = 0.0;
        for (int j = 0; j < m; j++)
        {
            final double tau = firstSeconds + j * printIntervalSeconds;
            sum += (2.0 * (m - j) - 1.0) * StrictMath.expm1(s2 * tau);
        }
        final double relative = sum / ((double)m * m);
        cachedFuture = m;
        cachedFirstNs = firstNs;
        cachedSigma = sigma;
        cachedRelativeVariance = relative;
        return relative;
    }

    private static long ceilCent(final long price)
    {
        return -Math.floorDiv(-price, CENT) * CENT;
    }

    private static long floorCent(final long price)
    {
        return Math.floorDiv(price, CENT) * CENT;
    }
}
