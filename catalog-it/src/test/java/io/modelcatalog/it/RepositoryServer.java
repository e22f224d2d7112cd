package io.modelcatalog.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A team's Maven repository on 127.0.0.1, as a repository manager's group serves one: a hosted repository (a folder
 * a build deployed into, served as it is, checksum files included) in front of read-only proxies of what a build
 * already resolved (local repositories: their {@code maven-metadata-local.xml} served as {@code maven-metadata.xml},
 * and checksums computed where they keep none). Every request needs the Basic credentials given; every request is
 * recorded.
 */
final class RepositoryServer implements Closeable {

    private final HttpServer server;
    private final String authorization;
    private final Path hosted;
    private final List<Path> proxied;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    RepositoryServer(String user, String password, Path hosted, List<Path> proxied) throws IOException {
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.hosted = hosted.toAbsolutePath().normalize();
        this.proxied = proxied.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/} */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** {@code GET /path} for every request so far, in order. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"team\"");
                respond(exchange, 401, new byte[0]);
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")
                    && !exchange.getRequestMethod().equals("HEAD")) {
                respond(exchange, 405, new byte[0]);
                return;
            }
            Optional<byte[]> body = find(path.substring(1));
            respond(exchange, body.isPresent() ? 200 : 404, body.orElse(new byte[0]));
        }
    }

    private Optional<byte[]> find(String path) throws IOException {
        Path inHosted = inside(hosted, path);
        if (inHosted != null && Files.isRegularFile(inHosted)) {
            return Optional.of(Files.readAllBytes(inHosted));
        }
        for (Path root : proxied) {
            Optional<byte[]> found = proxiedFile(root, path);
            if (found.isPresent()) {
                return found;
            }
            for (String algorithm : List.of("sha1", "md5")) {
                if (path.endsWith("." + algorithm)) {
                    Optional<byte[]> of = proxiedFile(root, path.substring(0, path.length() - algorithm.length() - 1));
                    if (of.isPresent()) {
                        return Optional.of(digest(algorithm, of.get()).getBytes(StandardCharsets.US_ASCII));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A file of a local repository, its local metadata standing for the remote one. */
    private static Optional<byte[]> proxiedFile(Path root, String path) throws IOException {
        Path file = inside(root, path);
        if (file == null) {
            return Optional.empty();
        }
        if (file.getFileName().toString().equals("maven-metadata.xml")) {
            file = file.resolveSibling("maven-metadata-local.xml");
        }
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    private static Path inside(Path root, String path) {
        Path file = root.resolve(path).normalize();
        return file.startsWith(root) ? file : null;
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance(algorithm.equals("sha1") ? "SHA-1" : "MD5")
                            .digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1 and MD5", e);
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
