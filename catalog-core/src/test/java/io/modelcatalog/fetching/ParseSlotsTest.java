package io.modelcatalog.fetching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import io.modelcatalog.testing.LoopbackProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies are parsed and written in at most {@code parseSlots} providers at once, while the requests themselves are
 * not held back: every request of a run is out before any body is parsed. A provider whose body and files did not
 * change takes no slot.
 */
class ParseSlotsTest {

    private static final int PROVIDERS = 12;

    @TempDir
    Path out;

    @Test
    void noMoreProvidersAreParsedAtOnceThanThereAreSlotsAndEveryRequestIsOutFirst() throws Exception {
        // a real body of some size (OpenRouter's, 450 KB), so that a parse takes a while
        byte[] body = LegacyCorpus.response("openrouter");
        for (int slots : new int[] {1, 3}) {
            try (LoopbackProviderServer server = new LoopbackProviderServer()) {
                // no body leaves the server before all requests have arrived: then they all arrive at once
                CountDownLatch release = new CountDownLatch(1);
                LoopbackProviders providers = LoopbackProviders.openAiCompatible(
                        server, "p", PROVIDERS, i -> Response.json(body).after(release));
                AtomicBoolean allRequestsOut = new AtomicBoolean();
                Thread watcher = new Thread(() -> {
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    try {
                        while (System.nanoTime() < deadline && server.requests().size() < PROVIDERS) {
                            Thread.sleep(5);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    allRequestsOut.set(server.requests().size() >= PROVIDERS);
                    release.countDown();
                });
                watcher.start();
                Path folder = out.resolve("slots-" + slots);
                FetchOptions options = FetchOptions.builder(folder)
                        .providers(providers.providers())
                        .env(providers.environment())
                        .network(NetworkPolicy.defaults().withTimeout(Duration.ofSeconds(60)))
                        .cache(new ResponseCache(out.resolve("cache-" + slots)))
                        .parseSlots(slots)
                        .build();
                FetchReport report = new CatalogFetch(options).run(FetchListener.none());
                watcher.join();

                assertTrue(allRequestsOut.get(), "with " + slots + " slot(s), not every request was out at once");
                assertEquals(PROVIDERS, report.count(ProviderOutcome.Fetched.class), report::summary);
                assertTrue(
                        report.parsedAtOnce() <= slots,
                        report.parsedAtOnce() + " providers parsed at once with " + slots + " slot(s)");
                if (slots > 1) {
                    assertTrue(report.parsedAtOnce() > 1, "and the slots are used");
                }
                // waiting for a slot changes nothing in what is written
                byte[] first = Files.readAllBytes(CatalogLayout.LEGACY.json(folder, "p0"));
                for (int i = 1; i < PROVIDERS; i++) {
                    assertArrayEquals(first, Files.readAllBytes(CatalogLayout.LEGACY.json(folder, "p" + i)), "p" + i);
                }

                // a rerun that gets the same bodies parses nothing, so it takes no slot
                FetchReport again = new CatalogFetch(options).run(FetchListener.none());
                assertEquals(PROVIDERS, again.count(ProviderOutcome.Unchanged.class), again::summary);
                assertEquals(0, again.parsedAtOnce(), "slots taken by a rerun with nothing changed");
            }
        }
    }

    @Test
    void lessThanOneSlotIsRefused() {
        InvalidSettingException e = assertThrows(
                InvalidSettingException.class,
                () -> FetchOptions.builder(out).parseSlots(0).build());
        assertTrue(e.getMessage().contains("parseSlots"), e.getMessage());
    }

    @Test
    void theDefaultIsOneSlotPerProcessor() {
        assertEquals(
                Runtime.getRuntime().availableProcessors(),
                FetchOptions.builder(out).build().parseSlots());
    }
}
