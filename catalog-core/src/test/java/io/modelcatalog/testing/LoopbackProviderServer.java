package io.modelcatalog.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 server on 127.0.0.1 for tests: scripted responses per path (status, headers, body, latency)
 * and the faults real providers show (hangs, truncated bodies, connection resets). Every request is recorded
 * with its headers so tests can check what was sent (and what was not: keys to foreign hosts).
 *
 * <p>It also answers requests in proxy form ({@code GET http://host:port/path}) for its own routes and records
 * them as proxied, so one instance can play a proxy in front of itself.
 */
public final class LoopbackProviderServer implements Closeable {

    /** One scripted response. */
    public static final class Response {
        final int status;
        final Map<String, String> headers = new LinkedHashMap<>();
        final byte[] body;
        long delayMillis;
        CountDownLatch release;
        Fault fault = Fault.NONE;
        String etag;

        private Response(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        public static Response json(byte[] body) {
            return new Response(200, body).header("Content-Type", "application/json");
        }

        public static Response json(String body) {
            return json(body.getBytes(StandardCharsets.UTF_8));
        }

        public static Response status(int status, String body) {
            return new Response(status, body.getBytes(StandardCharsets.UTF_8)).header("Content-Type", "text/plain");
        }

        public static Response html(String body) {
            return new Response(200, body.getBytes(StandardCharsets.UTF_8))
                    .header("Content-Type", "text/html; charset=utf-8");
        }

        public static Response fault(Fault fault) {
            Response r = new Response(200, "{\"data\": []}".getBytes(StandardCharsets.UTF_8));
            r.fault = fault;
            return r;
        }

        public Response header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * Sends this {@code ETag} and answers a request whose {@code If-None-Match} names it with a 304, as a real
         * server does.
         */
        public Response etag(String value) {
            this.etag = value;
            return header("ETag", value);
        }

        /**
         * Answers only once {@code latch} is open (or after 60 s, so that a failing test ends): a provider that hangs
         * exactly as long as a test wants.
         */
        public Response after(CountDownLatch latch) {
            this.release = latch;
            return this;
        }

        /** Waits this long before answering. */
        public Response delay(long millis) {
            this.delayMillis = millis;
            return this;
        }
    }

    /** Ways to misbehave. */
    public enum Fault {
        NONE,
        /** Accept the request, never answer (until the server closes). */
        HANG,
        /** Declare a Content-Length, send half the body, close. */
        TRUNCATE,
        /** Close the connection with a TCP reset before answering. */
        RESET
    }

    /** A request as received. */
    public record Request(String method, String target, String path, Map<String, String> headers, boolean proxied) {
        /** A header by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket socket;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-provider-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<Response>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
    private volatile long latencyMillis;
    private volatile boolean closed;
    private int openConnections;
    private int peakConnections;

    public LoopbackProviderServer() throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        Thread acceptor = new Thread(this::acceptLoop, "loopback-provider-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Scripts a path: the responses are given in order, one per request; the last one repeats. The path is
     * matched with its query string first, then without it.
     */
    public LoopbackProviderServer route(String path, Response... responses) {
        routes.put(path, new ArrayList<>(List.of(responses)));
        return this;
    }

    /** Adds latency to every response. */
    public void latency(long millis) {
        this.latencyMillis = millis;
    }

    /** The most connections that were open at once, since the start or the last {@link #resetPeakConnections()}. */
    public synchronized int peakConnections() {
        return peakConnections;
    }

    /** Connections open now. */
    public synchronized int openConnections() {
        return openConnections;
    }

    /** Starts counting {@link #peakConnections()} afresh from the connections open now. */
    public synchronized void resetPeakConnections() {
        peakConnections = openConnections;
    }

    private synchronized void connectionOpened() {
        openConnections++;
        peakConnections = Math.max(peakConnections, openConnections);
    }

    private synchronized void connectionClosed() {
        openConnections--;
    }

    /** Requests received so far, in arrival order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> requestsTo(String path) {
        return requests().stream()
                .filter(r -> r.path().equals(path) || r.path().startsWith(path + "?"))
                .toList();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                open.add(s);
                connectionOpened();
                workers.execute(() -> serve(s));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(60_000);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (!closed) {
                String requestLine = readLine(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                String line;
                while ((line = readLine(in)) != null && !line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        headers.put(
                                line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                line.substring(colon + 1).trim());
                    }
                }
                String[] parts = requestLine.split(" ");
                String target = parts.length > 1 ? parts[1] : "/";
                boolean proxied = target.startsWith("http://");
                String path = target;
                if (proxied) {
                    int slash = target.indexOf('/', "http://".length());
                    path = slash < 0 ? "/" : target.substring(slash);
                }
                requests.add(new Request(parts[0], target, path, headers, proxied));
                if (proxied && proxyAuth != null && !proxyAuth.equals(headers.get("proxy-authorization"))) {
                    write(
                            out,
                            Response.status(407, "proxy authentication required")
                                    .header("Proxy-Authenticate", "Basic realm=\"loopback\""),
                            false);
                    continue;
                }
                Response r = next(path);
                long delay = latencyMillis + r.delayMillis;
                if (r.etag != null && r.etag.equals(headers.get("if-none-match"))) {
                    r = Response.status(304, "").header("ETag", r.etag);
                }
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                if (r.release != null) {
                    r.release.await(60, TimeUnit.SECONDS);
                }
                switch (r.fault) {
                    case HANG -> {
                        while (!closed) {
                            Thread.sleep(50);
                        }
                        return;
                    }
                    case RESET -> {
                        s.setSoLinger(true, 0);
                        return;
                    }
                    case TRUNCATE -> {
                        write(out, r, true);
                        return;
                    }
                    default -> write(out, r, false);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the server is closing
        } finally {
            open.remove(s);
            connectionClosed();
        }
    }

    private volatile String proxyAuth;

    /** Makes proxied requests need {@code Proxy-Authorization: Basic base64(user:password)}. */
    public void requireProxyAuth(String user, String password) {
        this.proxyAuth =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Response next(String path) {
        List<Response> script = routes.get(path);
        if (script == null) {
            int q = path.indexOf('?');
            script = q < 0 ? null : routes.get(path.substring(0, q));
        }
        if (script == null) {
            return Response.status(404, "no route for " + path);
        }
        synchronized (script) {
            return script.size() > 1 ? script.remove(0) : script.get(0);
        }
    }

    private static void write(OutputStream out, Response r, boolean truncate) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append("HTTP/1.1 ")
                .append(r.status)
                .append(' ')
                .append(reason(r.status))
                .append("\r\n");
        head.append("Date: ")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
        r.headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(r.body.length).append("\r\n");
        head.append("Connection: ").append(truncate ? "close" : "keep-alive").append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(r.body, 0, truncate ? r.body.length / 2 : r.body.length);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 304 -> "Not Modified";
            case 302 -> "Found";
            case 404 -> "Not Found";
            case 407 -> "Proxy Authentication Required";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                buf.write(b);
            }
        }
        if (b == -1 && buf.size() == 0) {
            return null;
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
        synchronized (open) {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (SocketException ignored) {
                    // already gone
                }
            }
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
