package arb.feeds.kalshi;

/**
 * The current BTC index price (USD at 1e-8, or {@link arb.journal.Scales#NULL} when unknown), read
 * on the I/O thread by the Kalshi poller to choose which KXBTCD strikes to poll. It only steers what
 * is polled (an environment decision), so a rough, live value is fine: e.g. the last spot mid the
 * I/O thread has seen. Implementations must be cheap and non-blocking.
 */
@FunctionalInterface
public interface IndexPriceSource
{
    IndexPriceSource NONE = () -> arb.journal.Scales.NULL;

    long indexPrice();
}
