package io.modelcatalog.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link LoopbackProviderServer} serving the legacy corpus for each test, with the environment that points the
 * providers at it. Register it with {@code @RegisterExtension final CorpusServer corpus = new CorpusServer();};
 * tests may re-route paths and edit {@link #env()} (a fresh copy per test).
 */
public final class CorpusServer implements BeforeEachCallback, AfterEachCallback {

    private LoopbackProviderServer server;
    private Map<String, String> env;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = new LoopbackProviderServer();
        env = new LinkedHashMap<>(LegacyCorpus.serve(server));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        server.close();
    }

    public LoopbackProviderServer server() {
        return server;
    }

    /** Base URLs, keys and {@code CHUTES_CHUTES_URL}; modifiable. */
    public Map<String, String> env() {
        return env;
    }
}
