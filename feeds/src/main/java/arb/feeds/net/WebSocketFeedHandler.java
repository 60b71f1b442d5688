package arb.feeds.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * Last handler of a venue's WebSocket pipeline: hands complete (aggregated) text frames and life
 * cycle events of one connection to its {@link VenueFeed}. Pings are answered by Netty's
 * WebSocket protocol handler before they get here. No exception leaves this handler: a failure is
 * logged by the feed and closes the connection, and the feed reconnects.
 */
final class WebSocketFeedHandler extends ChannelInboundHandlerAdapter
{
    private final VenueFeed feed;
    private final int connId;

    WebSocketFeedHandler(final VenueFeed feed, final int connId)
    {
        this.feed = feed;
        this.connId = connId;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame)
            {
                final ByteBuf content = ((io.netty.handler.codec.http.websocketx.WebSocketFrame)msg).content();
                feed.onFrame(connId, content);
            }
            else if (msg instanceof PongWebSocketFrame)
            {
                feed.onPong(connId);
            }
            else if (msg instanceof CloseWebSocketFrame)
            {
                final CloseWebSocketFrame close = (CloseWebSocketFrame)msg;
                feed.onCloseFrame(connId, close.statusCode(), close.reasonText());
            }
        }
        catch (final Throwable t)
        {
            feed.onHandlerFailure(connId, t);
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt)
    {
        try
        {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
            {
                feed.onHandshakeComplete(connId, ctx.channel());
            }
            else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT)
            {
                feed.onHandshakeTimeout(connId);
            }
        }
        catch (final Throwable t)
        {
            feed.onHandlerFailure(connId, t);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        try
        {
            feed.onChannelClosed(connId);
        }
        catch (final Throwable t)
        {
            feed.onHandlerFailure(connId, t);
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        feed.onHandlerFailure(connId, cause);
    }
}
