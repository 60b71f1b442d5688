package arb.journal;

import org.agrona.MutableDirectBuffer;

/**
 * Where producers put encoded events: the ring in the engine, a journal in the generator, a list
 * in tests. A producer claims a buffer, encodes one event at offset 0 (at most
 * {@link Events#SLOT_CAPACITY} bytes) and publishes it. Every claim must be followed by exactly one
 * publish, so producers validate a frame completely before they claim.
 */
public interface EventSink
{
    /** Claims space for one event; the returned buffer is valid until {@link #publish(int)}. */
    MutableDirectBuffer claim();

    /** Publishes the event encoded into the claimed buffer, {@code length} bytes from offset 0. */
    void publish(int length);
}
