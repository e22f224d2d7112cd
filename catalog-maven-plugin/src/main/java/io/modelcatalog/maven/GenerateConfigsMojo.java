package io.modelcatalog.maven;

import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.templates.TemplateFailure;
import io.modelcatalog.templates.TemplateRenderer;
import io.modelcatalog.text.TextTable;
import io.modelcatalog.toolconfigs.CatalogQuery;
import io.modelcatalog.toolconfigs.CatalogSelectionException;
import io.modelcatalog.toolconfigs.ConfigGenerator;
import io.modelcatalog.toolconfigs.GenerateConfigsException;
import io.modelcatalog.toolconfigs.GenerateConfigsRequest;
import io.modelcatalog.toolconfigs.GenerateConfigsResult;
import io.modelcatalog.toolconfigs.ModelIdFilter;
import io.modelcatalog.toolconfigs.ToolWriter;
import io.modelcatalog.tools.Tool;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Turns the catalog folder into configuration for aichat, codex, mods and OpenCode, and through user templates
 * for any other tool. Per provider it writes <code>aichat/models_{provider}.yaml</code> (a {@code clients:} entry),
 * <code>mods/models_{provider}.yml</code> (an {@code apis:} entry), <code>codex/models_{provider}.toml</code> (a
 * <code>[model_providers.{id}]</code> table for codex 0.169, with {@code wire_api = "responses"}),
 * <code>codex/profiles/{profile}.config.toml</code> (one self-contained codex profile per model) and
 * <code>opencode/models_{provider}.json</code> (an OpenCode config with the provider, its key as <code>{env:VAR}</code>, and its
 * models' facts). Each file is valid on its own; none holds a key, only the name of the variable that does. The
 * files written are recorded with their SHA-256 in {@code .model-catalog-generated.json} in the configs folder,
 * which the clean goal reads.
 *
 * <p>Where the files go: {@code catalog.configsDirectory}, by default the {@code configs} folder inside the
 * catalog folder ({@code catalog.outputDirectory}, by default <code>${project.basedir}/models</code>, or
 * {@code ./models} without a POM). Configs are derived from the catalog and versioned with it, so they sit next
 * to it rather than under {@code target/}, which {@code mvn clean} removes; set {@code catalog.configsDirectory}
 * to put them elsewhere (for example <code>${project.build.directory}/configs</code> in a CI build).
 *
 * <p>Names the tools reserve are renamed with the suffix {@code -catalog}: codex's provider ids {@code openai},
 * {@code ollama}, {@code lmstudio}, {@code amazon-bedrock}; mods' API names {@code anthropic}, {@code google},
 * {@code cohere}, {@code ollama}, {@code azure}, {@code azure-ad}. Codex profile names depend on provider and
 * model alone (see the generate-configs guide), so they are stable from run to run and never shared.
 *
 * <p>Model facts come from each provider's own fields; what a provider does not say stays out, unless the
 * catalog holds LiteLLM's map ({@code models_litellm.json}), which then fills the gaps and is named in a comment.
 * Codex profiles that an earlier run wrote for a model that is gone, or now left out, are removed; files
 * the goal did not write are never touched. The run generates everything in memory first: a catalog file that does not parse fails the build with its
 * file, line and column, and nothing is written. A file whose content is unchanged is not rewritten, and a
 * rerun in which the catalog files, the settings and the generated files are as the last run left them (their
 * stamps, recorded in the cache folder) reads and writes nothing; {@code catalog.force} renders everything again. A catalog
 * folder without any API provider's file generates nothing and says so in a warning (usually the fetch had no key).
 *
 * <p>Using the files: aichat and mods each read one config file ({@code config.yaml}, {@code mods.yml}), so a
 * per-provider file does nothing where it lies. The {@code update-configs} goal merges the same entries into the
 * tools' own files (backed up first, your own entries and comments kept); by hand, copy the client of an aichat
 * file into the {@code clients:} list of {@code config.yaml}, and the API of a mods file under {@code apis:} in
 * {@code mods.yml}. A codex profile file is self-contained: copy it into the codex home and run
 * {@code codex --profile NAME}.
 *
 * <p>Codex provider tables say {@code wire_api = "responses"}: codex 0.169 talks to a provider through the OpenAI
 * Responses API only ({@code POST base_url/responses}). A provider that serves Chat Completions only
 * ({@code /chat/completions}) gets its files, but codex's requests to it fail (usually HTTP 404); use such a provider
 * through a gateway that offers the Responses API in front of it, or leave it out with {@code catalog.providers}.
 */
@Mojo(
        name = "generate-configs",
        defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
        requiresProject = false,
        threadSafe = true)
public class GenerateConfigsMojo extends AbstractCatalogMojo {

    /**
     * The catalog's layout, {@code legacy} or {@code structured}; detected from the folder when not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.layout")
    private String layout;

    /**
     * Where the tool configs are written; default: {@code configs} inside the catalog folder.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.configsDirectory")
    private File configsDirectory;

    /**
     * Comma list of tools: {@code aichat}, {@code codex}, {@code mods}, {@code opencode}; all when empty.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.tools")
    private String tools;

    /**
     * Comma list of globs on model ids ({@code *} any characters, {@code /} included; {@code ?} one); all when empty.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.include")
    private String include;

    /**
     * Comma list of globs on model ids to leave out.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.exclude")
    private String exclude;

    /**
     * Where the goal remembers what each provider's files were built from (as {@code fetch} keeps its responses), so
     * that a rerun renders only the providers whose catalog file, settings or generated files changed. Default: the plugin's own folder, {@code $XDG_CACHE_HOME/model-catalog} when that
     * variable is an absolute path, else {@code ~/.cache/model-catalog} ({@code ~} is {@code $HOME}, else
     * {@code user.home}); see <a href="../files.html">Files the plugin writes</a>.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.cacheDirectory")
    private File cacheDirectory;

    /**
     * A folder of user templates (FreeMarker) for any other tool: each <code>{name}.{ext}.ftl</code> renders per provider
     * into <code>{configsDirectory}/{name}/models_{provider}.{ext}</code>, or, when it starts with
     * <code>&lt;#ftl attributes={"render": "once"}&gt;</code>, once for all providers into <code>{name}/models.{ext}</code>. In
     * {@code .yaml}, {@code .json} and {@code .toml} templates every text is printed as a quoted literal of that
     * format; see the templates guide. A template error fails the build with its file, line and column, and nothing
     * is written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.templates")
    private File templates;

    /**
     * Ignores what earlier runs recorded: reads the whole catalog and renders every provider again (files whose
     * bytes are current are still not rewritten). Without it a rerun in which the catalog files, the settings and
     * the generated files are as the last run left them reads nothing and says so.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.force", defaultValue = "false")
    private boolean force;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.generate-configs.skip", defaultValue = "false")
    private boolean generateConfigsSkip;

    @Override
    protected String goalName() {
        return "generate-configs";
    }

    @Override
    protected boolean goalSkipped() {
        return generateConfigsSkip;
    }

    @Override
    protected void run() throws MojoExecutionException {
        File catalogDir = catalogFolder();
        LayoutWarning.check(catalogDir, getLog());
        File out = configsFolder(configsDirectory);
        Set<Tool> selectedTools = parseTools(tools);
        ProviderRegistry registry = registry();
        selectedProviders(registry);
        List<ToolWriter> writers = new ArrayList<>(Tool.writers(selectedTools));
        GenerateConfigsResult result;
        try {
            if (templates != null) {
                writers.addAll(new TemplateRenderer()
                        .writers(resolvePath(templates, "templates").toPath()));
            }
            getLog().info("Generating "
                    + String.join(", ", writers.stream().map(ToolWriter::id).toList()) + " configs from " + catalogDir
                    + " into " + out);
            CatalogQuery catalog = catalogQuery(registry)
                    .layout(layout(layout))
                    .filter(ModelIdFilter.of(commaList(include), commaList(exclude)))
                    .env(environment)
                    .build();
            result = new ConfigGenerator(cacheFolder(cacheDirectory).toPath())
                    .generate(new GenerateConfigsRequest(catalog, out.toPath(), writers, force));
        } catch (CatalogSelectionException e) {
            // no cause: Maven would append the core's own wording of the same finding
            throw new MojoExecutionException(MavenWords.of(e) + " (nothing was written)");
        } catch (GenerateConfigsException e) {
            throw new MojoExecutionException(MavenWords.of(e) + " (nothing was written)", e);
        } catch (TemplateFailure | DocumentParseException e) {
            throw new MojoExecutionException(e.getMessage() + " (nothing was written)", e);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Generating configs into " + out + " failed: " + MavenWords.of(e, "catalog.configsDirectory"), e);
        }
        if (!result.leftovers().isEmpty()) {
            getLog().info("Removed " + result.leftovers().size() + " temporary file(s) that an interrupted run left in "
                    + out + ": " + result.leftovers().get(0)
                    + (result.leftovers().size() > 1 ? ", ..." : ""));
        }
        if (result.generated().isEmpty()) {
            getLog().warn("No configs generated: the catalog folder " + catalogDir
                    + (result.skipped().isEmpty()
                            ? " holds no provider's models_<p>.json"
                            : " holds no API provider's models_<p>.json (only "
                                    + result.skipped().size() + " skipped, below)")
                    + ". Run the fetch goal with the providers' API keys set first, or point catalog.outputDirectory "
                    + "at the catalog folder");
        }
        TextTable.Column names = TextTable.Column.fitting(result.generated().stream()
                .map(GenerateConfigsResult.ProviderSummary::provider)
                .toList());
        for (GenerateConfigsResult.ProviderSummary s : result.generated()) {
            getLog().info(String.format(
                    "%s %6d models%s%s",
                    names.pad(s.provider()),
                    s.models(),
                    s.filtered() > 0 ? ", " + s.filtered() + " left out by include/exclude" : "",
                    s.fromLiteLlm() > 0 ? ", " + s.fromLiteLlm() + " completed from LiteLLM's map" : ""));
        }
        result.skipped().forEach(s -> getLog().info("skipped " + s));
        if (result.upToDate()) {
            getLog().info("Unchanged since the last run: the catalog files, the settings and the "
                    + result.unchanged().size() + " generated file(s) are as it left them, so nothing was read or"
                    + " written (-Dcatalog.force=true reads and renders everything again)");
        }
        getLog().info(result.written().size() + " file(s) written, "
                + result.unchanged().size() + " unchanged"
                + (result.removed().isEmpty()
                        ? ""
                        : ", " + result.removed().size()
                                + " codex profile(s) removed whose model is gone or left out"));
        getLog().info("Configs: " + out.toPath().normalize());
    }
}
