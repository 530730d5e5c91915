package io.holdfast.alipay.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Deque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.springframework.core.io.buffer.DataBufferLimitException;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;

/**
 * The HTTP/1.1 exchanges with Antom, on Netty directly: a pool of kept-alive connections to the one Antom host
 * (TLS with host-name verification, or plain HTTP for a local emulator), one request at a time per connection, the
 * response body read whole up to {@link #MAX_BODY_BYTES}. It runs on reactor-netty's shared event loops and its
 * asynchronous DNS resolver, and never blocks a caller. It replaces reactor-netty's {@code HttpClient}: a profile of
 * the client showed that client's per-request machinery (configuration copies, pool and subscription chains) costing
 * about as much CPU per call as HTTP and TLS themselves.
 *
 * <p>What a caller sees, as before: a connect failure (refused, timed out, unknown host, TLS handshake) fails the
 * exchange with the cause; a connection closed before the whole response arrived fails it with an
 * {@link IOException}; a body over the limit with a {@link DataBufferLimitException}; a call not finished within its
 * timeout (which counts from the start, connecting included) with a {@link TimeoutException}, and its connection is
 * closed, never reused. A connection idle for {@link #MAX_IDLE} is closed (below load balancers' idle timeouts).
 */
final class AntomConnections implements AutoCloseable {

    /** Below typical load-balancer idle timeouts, so a pooled connection is not reset under a request in flight. */
    static final Duration MAX_IDLE = Duration.ofSeconds(20);
    /** The largest response body read; a longer one is an unknown outcome, not an out-of-memory risk. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final int MAX_CONNECTIONS = 200;
    private static final int MAX_INITIAL_BODY_BYTES = 64 * 1024;

    private final String host;
    private final int port;
    private final String hostHeader;
    private final SslContext ssl;
    private final DnsAddressResolverGroup resolver;
    private final Bootstrap bootstrap;
    private final Deque<Channel> idle = new ConcurrentLinkedDeque<>();
    private final Queue<Exchange> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closed;

    AntomConnections(AlipayClientProperties properties) {
        URI base = properties.baseUrl();
        boolean secure = "https".equalsIgnoreCase(base.getScheme());
        String uriHost = base.getHost();
        this.host = uriHost.startsWith("[") ? uriHost.substring(1, uriHost.length() - 1) : uriHost;
        this.port = base.getPort() != -1 ? base.getPort() : secure ? 443 : 80;
        this.hostHeader = base.getPort() == -1 ? uriHost : uriHost + ":" + base.getPort();
        this.ssl = secure ? sslContext(properties.tls()) : null;
        LoopResources resources = HttpResources.get();
        EventLoopGroup loops = resources.onClient(LoopResources.DEFAULT_NATIVE);
        this.resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                .datagramChannelType(resources.onChannelClass(DatagramChannel.class, loops))
                .socketChannelType(resources.onChannelClass(SocketChannel.class, loops)));
        this.bootstrap = new Bootstrap()
                .resolver(resolver)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        if (ssl != null) {
                            SslHandler tls = ssl.newHandler(channel.alloc(), host, port);
                            SSLEngine engine = tls.engine();
                            SSLParameters parameters = engine.getSSLParameters();
                            parameters.setEndpointIdentificationAlgorithm("HTTPS");
                            engine.setSSLParameters(parameters);
                            pipeline.addLast(tls);
                        }
                        pipeline.addLast(new HttpClientCodec());
                        pipeline.addLast(new IdleStateHandler(0, 0, MAX_IDLE.toMillis(), TimeUnit.MILLISECONDS));
                        pipeline.addLast(new ResponseHandler());
                    }
                });
    }

    private static SslContext sslContext(AlipayClientProperties.Tls tls) {
        SslContextBuilder builder = SslContextBuilder.forClient();
        if (!tls.trustedCertificates().isEmpty()) {
            builder.trustManager(tls.trustedCertificates().toArray(X509Certificate[]::new));
        }
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("the TLS context cannot be built", e);
        }
    }

    /** The value of the {@code Host} header: the base URL's host, with its port when the URL names one. */
    String hostHeader() {
        return hostHeader;
    }

    /**
     * One exchange: the request is sent on a pooled connection (or a new one) and the exchange is completed exactly
     * once, with the response or with a failure, on a Netty event loop.
     */
    abstract static class Exchange {

        private final FullHttpRequest request;
        private final Duration timeout;
        private final long deadlineNanos;
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile ScheduledFuture<?> timer;
        private volatile Channel channel;

        Exchange(FullHttpRequest request, Duration timeout) {
            this.request = request;
            this.timeout = timeout;
            this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        }

        abstract void completed(RawResponse response);

        abstract void failed(Throwable error);

        /** Cancelled by the subscriber: the connection is closed if the request is under way. */
        final void cancel() {
            if (finished.compareAndSet(false, true)) {
                stopTimer();
                closeConnection();
            }
        }

        final boolean isFinished() {
            return finished.get();
        }

        private void armTimer(EventExecutor loop) {
            if (timer == null) {
                timer = loop.schedule(this::expire, Math.max(0, deadlineNanos - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
            }
        }

        private void expire() {
            if (finished.compareAndSet(false, true)) {
                closeConnection();
                failed(new TimeoutException("no answer within " + timeout));
            }
        }

        /** The connection this exchange is under way on, if any, is closed: its answer can no longer be told apart. */
        private void closeConnection() {
            Channel on = channel;
            if (on == null) {
                return;
            }
            Runnable close = () -> {
                ResponseHandler handler = on.pipeline().get(ResponseHandler.class);
                if (handler != null && handler.current == this) {
                    handler.current = null;
                    on.close();
                }
            };
            if (on.eventLoop().inEventLoop()) {
                close.run();
            } else {
                on.eventLoop().execute(close);
            }
        }

        private void stopTimer() {
            ScheduledFuture<?> armed = timer;
            if (armed != null) {
                armed.cancel(false);
            }
        }

        private void succeed(RawResponse response) {
            if (finished.compareAndSet(false, true)) {
                stopTimer();
                completed(response);
            }
        }

        private void fail(Throwable error) {
            if (finished.compareAndSet(false, true)) {
                stopTimer();
                failed(error);
            }
        }
    }

    /** A POST of {@code body} to {@code pathAndQuery} with Antom's headers. */
    FullHttpRequest post(String pathAndQuery, String clientId, String requestTime, String signature, byte[] body) {
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, pathAndQuery,
                Unpooled.wrappedBuffer(body));
        request.headers()
                .set(HttpHeaderNames.HOST, hostHeader)
                .set("Client-Id", clientId)
                .set("Request-Time", requestTime)
                .set("Signature", signature)
                .set(HttpHeaderNames.CONTENT_TYPE, AlipayTransport.CONTENT_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.ACCEPT, "*/*");
        return request;
    }

    /** Sends the exchange's request on an idle connection, a new one, or the next one released. Never blocks. */
    void execute(Exchange exchange) {
        if (closed) {
            exchange.fail(new IllegalStateException("the Antom client is closed"));
            return;
        }
        Channel channel = pollIdle();
        if (channel != null) {
            start(channel, exchange);
            return;
        }
        if (open.incrementAndGet() <= MAX_CONNECTIONS) {
            connect(exchange);
            return;
        }
        open.decrementAndGet();
        exchange.armTimer(loops().next());
        waiting.add(exchange);
        Channel released = pollIdle();
        if (released != null) {
            release(released, true);
        }
    }

    /**
     * Reactor-netty's shared client event loops, looked up on every use and never kept: a Spring context closing its
     * {@code ReactorResourceFactory} disposes the global loops, and the next connection must use the new ones.
     */
    private static EventLoopGroup loops() {
        return HttpResources.get().onClient(LoopResources.DEFAULT_NATIVE);
    }

    private Channel pollIdle() {
        for (Channel channel = idle.pollFirst(); channel != null; channel = idle.pollFirst()) {
            if (channel.isActive()) {
                return channel;
            }
        }
        return null;
    }

    private void connect(Exchange exchange) {
        ChannelFuture connecting;
        try {
            EventLoopGroup loops = loops();
            connecting = bootstrap.clone(loops)
                    .channel(HttpResources.get().onChannelClass(SocketChannel.class, loops))
                    .connect(InetSocketAddress.createUnresolved(host, port));
        } catch (RuntimeException e) {
            open.decrementAndGet();
            exchange.fail(e);
            return;
        }
        exchange.armTimer(connecting.channel().eventLoop());
        connecting.addListener((ChannelFuture connected) -> {
            Channel channel = connected.channel();
            if (!connected.isSuccess()) {
                open.decrementAndGet();
                exchange.fail(connected.cause());
                return;
            }
            channel.closeFuture().addListener(closing -> onClose(channel));
            SslHandler tls = channel.pipeline().get(SslHandler.class);
            if (tls == null) {
                begin(channel, exchange, false);
                return;
            }
            tls.handshakeFuture().addListener(handshake -> {
                if (handshake.isSuccess()) {
                    begin(channel, exchange, false);
                } else {
                    exchange.fail(handshake.cause());
                    channel.close();
                }
            });
        });
    }

    private void onClose(Channel channel) {
        open.decrementAndGet();
        idle.remove(channel);
        Exchange next = nextWaiting();
        if (next != null) {
            if (open.incrementAndGet() <= MAX_CONNECTIONS) {
                connect(next);
            } else {
                open.decrementAndGet();
                waiting.add(next);
            }
        }
    }

    private Exchange nextWaiting() {
        for (Exchange next = waiting.poll(); next != null; next = waiting.poll()) {
            if (!next.isFinished()) {
                return next;
            }
        }
        return null;
    }

    private void start(Channel channel, Exchange exchange) {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            begin(channel, exchange, true);
        } else {
            loop.execute(() -> begin(channel, exchange, true));
        }
    }

    /**
     * On the channel's event loop: the connection is ready and free. A pooled connection that closed meanwhile is
     * dropped and the exchange tries again (nothing was sent on it); a new one that closed fails the exchange.
     */
    private void begin(Channel channel, Exchange exchange, boolean pooled) {
        ResponseHandler handler = channel.pipeline().get(ResponseHandler.class);
        if (exchange.isFinished() || handler == null || !channel.isActive()) {
            release(channel, handler != null);
            if (!pooled) {
                exchange.fail(new IOException("the new connection closed before the request was sent"));
            } else if (!exchange.isFinished()) {
                execute(exchange);
            }
            return;
        }
        handler.start(exchange);
        exchange.channel = channel;
        exchange.armTimer(channel.eventLoop());
        channel.writeAndFlush(exchange.request).addListener(written -> {
            if (!written.isSuccess()) {
                handler.abort(channel, exchange, written.cause());
            }
        });
    }

    /** On the channel's event loop: the exchange on it is over; the channel serves the next one or waits idle. */
    private void release(Channel channel, boolean reusable) {
        if (!reusable || closed || !channel.isActive()) {
            channel.close();
            return;
        }
        Exchange next = nextWaiting();
        if (next != null) {
            begin(channel, next, true);
            return;
        }
        idle.addFirst(channel);
        if (closed && idle.remove(channel)) {
            channel.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Channel channel = idle.pollFirst(); channel != null; channel = idle.pollFirst()) {
            channel.close();
        }
        for (Exchange next = waiting.poll(); next != null; next = waiting.poll()) {
            next.fail(new IllegalStateException("the Antom client is closed"));
        }
        resolver.close();
    }

    /** Reads one response at a time into the current exchange; the last handler of every connection's pipeline. */
    private final class ResponseHandler extends ChannelInboundHandlerAdapter {

        private Exchange current;
        private int status;
        private String signature;
        private String responseTime;
        private boolean keepAlive;
        private byte[] body;
        private int size;

        void start(Exchange exchange) {
            current = exchange;
            status = 0;
            signature = null;
            responseTime = null;
            keepAlive = false;
            body = null;
            size = 0;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            try {
                if (current == null) {
                    return;
                }
                if (message instanceof HttpResponse response) {
                    HttpHeaders headers = response.headers();
                    status = response.status().code();
                    signature = headers.get("signature");
                    responseTime = headers.get("response-time");
                    keepAlive = HttpUtil.isKeepAlive(response);
                    long length = HttpUtil.getContentLength(response, -1L);
                    body = new byte[length >= 0 && length <= MAX_INITIAL_BODY_BYTES ? (int) length : 1024];
                }
                if (message instanceof HttpContent content) {
                    read(context.channel(), content);
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        private void read(Channel channel, HttpContent content) {
            ByteBuf bytes = content.content();
            int length = bytes.readableBytes();
            if (size + length > MAX_BODY_BYTES) {
                abort(channel, current, new DataBufferLimitException("response body exceeds " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            if (body == null) {
                body = new byte[Math.max(1024, length)];
            }
            if (size + length > body.length) {
                body = Arrays.copyOf(body, Math.min(MAX_BODY_BYTES, Math.max(body.length * 2, size + length)));
            }
            bytes.readBytes(body, size, length);
            size += length;
            if (content instanceof LastHttpContent) {
                Exchange exchange = current;
                current = null;
                RawResponse response = new RawResponse(status, signature, responseTime,
                        size == body.length ? body : Arrays.copyOf(body, size));
                body = null;
                release(channel, keepAlive);
                exchange.succeed(response);
            }
        }

        void abort(Channel channel, Exchange exchange, Throwable error) {
            if (current == exchange) {
                current = null;
                body = null;
            }
            channel.close();
            exchange.fail(error);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            if (current != null) {
                abort(context.channel(), current,
                        new IOException("the connection closed before the whole response arrived"));
            }
            context.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            if (current != null) {
                abort(context.channel(), current, cause);
            } else {
                context.close();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof IdleStateEvent && current == null) {
                idle.remove(context.channel());
                context.close();
                return;
            }
            context.fireUserEventTriggered(event);
        }
    }
}
