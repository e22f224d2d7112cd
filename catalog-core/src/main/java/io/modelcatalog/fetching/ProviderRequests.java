package io.modelcatalog.fetching;

import io.modelcatalog.providers.ApiKey;
import io.modelcatalog.providers.ProviderEndpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The model-list request of each provider kind, as the legacy tool sent it. */
final class ProviderRequests {

    static final String ANTHROPIC_VERSION = "2023-06-01";

    private ProviderRequests() {}

    static HttpRequestSpec modelList(ProviderEndpoint endpoint, Optional<ApiKey> key) throws FetchException {
        String provider = endpoint.provider().name();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        String secret = null;
        switch (endpoint.provider().kind()) {
            case OPENAI -> {
                if (key.isPresent()) {
                    headers.put("Authorization", "Bearer " + key.get().reveal());
                    secret = "Authorization";
                }
            }
            case ANTHROPIC -> {
                if (key.isPresent()) {
                    headers.put("x-api-key", key.get().reveal());
                    secret = "x-api-key";
                }
                headers.put("anthropic-version", ANTHROPIC_VERSION);
            }
            case URL -> {}
        }
        endpoint.provider().headers().forEach(headers::put);
        return new HttpRequestSpec(
                provider, uri(provider, endpoint.modelsUrl()), headers, secret == null ? Set.of() : Set.of(secret));
    }

    static URI uri(String provider, String url) throws FetchException {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null
                    || uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("http")
                            || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new FetchException(
                        provider + ": '" + url + "' is not an http(s) URL; check its base URL setting");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FetchException(provider + ": '" + url + "' is not a valid URL (" + e.getReason()
                    + "); check its base URL setting");
        }
    }
}
