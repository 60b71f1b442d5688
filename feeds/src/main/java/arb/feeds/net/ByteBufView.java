package arb.feeds.net;

import io.netty.buffer.ByteBuf;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Presents a Netty {@link ByteBuf}'s readable bytes as an Agrona buffer for the decoders: wrapped, not
 * copied, when the buffer is contiguous (direct or heap), copied once into a reusable array when it is
 * not (a composite of aggregated WebSocket fragments). Allocates nothing after construction beyond the
 * copy buffer growing to the largest composite seen. The view is valid until the next
 * {@link #wrap(ByteBuf)} and while the ByteBuf is not released. Single-threaded.
 */
public final class ByteBufView
{
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final ExpandableArrayBuffer copy = new ExpandableArrayBuffer(64 * 1024);

    /**
     * Points {@link #buffer()} at the readable bytes of {@code content} (index 0 is its reader index).
     *
     * @return the number of readable bytes
     */
    public int wrap(final ByteBuf content)
    {
        final int length = content.readableBytes();
        if (content.hasMemoryAddress())
        {
            view.wrap(content.memoryAddress() + content.readerIndex(), length);
        }
        else if (content.hasArray())
        {
            view.wrap(content.array(), content.arrayOffset() + content.readerIndex(), length);
        }
        else
        {
            // Composite (aggregated fragments): one copy into a reusable buffer.
            copy.checkLimit(length);
            content.getBytes(content.readerIndex(), copy.byteArray(), 0, length);
            view.wrap(copy, 0, length);
        }
        return length;
    }

    /** The bytes of the last {@link #wrap(ByteBuf)}, from index 0. */
    public UnsafeBuffer buffer()
    {
        return view;
    }
}
