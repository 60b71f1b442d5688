package arb.sim.venue;

import java.util.Locale;

/** Faults the venue simulator can inject into a venue's connections. */
public enum SimFault
{
    /** Close every connection abruptly (no close frame). */
    DROP,
    /** Keep connections open but send nothing at all, heartbeats included. */
    SILENCE,
    /** Send one frame of non-JSON garbage. */
    GARBAGE,
    /** Skip a sequence number / update id (Coinbase sequence_num, Binance.US U/u). */
    SKIP_SEQUENCE,
    /** Send one book update with a wrong CRC32 checksum (Kraken). */
    BAD_CHECKSUM,
    /** Send one book message whose best bid is at or above the best ask. */
    CROSS_BOOK,
    /** Ask clients to reconnect (Bitstamp {@code bts:request_reconnect}; others: close frame 1012). */
    RECONNECT_REQUEST,
    /** Answer the next WebSocket handshake only after a delay. */
    SLOW_ACCEPT;

    public static SimFault parse(final String name)
    {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
