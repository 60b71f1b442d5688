package arb.engine.ring;

/**
 * The ring stayed full longer than the configured claim timeout: a consumer has stopped advancing.
 * Fatal by design - the engine stops loudly instead of blocking its I/O thread forever.
 */
public final class RingStalledException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public RingStalledException(final String message)
    {
        super(message);
    }
}
