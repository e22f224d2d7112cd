package io.modelcatalog.fetching;

import io.modelcatalog.providers.ApiKey;
import io.modelcatalog.providers.ProviderEndpoint;
import io.modelcatalog.providers.UrlCredentials;
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
        String setting =
                endpoint.baseUrlVariable() != null ? "the base URL in " + endpoint.baseUrlVariable() : "its base URL";
        return new HttpRequestSpec(
                provider,
                uri(provider, endpoint.modelsUrl(), setting, endpoint.provider().apiKeyEnv()),
                headers,
                secret == null ? Set.of() : Set.of(secret));
    }

    /**
     * The URL to request.
     *
     * @param setting   where the URL came from, for messages ({@code the base URL in GROQ_API_OPENAI})
     * @param keyVariable the provider's key variable, named when the URL holds a user name or password
     * @throws FetchException when it is no http(s) URL, or holds a user name or password (then nothing is sent)
     */
    static URI uri(String provider, String url, String setting, String keyVariable) throws FetchException {
        if (UrlCredentials.hasUserInfo(url)) {
            throw new FetchException(
                    provider + ": " + setting + " holds a user name or password (" + UrlCredentials.mask(url)
                            + "): remove it and put the key in "
                            + (keyVariable != null ? keyVariable : "the provider's key variable"),
                    0,
                    FetchProblem.CREDENTIALS_IN_URL);
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null
                    || uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("http")
                            || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new FetchException(provider + ": '" + url + "' is not an http(s) URL; check " + setting);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FetchException(
                    provider + ": '" + url + "' is not a valid URL (" + e.getReason() + "); check " + setting);
        }
    }
}
