package io.holdfast.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A round-robin TCP load balancer in front of the edge's replicas, as a Kubernetes Service is in the cluster: each
 * new connection goes to the next replica that accepts it, so a killed replica's share moves to the live ones (a
 * request in flight on a killed replica fails, as it would behind a real Service). Connections are piped byte for
 * byte; HTTP keep-alive keeps a client on one replica until the connection closes.
 */
final class LocalLoadBalancer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private final ServerSocket server;
    private final List<Integer> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService pipes = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-load-balancer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    private LocalLoadBalancer(ServerSocket server, List<Integer> backends) {
        this.server = server;
        this.backends = List.copyOf(backends);
    }

    /** Listens on {@code 127.0.0.1:port} and spreads connections over the backends' ports on 127.0.0.1. */
    static LocalLoadBalancer start(int port, List<Integer> backends) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        LocalLoadBalancer balancer = new LocalLoadBalancer(server, backends);
        balancer.pipes.execute(balancer::accept);
        return balancer;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                pipes.execute(() -> forward(client));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("local load balancer: " + e.getMessage());
                }
            }
        }
    }

    private void forward(Socket client) {
        Socket backend = connectToNextLiveBackend();
        if (backend == null) {
            closeQuietly(client);
            return;
        }
        AtomicInteger directionsOpen = new AtomicInteger(2);
        pipes.execute(() -> pipe(client, backend, directionsOpen));
        pipe(backend, client, directionsOpen);
    }

    private Socket connectToNextLiveBackend() {
        for (int tried = 0; tried < backends.size(); tried++) {
            int port = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
                return socket;
            } catch (IOException refused) {
                closeQuietly(socket);
            }
        }
        return null;
    }

    /** Copies one direction until end of stream; the connection closes once both directions ended (or one broke). */
    private static void pipe(Socket from, Socket to, AtomicInteger directionsOpen) {
        byte[] buffer = new byte[16 * 1024];
        boolean broken = false;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException closedByPeer) {
            broken = true;
        }
        if (directionsOpen.decrementAndGet() == 0 || broken) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        pipes.shutdownNow();
    }
}
