package io.modelcatalog.fetching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            List<ProviderDefinition> providers = new ArrayList<>();
            Map<String, String> env = new HashMap<>();
            for (int i = 0; i < 30; i++) {
                String name = "p" + i;
                providers.add(new ProviderDefinition(
                        name, ProviderKind.OPENAI, "P" + i + "_KEY", "P" + i + "_URL", "http://unused/v1", null));
                server.route("/" + name + "/v1/models", Response.json("{\"data\": [{\"id\": \"m-" + i + "\"}]}"));
                env.put("P" + i + "_URL", server.baseUrl() + "/" + name + "/v1");
                env.put("P" + i + "_KEY", LegacyCorpus.testKey(name));
            }
            for (int concurrency : new int[] {1, 4}) {
                // the previous run's client has closed its connections; the server notices within moments
                for (int i = 0; i < 200 && server.openConnections() > 0; i++) {
                    Thread.sleep(10);
                }
                server.resetPeakConnections();
                FetchReport report = new CatalogFetch(FetchOptions.builder(out.resolve("c" + concurrency))
                                .providers(providers)
                                .env(EnvironmentLookup.of(env))
                                .network(NetworkPolicy.defaults()
                                        .withConcurrency(concurrency)
                                        .withTimeout(Duration.ofSeconds(20)))
                                .build())
                        .run(FetchListener.none());
                assertEquals(30, report.count(ProviderOutcome.Status.FETCHED), report::summary);
                assertTrue(
                        server.peakConnections() <= concurrency,
                        server.peakConnections() + " connections at once with concurrency " + concurrency);
            }
            assertEquals(4, server.peakConnections(), "and the concurrency is used");
        }
    }
}
