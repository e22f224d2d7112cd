package io.modelcatalog.templates;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.core.ParseException;
import freemarker.core.TemplateConfiguration;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.template.Configuration;
import freemarker.template.Template;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.toolconfigs.ProviderModels;
import io.modelcatalog.toolconfigs.ToolFile;
import io.modelcatalog.toolconfigs.ToolWriter;
import io.modelcatalog.tools.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders a folder of user templates (FreeMarker, {@code <name>.<ext>.ftl}) into configs for any tool: per
 * provider into {@code <configs>/<name>/models_<p>.<ext>}, or, for a template that starts with
 * {@code <#ftl attributes={"render": "once"}>}, once for all providers into {@code <configs>/<name>/models.<ext>}.
 *
 * <p>Escaping follows the output's extension: in {@code .yaml}/{@code .yml}, {@code .json} and {@code .toml}
 * templates every interpolated text is a complete, quoted literal of that format, numbers and true/false facts are
 * bare literals; {@code yaml(x)}, {@code json(x)}, {@code toml(x)} give a value's literal in a named format anywhere,
 * and {@code ?no_esc} prints text unescaped. A template for any other extension must declare
 * {@code <#ftl output_format="raw">} (no escaping) or one of {@code YAML}, {@code JSON}, {@code TOML}: unescaped
 * output is asked for, never a default.
 *
 * <p>All templates are rendered in memory; a syntax error, a reference to a field that does not exist, a missing
 * fact used without a test, or output that does not parse as its format fails the whole run with the template's
 * file, line and column (and the provider), before anything is written. Stateless; one engine per call.
 */
public final class TemplateRenderer {

    /** The template file suffix (FreeMarker). */
    public static final String SUFFIX = ".ftl";

    private static final Pattern TEMPLATE_NAME = Pattern.compile("([A-Za-z0-9_][A-Za-z0-9._-]*)\\.([A-Za-z0-9]+)");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final TomlMapper TOML = new TomlMapper();

    /** One template file and its name parts. */
    private record Found(Path file, String name, String ext) {}

    /**
     * One {@link ToolWriter} per template of the folder, in file-name order, for {@code ConfigGenerator} to run
     * with the tools' own writers: a per-provider template gives {@code models_<p>.<ext>} for each provider, a
     * template that renders once gives {@code models.<ext>} from {@link ToolWriter#sharedFiles}. The templates are
     * read and parsed here; rendering happens in memory, when the generator asks.
     *
     * @param templatesDir the folder of templates (its sub-folders may hold files they include; those are not
     *                     rendered themselves)
     * @throws TemplateFailure a template that does not parse, is badly named or declares no escaping, naming its
     *                         file, line and column
     */
    public List<ToolWriter> writers(Path templatesDir) throws IOException {
        if (!Files.isDirectory(templatesDir)) {
            throw new TemplateFailure(
                    templatesDir, 0, 0, "the templates folder does not exist: create it or point the setting at one");
        }
        Configuration cfg = configuration(templatesDir);
        String folder = folderDigest(templatesDir);
        List<ToolWriter> writers = new ArrayList<>();
        for (Found f : find(templatesDir)) {
            Template template = load(cfg, f);
            String render = (String) template.getCustomAttribute("render");
            boolean once = "once".equals(render);
            if (render != null && !once && !"per-provider".equals(render)) {
                throw new TemplateFailure(
                        f.file(),
                        1,
                        1,
                        "attribute render is \"" + render
                                + "\": use \"once\" (one file for all providers) or \"per-provider\" (the default)");
            }
            writers.add(new TemplateWriter(
                    f.file(),
                    f.name(),
                    f.ext(),
                    template,
                    once,
                    "template " + f.file().getFileName() + " " + once + " folder " + folder));
        }
        return List.copyOf(writers);
    }

    /**
     * Every output file of every template, rendered for {@code providers}: what {@link #writers} give, placed in
     * {@code configsDir}.
     *
     * @return output path to bytes, in path order
     * @throws TemplateFailure naming the template, line, column and provider
     */
    public Map<Path, byte[]> render(Path templatesDir, List<ProviderModels> providers, Path configsDir)
            throws IOException {
        Map<Path, byte[]> out = new TreeMap<>();
        for (ToolWriter w : writers(templatesDir)) {
            List<ToolFile> files = new ArrayList<>(w.sharedFiles(providers));
            for (ProviderModels p : providers) {
                files.addAll(w.files(p));
            }
            for (ToolFile f : files) {
                out.put(configsDir.resolve(w.folder()).resolve(f.path()), f.bytes());
            }
        }
        return out;
    }

    /**
     * The SHA-256 of every file under the templates folder (its path inside and its bytes, in path order): what a
     * template's output depends on besides the models, since it may include any of them.
     */
    private static String folderDigest(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        StringBuilder d = new StringBuilder();
        for (Path f : files) {
            d.append(dir.relativize(f)).append(' ').append(Sha256.of(f)).append('\n');
        }
        return Sha256.of(d.toString());
    }

    private static List<Found> find(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        }
        List<Found> found = new ArrayList<>();
        for (Path f : files) {
            String base = f.getFileName().toString();
            base = base.substring(0, base.length() - SUFFIX.length());
            Matcher m = TEMPLATE_NAME.matcher(base);
            if (!m.matches()) {
                throw new TemplateFailure(
                        f,
                        0,
                        0,
                        "a template is named <name>.<ext>" + SUFFIX
                                + " (letters, digits, '.', '_', '-'), e.g. litellm.yaml" + SUFFIX
                                + ": <name> is its folder in the configs folder, <ext> its outputs' extension");
            }
            String name = m.group(1);
            for (Tool t : Tool.values()) {
                if (t.id().equalsIgnoreCase(name)) {
                    throw new TemplateFailure(
                            f,
                            0,
                            0,
                            "the name '" + name + "' is the folder of the built-in " + t.id()
                                    + " configs: give the template another name");
                }
            }
            found.add(new Found(f, name, m.group(2)));
        }
        return found;
    }

    private static Template load(Configuration cfg, Found f) throws IOException {
        Template t;
        try {
            t = cfg.getTemplate(f.file().getFileName().toString());
        } catch (ParseException e) {
            throw new TemplateFailure(
                    f.file(), e.getLineNumber(), e.getColumnNumber(), "syntax error: " + e.getEditorMessage());
        }
        if (t.getOutputFormat() instanceof Literals.UndeclaredFormat) {
            throw new TemplateFailure(
                    f.file(),
                    1,
                    1,
                    "no escaping is known for ." + f.ext() + " outputs: start the"
                            + " template with <#ftl output_format=\"raw\"> to write values unescaped (yaml(x), json(x) and"
                            + " toml(x) still quote where needed), or with output_format=\"YAML\", \"JSON\" or \"TOML\"");
        }
        return t;
    }

    private static Configuration configuration(Path dir) throws IOException {
        Configuration cfg = StrictFreemarker.configuration();
        cfg.setTemplateLoader(new FileTemplateLoader(dir.toFile()));
        cfg.setCustomNumberFormats(
                Map.<String, TemplateNumberFormatFactory>of("literal", Literals.NumberLiteralFactory.INSTANCE));
        cfg.setNumberFormat("@literal");
        cfg.setBooleanFormat("c");
        Literals.Format yaml = new Literals.Format(Literals.Syntax.YAML);
        Literals.Format json = new Literals.Format(Literals.Syntax.JSON);
        Literals.Format toml = new Literals.Format(Literals.Syntax.TOML);
        cfg.setRegisteredCustomOutputFormats(List.of(yaml, json, toml, Literals.RawFormat.INSTANCE));
        cfg.setOutputFormat(Literals.UndeclaredFormat.INSTANCE);
        cfg.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                        byExtension("*.yaml" + SUFFIX, yaml),
                        byExtension("*.yml" + SUFFIX, yaml),
                        byExtension("*.json" + SUFFIX, json),
                        byExtension("*.toml" + SUFFIX, toml))
                .allowNoMatch(true));
        return cfg;
    }

    private static ConditionalTemplateConfigurationFactory byExtension(
            String glob, freemarker.core.OutputFormat format) {
        TemplateConfiguration tc = new TemplateConfiguration();
        tc.setOutputFormat(format);
        return new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher(glob).caseInsensitive(true), tc);
    }
}
