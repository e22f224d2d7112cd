package io.modelcatalog.fetching;

import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One of the two builds of {@link ResponseCacheLockTest}: two threads that write and read the entries of two
 * providers in opposite order, in the cache folder given as the first argument, as many times as the second
 * says. Prints the first failure and exits 1 on it, leaving a {@code stop} file that ends the other build's rounds.
 */
public final class ResponseCacheLockProbe {

    private ResponseCacheLockProbe() {}

    public static void main(String[] args) throws Exception {
        ResponseCache cache = new ResponseCache(Path.of(args[0]));
        int rounds = Integer.parseInt(args[1]);
        ProviderDefinition p = provider("p");
        ProviderDefinition q = provider("q");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger round = new AtomicInteger();
        Path stop = Path.of(args[0]).resolve("stop");
        List<Thread> threads = new ArrayList<>();
        for (ProviderDefinition[] order : new ProviderDefinition[][] {{p, q}, {q, p}}) {
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < rounds && failure.get() == null && !Files.exists(stop); i++) {
                        round.set(i);
                        for (ProviderDefinition d : order) {
                            byte[] body = ("{\"n\": " + i + "}").getBytes(StandardCharsets.UTF_8);
                            cache.write(d, ResponseCache.MODELS, new ResponseCache.Entry("u", body, null, null, null));
                            cache.read(d, ResponseCache.MODELS);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    try {
                        Files.writeString(stop, "stop"); // the other build need not go on
                    } catch (IOException ignored) {
                        // it then runs its rounds to the end
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            System.out.println("FAILED: " + failure.get());
            System.err.println("in round " + round.get());
            System.exit(1);
        }
        System.out.println("ok");
    }

    private static ProviderDefinition provider(String name) {
        return new ProviderDefinition(name, ProviderKind.OPENAI, null, null, "http://h/v1", null);
    }
}
