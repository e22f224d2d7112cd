package io.modelcatalog.maven;

import io.modelcatalog.providers.CredentialsInUrlException;
import io.modelcatalog.providers.ProviderFileException;
import io.modelcatalog.providers.ProviderLayer;
import io.modelcatalog.providers.ProviderLayerException;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The providers a goal's parameters give, layered by the core: the built-in providers, then those of
 * {@code catalog.providersFile}, then the POM's {@code <providers>}; each replacement of a provider by a later
 * layer is logged.
 */
final class ProviderLayers {

    private ProviderLayers() {}

    /**
     * @param providersFile the providers file, absolute, or null
     * @param pom           the POM's entries, or null
     */
    static ProviderRegistry registry(File providersFile, List<ProviderConfig> pom, Log log)
            throws MojoExecutionException {
        List<ProviderLayer> layers = new ArrayList<>();
        layers.add(ProviderLayer.builtInProviders());
        if (providersFile != null) {
            if (!providersFile.isFile()) {
                throw new MojoExecutionException("The providers file " + providersFile + " (catalog.providersFile) "
                        + "does not exist: create it (a YAML 'providers:' list of name, kind, baseUrl, baseUrlEnv, "
                        + "apiKeyEnv, headers) or remove the setting");
            }
            try {
                layers.add(ProviderLayer.file(providersFile.toPath()));
            } catch (ProviderFileException e) {
                throw new MojoExecutionException(
                        e.getMessage()
                                + (e.getCause() instanceof CredentialsInUrlException c
                                        ? MavenWords.otherKeySource(c)
                                        : ""),
                        e);
            }
        }
        if (pom != null && !pom.isEmpty()) {
            layers.add(ProviderConfig.layer(pom));
        }
        ProviderRegistry registry;
        try {
            registry = ProviderRegistry.layered(layers);
        } catch (ProviderLayerException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        registry.replacements().forEach(r -> log.info(r.describe()));
        return registry;
    }
}
