package io.modelcatalog.maven;

import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.identity.CatalogListings;
import io.modelcatalog.identity.Family;
import io.modelcatalog.identity.FamilyIndex;
import io.modelcatalog.identity.FamilyOverrideException;
import io.modelcatalog.identity.Member;
import io.modelcatalog.identity.ModelLookup;
import io.modelcatalog.identity.ModelsIndexJson;
import io.modelcatalog.identity.ModelsText;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * One model across providers. Reads the catalog folder, puts every provider's listing in a family (the same weights
 * wherever they are served, whatever the id's spelling), and prints a summary with the 20 families served by the
 * most providers; with {@code catalog.model}, every provider serving that family, cheapest first.
 */
@Mojo(name = "models", requiresProject = false, threadSafe = true)
public class ModelsMojo extends AbstractCatalogMojo {

    /** How many families the summary lists. */
    static final int TOP = 20;

    /**
     * The model to show: a family id ({@code openai/gpt-oss-120b}), any provider's id ({@code llama-3.3-70b-versatile}),
     * {@code provider/id} ({@code groq/openai/gpt-oss-120b}), or an alias. A name that matches nothing fails the
     * build and names the closest ones.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.model")
    private String model;

    /**
     * Write the whole index (every family and member with its facts) as JSON to this file.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.modelsFile")
    private File modelsFile;

    /**
     * With {@code catalog.model}: only members known to have all of these ({@code tool_call,reasoning,vision}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.capabilities")
    private String capabilities;

    /**
     * With {@code catalog.model}: only members known to take at least this many tokens of context.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.minContext")
    private Long minContext;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.models.skip", defaultValue = "false")
    private boolean modelsSkip;

    @Override
    protected String goalName() {
        return "models";
    }

    @Override
    protected boolean goalSkipped() {
        return modelsSkip;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Set<String> wanted = new LinkedHashSet<>(commaList(capabilities));
        for (String c : wanted) {
            if (!ModelsText.CAPABILITIES.contains(c)) {
                throw new MojoExecutionException("catalog.capabilities: unknown capability '" + c + "'; use "
                        + String.join(", ", new java.util.TreeSet<>(ModelsText.CAPABILITIES)));
            }
        }
        if (minContext != null && minContext < 1) {
            throw new MojoExecutionException(
                    "catalog.minContext must be a positive number of tokens, not " + minContext);
        }
        File folder = catalogFolderToRead();
        if (!folder.isDirectory()) {
            throw new MojoExecutionException("No catalog at " + folder + ": run catalog:fetch first, or point "
                    + "catalog.outputDirectory at a catalog folder");
        }
        long start = System.nanoTime();
        FamilyIndex index;
        CatalogSettings settings = settings();
        try {
            index = FamilyIndex.build(
                    CatalogListings.read(folder.toPath(), settings.registry()), settings.familyOverrides());
        } catch (FamilyOverrideException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (DocumentParseException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(MavenWords.cannotRead(folder, e), e);
        }
        getLog().debug("Indexed " + index.listingCount() + " models in " + (System.nanoTime() - start) / 1_000_000
                + " ms");
        if (modelsFile != null) {
            File file = resolvePath(modelsFile, "models.json");
            try {
                ModelsIndexJson.write(file.toPath(), index);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write catalog.modelsFile " + file + ": " + e.getMessage(), e);
            }
            getLog().info("Wrote the index of " + index.families().size() + " families to " + file);
        }
        if (model == null || model.isBlank()) {
            ModelsText.summary(index, TOP).forEach(getLog()::info);
            getLog().info("One family across its providers: -Dcatalog.model=<family, id, provider/id or alias>");
            return;
        }
        ModelLookup.Result found = new ModelLookup(index, index.aliases()).find(model);
        if (found instanceof ModelLookup.Found f) {
            Family family = f.family();
            List<Member> rows = ModelsText.rows(family, wanted, minContext);
            ModelsText.table(family, rows).forEach(getLog()::info);
            getLog().info("\u2013: no source gives the fact. Prices in USD per 1M tokens.");
        } else if (found instanceof ModelLookup.UnknownAtProvider u) {
            throw new MojoFailureException("catalog.model: " + u.provider() + " lists no model '" + u.id()
                    + "'; its closest: " + String.join(", ", u.closest()));
        } else if (found instanceof ModelLookup.NotFound n) {
            throw new MojoFailureException("catalog.model: no family, model id or alias '" + n.name()
                    + "'; the closest: " + String.join(", ", n.closest()));
        }
    }
}
