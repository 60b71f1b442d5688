package arb.journal;

/** A journal's events in order, each copied into a caller-supplied array (Chronicle's tailer, or the checked file scan). */
public interface JournalSource extends AutoCloseable
{
    /**
     * Copies the next event into {@code dst} at offset 0.
     *
     * @return the event's length, or -1 at the end
     */
    int next(byte[] dst);

    @Override
    void close();
}
