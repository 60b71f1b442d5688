package arb.feeds.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Channel classes matching the transport of a given event loop (epoll or NIO), so the engine can
 * hand the feeds whichever loop it built and every bootstrap on it uses compatible channels.
 */
public final class Transports
{
    private Transports()
    {
    }

    public static boolean isEpoll(final EventLoopGroup group)
    {
        return group instanceof IoEventLoopGroup && ((IoEventLoopGroup)group).next().isIoType(EpollIoHandler.class);
    }

    public static Class<? extends SocketChannel> socketChannel(final EventLoopGroup group)
    {
        return isEpoll(group) ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public static Class<? extends ServerSocketChannel> serverChannel(final EventLoopGroup group)
    {
        return isEpoll(group) ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static Class<? extends DatagramChannel> datagramChannel(final EventLoopGroup group)
    {
        return isEpoll(group) ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }
}
