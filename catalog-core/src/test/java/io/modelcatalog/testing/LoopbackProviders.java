package io.modelcatalog.testing;

import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Many made-up providers served by one {@link LoopbackProviderServer}: their definitions, and the environment that
 * points each at the server with a test key.
 *
 * @param providers the definitions, in order
 * @param env       every provider's URL and key variable
 */
public record LoopbackProviders(List<ProviderDefinition> providers, Map<String, String> env) {

    /**
     * {@code count} OpenAI-compatible providers named {@code prefix0}, {@code prefix1}, ..., each with the key
     * {@link LegacyCorpus#testKey(String)} and its model list answered by {@code response.apply(i)} (a new
     * {@link Response} each: a response may carry a latch or a delay of its own).
     */
    public static LoopbackProviders openAiCompatible(
            LoopbackProviderServer server, String prefix, int count, IntFunction<Response> response) {
        List<ProviderDefinition> providers = new ArrayList<>();
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String name = prefix + i;
            String variable = name.toUpperCase(Locale.ROOT);
            providers.add(new ProviderDefinition(
                    name, ProviderKind.OPENAI, variable + "_KEY", variable + "_URL", "http://unused/v1", null));
            server.route("/" + name + "/v1/models", response.apply(i));
            env.put(variable + "_URL", server.baseUrl() + "/" + name + "/v1");
            env.put(variable + "_KEY", LegacyCorpus.testKey(name));
        }
        return new LoopbackProviders(List.copyOf(providers), Map.copyOf(env));
    }

    /** {@link #env()} as a lookup. */
    public EnvironmentLookup environment() {
        return EnvironmentLookup.of(env);
    }
}
