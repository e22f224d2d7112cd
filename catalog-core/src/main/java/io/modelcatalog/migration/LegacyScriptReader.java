package io.modelcatalog.migration;

import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the providers of a legacy {@code dump_models.py} from its two module-level blocks, as text: the script is
 * never run. {@code PROVIDER_CONFIG} holds lines {@code name, kind, api_key_env, url_env} (kinds {@code oai},
 * {@code ant}, {@code url}; an empty {@code api_key_env} for none) and {@code PROVIDER_URL_CONFIG} lines
 * {@code url_env, url} giving each variable's default. Blank lines and lines starting with {@code #} are
 * skipped.
 *
 * <p>Where the legacy tool silently skipped a line it could not read, or took an unknown kind for {@code oai},
 * this reader refuses the script with the line and what to fix: an import that guessed would carry the guess
 * into every later fetch.
 */
public final class LegacyScriptReader {

    static final String PROVIDERS = "PROVIDER_CONFIG";
    static final String URLS = "PROVIDER_URL_CONFIG";

    /** A module-level assignment to one of the two names (not {@code ==}, not indented). */
    private static final Pattern ASSIGNMENT =
            Pattern.compile("^(" + PROVIDERS + "|" + URLS + ")\\s*(?::[^=]*)?=(?!=)(.*)$");

    /** The start of a triple-quoted string literal, with an optional raw prefix. */
    private static final Pattern TRIPLE_QUOTED = Pattern.compile("^\\s*([rR]?)(\"\"\"|''')(.*)$");

    /** A {@code #} at the start of a field or after a blank: a comment the legacy tool would take for the value. */
    private static final Pattern INLINE_COMMENT = Pattern.compile("(^|\\s)#");

    private LegacyScriptReader() {}

    /** One line of a block's content, with its number in the script. */
    private record Line(int number, String text) {}

    /** One block: where it is assigned and its content lines. */
    private record Block(String name, int line, List<Line> content) {}

    /** A {@code PROVIDER_URL_CONFIG} entry. */
    private record UrlLine(int number, String variable, String url) {}

    /**
     * Reads the script's providers.
     *
     * @throws LegacyScriptException naming the script, the line and the remedy of the first problem
     */
    public static LegacyScript read(Path file) {
        List<String> lines = lines(file);
        Map<String, Block> blocks = blocks(file, lines);
        Map<String, UrlLine> urls = urlLines(file, blocks.get(URLS));
        Set<String> usedUrlVariables = new HashSet<>();
        List<ScriptNote> notes = new ArrayList<>();
        List<ScriptProvider> providers = new ArrayList<>();
        Map<String, Integer> lineOfName = new LinkedHashMap<>();
        for (Line line : blocks.get(PROVIDERS).content()) {
            List<String> fields = fields(file, line, PROVIDERS);
            if (fields == null) {
                continue;
            }
            if (fields.size() != 4) {
                throw LegacyScriptException.at(
                        file,
                        line.number(),
                        PROVIDERS + " line has " + fields.size() + " field" + (fields.size() == 1 ? "" : "s")
                                + ", expected 4: name, kind, api_key_env, url_env (an empty api_key_env for a "
                                + "provider without a key, e.g. 'litellm, url, , LITELLM_API_OPENAI')");
            }
            String name = fields.get(0);
            try {
                ProviderDefinition.validateName(name);
            } catch (IllegalArgumentException e) {
                throw LegacyScriptException.at(file, line.number(), e.getMessage());
            }
            Integer first = lineOfName.putIfAbsent(name, line.number());
            if (first != null) {
                throw LegacyScriptException.at(
                        file,
                        line.number(),
                        "provider '" + name + "' is defined a second time (first on line " + first
                                + "); keep one line");
            }
            ProviderKind kind = kind(file, line, name, fields.get(1));
            String apiKeyEnv = fields.get(2).isEmpty() ? null : fields.get(2);
            String urlEnv = fields.get(3);
            if (urlEnv.isEmpty()) {
                throw LegacyScriptException.at(
                        file,
                        line.number(),
                        "provider '" + name + "' has no url_env (the fourth field): name the variable of its base "
                                + "URL and give that variable a line in " + URLS);
            }
            UrlLine url = urls.get(urlEnv);
            if (url == null && apiKeyEnv != null && urls.containsKey(apiKeyEnv)) {
                // the legacy tool's atlascloud slip: the default URL keyed under the key variable
                url = urls.get(apiKeyEnv);
                notes.add(new ScriptNote(
                        url.number(),
                        apiKeyEnv + " is " + name + "'s key variable but holds a URL, as in the legacy tool's "
                                + "atlascloud entry; read as " + name + "'s default base URL (variable " + urlEnv
                                + ")"));
            }
            if (url == null) {
                throw LegacyScriptException.at(
                        file,
                        line.number(),
                        "provider '" + name + "': its url_env " + urlEnv + " has no line in " + URLS + "; add a line '"
                                + urlEnv + ", https://...' with its default base URL");
            }
            usedUrlVariables.add(url.variable());
            checkUrl(file, url, name);
            ProviderDefinition definition;
            try {
                definition = new ProviderDefinition(name, kind, apiKeyEnv, urlEnv, url.url(), null);
            } catch (IllegalArgumentException e) {
                throw LegacyScriptException.at(
                        file,
                        line.number(),
                        e.getMessage() + " (a " + PROVIDERS + " line is 'name, kind, api_key_env, url_env'; "
                                + "variable names are letters, digits and '_', not starting with a digit)");
            }
            providers.add(new ScriptProvider(line.number(), url.number(), definition));
        }
        if (providers.isEmpty()) {
            throw LegacyScriptException.at(
                    file,
                    blocks.get(PROVIDERS).line(),
                    PROVIDERS + " defines no provider; give it one line 'name, kind, api_key_env, url_env' per "
                            + "provider");
        }
        for (UrlLine url : urls.values()) {
            if (!usedUrlVariables.contains(url.variable())) {
                notes.add(new ScriptNote(
                        url.number(), url.variable() + " is the url_env of no provider in " + PROVIDERS + "; ignored"));
            }
        }
        notes.sort(Comparator.comparingInt(ScriptNote::line));
        return new LegacyScript(file, providers, notes);
    }

    /** The script's lines as UTF-8 text (Python's default source encoding), without line terminators. */
    private static List<String> lines(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LegacyScriptException(
                    file,
                    0,
                    LegacyScriptException.Reason.NOT_FOUND,
                    "no such file; give the path of your dump_models.py",
                    e);
        } catch (IOException e) {
            throw new LegacyScriptException(
                    file, 0, LegacyScriptException.Reason.UNREADABLE, "cannot read the script: " + e, e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new LegacyScriptException(
                    file,
                    0,
                    LegacyScriptException.Reason.UNREADABLE,
                    "not UTF-8 text; save the script as UTF-8, as Python reads it",
                    e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return lines;
    }

    /** Finds both blocks; each must be assigned once, as a triple-quoted string literal. */
    private static Map<String, Block> blocks(Path file, List<String> lines) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ASSIGNMENT.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            int number = i + 1;
            Block earlier = blocks.get(name);
            if (earlier != null) {
                throw LegacyScriptException.at(
                        file,
                        number,
                        name + " is assigned a second time (first on line " + earlier.line() + "); keep one block");
            }
            Block block = block(file, lines, i, name, m.group(2));
            blocks.put(name, block);
            // go on after the closing quotes
            i = block.content().get(block.content().size() - 1).number() - 1;
        }
        for (String name : List.of(URLS, PROVIDERS)) {
            if (!blocks.containsKey(name)) {
                throw LegacyScriptException.at(
                        file,
                        0,
                        "no " + name + " block: expected a line '" + name + " = \"\"\"' at the start of a line, the "
                                + (name.equals(PROVIDERS)
                                        ? "'name, kind, api_key_env, url_env' lines"
                                        : "'url_env, url' lines")
                                + ", and a closing '\"\"\"', as in the legacy dump_models.py");
            }
        }
        return blocks;
    }

    /** The content lines of the triple-quoted literal that starts in {@code rest} on line {@code index}. */
    private static Block block(Path file, List<String> lines, int index, String name, String rest) {
        int number = index + 1;
        Matcher m = TRIPLE_QUOTED.matcher(rest);
        if (!m.matches()) {
            throw LegacyScriptException.at(
                    file,
                    number,
                    name + " is not assigned a triple-quoted string; the import reads only a literal block, '" + name
                            + " = \"\"\"', one entry per line, then '\"\"\"'");
        }
        boolean raw = !m.group(1).isEmpty();
        String quote = m.group(2);
        List<Line> content = new ArrayList<>();
        String text = m.group(3);
        int lineIndex = index;
        while (true) {
            int close = text.indexOf(quote);
            String part = close < 0 ? text : text.substring(0, close);
            if (!raw && part.indexOf('\\') >= 0) {
                throw LegacyScriptException.at(
                        file,
                        lineIndex + 1,
                        "a backslash in " + name + "; the import does not interpret Python string escapes: "
                                + "write the value without it");
            }
            content.add(new Line(lineIndex + 1, part));
            if (close >= 0) {
                return new Block(name, number, content);
            }
            lineIndex++;
            if (lineIndex >= lines.size()) {
                throw LegacyScriptException.at(
                        file, number, name + "'s block is not closed: end it with " + quote + " on a line of its own");
            }
            text = lines.get(lineIndex);
        }
    }

    /** The URL lines by variable; a variable given twice is an error. */
    private static Map<String, UrlLine> urlLines(Path file, Block block) {
        Map<String, UrlLine> urls = new LinkedHashMap<>();
        for (Line line : block.content()) {
            List<String> fields = fields(file, line, URLS);
            if (fields == null) {
                continue;
            }
            if (fields.size() != 2) {
                throw LegacyScriptException.at(
                        file,
                        line.number(),
                        URLS + " line has " + fields.size() + " field" + (fields.size() == 1 ? "" : "s")
                                + ", expected 2: url_env, url (a URL holds no ',')");
            }
            UrlLine url = new UrlLine(line.number(), fields.get(0), fields.get(1));
            UrlLine first = urls.putIfAbsent(url.variable(), url);
            if (first != null) {
                throw LegacyScriptException.at(
                        file,
                        line.number(),
                        url.variable() + " is given a URL a second time (first on line " + first.number()
                                + "); keep one line");
            }
        }
        return urls;
    }

    /** The trimmed comma-separated fields of an entry line, or {@code null} for a blank or comment line. */
    private static List<String> fields(Path file, Line line, String block) {
        String text = line.text().strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        for (String field : text.split(",", -1)) {
            String value = field.strip();
            if (INLINE_COMMENT.matcher(value).find()) {
                throw LegacyScriptException.at(
                        file,
                        line.number(),
                        "a '#' comment after the values of a " + block + " line; the legacy tool reads it as part "
                                + "of the value: put the comment on a line of its own");
            }
            fields.add(value);
        }
        return fields;
    }

    private static ProviderKind kind(Path file, Line line, String name, String kind) {
        return switch (kind) {
            case "oai" -> ProviderKind.OPENAI;
            case "ant" -> ProviderKind.ANTHROPIC;
            case "url" -> ProviderKind.URL;
            default ->
                throw LegacyScriptException.at(
                        file,
                        line.number(),
                        "unknown kind '" + kind + "' for provider '" + name + "'; use oai (OpenAI-compatible), "
                                + "ant (Anthropic) or url (a JSON document fetched as is)");
        };
    }

    /**
     * The base-URL rule every configured provider meets (an absolute http(s) URL with a host), checked here so that
     * a bad URL is reported at its script line before anything is written.
     */
    private static void checkUrl(Path file, UrlLine url, String provider) {
        URI uri;
        try {
            uri = new URI(url.url());
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw LegacyScriptException.at(
                    file,
                    url.number(),
                    "the URL '" + url.url() + "' of " + url.variable() + " (provider '" + provider
                            + "') is not an absolute http(s) URL, e.g. https://api.example.com/v1");
        }
    }
}
