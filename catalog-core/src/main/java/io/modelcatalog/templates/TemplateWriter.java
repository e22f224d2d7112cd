package io.modelcatalog.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateHashModelEx;
import io.modelcatalog.toolconfigs.ProviderModels;
import io.modelcatalog.toolconfigs.ToolFile;
import io.modelcatalog.toolconfigs.ToolWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One user template as a {@link ToolWriter}: its folder is the template's name, its files
 * {@code models_<p>.<ext>} per provider or, for a template that renders once, {@code models.<ext>} for all.
 * Rendering is in memory; the output is parsed back as its format before it is returned.
 */
final class TemplateWriter implements ToolWriter {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final TomlMapper TOML = new TomlMapper();

    private final Path file;
    private final String name;
    private final String ext;
    private final Template template;
    private final boolean once;
    private final String fingerprint;

    /** @param fingerprint what the output depends on besides the models: the template and every file it may include */
    TemplateWriter(Path file, String name, String ext, Template template, boolean once, String fingerprint) {
        this.file = file;
        this.name = name;
        this.ext = ext;
        this.template = template;
        this.once = once;
        this.fingerprint = fingerprint;
    }

    @Override
    public Optional<String> fingerprint() {
        return Optional.of(fingerprint);
    }

    @Override
    public String id() {
        return name;
    }

    @Override
    public List<ToolFile> files(ProviderModels models) {
        if (once) {
            return List.of();
        }
        return List.of(new ToolFile(
                "models_" + models.provider() + "." + ext,
                render(TemplateData.perProvider(models), models.provider())));
    }

    @Override
    public List<ToolFile> sharedFiles(List<ProviderModels> providers) {
        if (!once) {
            return List.of();
        }
        return List.of(new ToolFile("models." + ext, render(TemplateData.allProviders(providers), null)));
    }

    private byte[] render(TemplateHashModelEx data, String provider) {
        Template t = template;
        StringWriter w = new StringWriter();
        try {
            t.process(data, w);
        } catch (TemplateException e) {
            throw new TemplateFailure(
                    file,
                    e.getLineNumber() == null ? 0 : e.getLineNumber(),
                    e.getColumnNumber() == null ? 0 : e.getColumnNumber(),
                    (provider == null ? "" : "rendering for provider " + provider + ": ") + describe(e));
        } catch (IOException e) {
            throw new TemplateFailure(file, 0, 0, "rendering failed: " + e.getMessage());
        }
        String text = w.toString();
        check(text, t, provider);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The output parses as what its format says: a last guard against a template that sidestepped the escaping. */
    private void check(String text, Template t, String provider) {
        ObjectMapper parser = switch (t.getOutputFormat().getName()) {
            case "YAML" -> YAML;
            case "JSON" -> JSON;
            case "TOML" -> TOML;
            default -> null;
        };
        if (parser == null) {
            return;
        }
        try {
            parser.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + " of the output";
            throw new TemplateFailure(
                    file,
                    0,
                    0,
                    "the output" + (provider == null ? "" : " for provider " + provider)
                            + " is not valid " + t.getOutputFormat().getName() + where + ": " + e.getOriginalMessage()
                            + " (a value printed with ?no_esc, or text around the literals, breaks the format)");
        }
    }

    /** FreeMarker's description of an error, without its stack of template frames and tips. */
    private static String describe(TemplateException e) {
        String m = e.getMessageWithoutStackTop();
        int tip = m.indexOf("\n\n----\nTip:");
        if (tip >= 0) {
            m = m.substring(0, tip);
        }
        int frames = m.indexOf("\n\n----");
        if (frames >= 0) {
            m = m.substring(0, frames);
        }
        return m.replace("\n\n", " ").replace('\n', ' ').trim();
    }
}
