package io.modelcatalog.fetching;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * Creates HTTP connections that never log headers or wire bytes. HttpClient's own factory switches to a logging
 * connection whenever its {@code org.apache.hc.client5.http.headers} or {@code .wire} logger is at debug, which
 * {@code mvn -X} turns on; those loggers would print the {@code Authorization} and {@code x-api-key} headers.
 */
final class UnloggedConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    private final AtomicLong ids = new AtomicLong();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        UnloggedConnection connection = new UnloggedConnection("catalog-" + ids.incrementAndGet());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    private static final class UnloggedConnection extends DefaultBHttpClientConnection
            implements ManagedHttpClientConnection {
        private final String id;
        private volatile Timeout activeTimeout;

        UnloggedConnection(String id) {
            super(Http1Config.DEFAULT);
            this.id = id;
        }

        @Override
        public void bind(Socket socket) throws IOException {
            super.bind(socket);
            activeTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
        }

        @Override
        public Socket getSocket() {
            return getSocketHolder() == null ? null : getSocketHolder().getSocket();
        }

        @Override
        public void passivate() {
            // an idle pooled connection waits without a read timeout, as HttpClient's own connections do
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            super.setSocketTimeout(activeTimeout);
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            activeTimeout = timeout;
            super.setSocketTimeout(timeout);
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
