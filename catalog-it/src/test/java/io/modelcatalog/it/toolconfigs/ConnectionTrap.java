package io.modelcatalog.it.toolconfigs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port that accepts connections, records the first line each one sends (for a proxy request,
 * {@code CONNECT host:443 HTTP/1.1}) and closes it. Pointing a program's proxy variables here shows whether it
 * tries to reach the network, without letting it.
 */
public final class ConnectionTrap implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> seen = new ArrayList<>();
    private final Thread acceptor;

    public ConnectionTrap() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "connection-trap");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The first line of every connection so far. */
    public synchronized List<String> seen() {
        return List.copyOf(seen);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(2000);
                String first;
                try {
                    first = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))
                            .readLine();
                } catch (IOException e) {
                    first = "(no request line: " + e.getMessage() + ")";
                }
                synchronized (this) {
                    seen.add(String.valueOf(first));
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                synchronized (this) {
                    seen.add("(accept failed: " + e.getMessage() + ")");
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
