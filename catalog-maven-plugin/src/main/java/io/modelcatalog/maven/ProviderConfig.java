package io.modelcatalog.maven;

import io.modelcatalog.providers.CredentialsInUrlException;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * One {@code <provider>} of the plugin's {@code <providers>} configuration: a provider beyond the built-in ones,
 * or a replacement of one of them (same name).
 *
 * <pre>{@code
 * <providers>
 *   <provider>
 *     <name>local</name>
 *     <kind>openai</kind>
 *     <baseUrl>http://localhost:8080/v1</baseUrl>
 *     <apiKeyEnv>LOCAL_API_KEY</apiKeyEnv>
 *   </provider>
 * </providers>
 * }</pre>
 */
public class ProviderConfig {
    /** Provider name, {@code [A-Za-z0-9._-]+}. */
    private String name;
    /** {@code openai} (default), {@code anthropic} or {@code url}. */
    private String kind = "openai";
    /** Default base URL (for kind {@code url}, the document's URL). */
    private String baseUrl;
    /** Environment variable that overrides the base URL. */
    private String baseUrlEnv;
    /** Environment variable that holds the API key. */
    private String apiKeyEnv;
    /** Extra request headers. */
    private Map<String, String> headers;

    /** The POM's {@code <providers>} as a layer of definitions; errors name the entry. */
    static ProviderLayer layer(List<ProviderConfig> providers) throws MojoExecutionException {
        List<ProviderDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < providers.size(); i++) {
            ProviderConfig config = providers.get(i);
            String where = "<providers> entry " + (i + 1)
                    + (config == null || config.getName() == null ? "" : " (" + config.getName() + ")")
                    + " in the plugin configuration";
            if (config == null || config.getName() == null || config.getName().isBlank()) {
                throw new MojoExecutionException(where + " has no <name>: give each <provider> a name of "
                        + "letters, digits, '.', '_' and '-'");
            }
            try {
                definitions.add(config.toDefinition());
            } catch (CredentialsInUrlException e) {
                throw new MojoExecutionException(where + ": " + e.getMessage() + MavenWords.otherKeySource(e));
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException(where + ": " + e.getMessage());
            }
        }
        return ProviderLayer.configured("the POM's <providers>", "the POM's <providers> one", definitions);
    }

    public ProviderDefinition toDefinition() {
        return new ProviderDefinition(name, ProviderKind.parse(kind), apiKeyEnv, baseUrlEnv, baseUrl, headers);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getBaseUrlEnv() {
        return baseUrlEnv;
    }

    public void setBaseUrlEnv(String baseUrlEnv) {
        this.baseUrlEnv = baseUrlEnv;
    }

    public String getApiKeyEnv() {
        return apiKeyEnv;
    }

    public void setApiKeyEnv(String apiKeyEnv) {
        this.apiKeyEnv = apiKeyEnv;
    }

    public Map<String, String> getHeaders() {
        return headers;
    }

    public void setHeaders(Map<String, String> headers) {
        this.headers = headers;
    }
}
