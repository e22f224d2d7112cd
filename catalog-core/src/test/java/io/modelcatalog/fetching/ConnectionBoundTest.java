package io.modelcatalog.fetching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import io.modelcatalog.testing.LoopbackProviders;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** However many providers a run has, no more connections are open at once than the concurrency allows. */
class ConnectionBoundTest {

    @TempDir
    Path out;

    @Test
    void manyProvidersOnOneHostNeverOpenMoreConnectionsThanTheConcurrency() throws Exception {
        try (LoopbackProviderServer server = new LoopbackProviderServer()) {
            // a little latency, so that every worker holds its connection while the others ask for theirs
            server.latency(40);
            LoopbackProviders providers = LoopbackProviders.openAiCompatible(
                    server, "p", 30, i -> Response.json("{\"data\": [{\"id\": \"m-" + i + "\"}]}"));
            for (int concurrency : new int[] {1, 4}) {
                // the previous run's client has closed its connections; the server notices within moments
                for (int i = 0; i < 200 && server.openConnections() > 0; i++) {
                    Thread.sleep(10);
                }
                server.resetPeakConnections();
                FetchReport report = new CatalogFetch(FetchOptions.builder(out.resolve("c" + concurrency))
                                .providers(providers.providers())
                                .env(providers.environment())
                                .network(NetworkPolicy.defaults()
                                        .withConcurrency(concurrency)
                                        .withTimeout(Duration.ofSeconds(20)))
                                .build())
                        .run(FetchListener.none());
                assertEquals(30, report.count(ProviderOutcome.Fetched.class), report::summary);
                assertTrue(
                        server.peakConnections() <= concurrency,
                        server.peakConnections() + " connections at once with concurrency " + concurrency);
            }
            assertEquals(4, server.peakConnections(), "and the concurrency is used");
        }
    }
}
