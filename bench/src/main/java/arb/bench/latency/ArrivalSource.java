package arb.bench.latency;

import arb.journal.EventSink;

/**
 * What arrives at the engine's I/O thread in the latency harness: one call is one arrival (a venue
 * frame to decode, or a pre-encoded event), published to the sink as the engine would publish it.
 */
public interface ArrivalSource
{
    /** Handles the next arrival; returns the number of events it published. */
    int arrive(EventSink sink);

    /** One line for the report: what the arrivals are. */
    String describe();
}
