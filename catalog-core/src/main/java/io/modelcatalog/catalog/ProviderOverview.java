package io.modelcatalog.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.providers.ApiKey;
import io.modelcatalog.providers.CredentialLookup;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderEndpoint;
import io.modelcatalog.providers.ProviderLayer;
import io.modelcatalog.providers.ProviderOrigin;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every provider of a registry with its key status, last run and files in a catalog folder: what the legacy
 * tooling showed as {@code providers list}, {@code providers show} and {@code stats}. Read once, then rendered
 * as an aligned table ({@link #table()}) or a detailed block per provider ({@link #detail(String)}).
 *
 * <p>Keys are looked up only to say whether one is set and where it comes from; no text produced here contains
 * a key, a header value or a password in a URL.
 */
public final class ProviderOverview {

    private static final Pattern MODEL_FILE = Pattern.compile("models_([A-Za-z0-9._-]+)\\.(json|txt|toml)");
    private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)[^/@?#]+@");
    /** Query parameters that carry credentials in some APIs ({@code ?key=}, {@code ?api_key=}, {@code ?token=}). */
    private static final Pattern URL_SECRET_PARAM =
            Pattern.compile("(?i)([?&][^=&#]*(?:key|token|secret|password|sig)[^=&#]*=)[^&#]*");

    private final Path folder;
    private final List<ProviderStatus> statuses;
    private final List<String> unknownInHistory;
    private final List<String> unknownFiles;
    private final Optional<String> historyProblem;
    private final CatalogLayout layout;
    private final List<String> configuredIn;

    private ProviderOverview(
            Path folder,
            CatalogLayout layout,
            List<String> configuredIn,
            List<ProviderStatus> statuses,
            List<String> unknownInHistory,
            List<String> unknownFiles,
            Optional<String> historyProblem) {
        this.folder = folder;
        this.layout = layout;
        this.configuredIn = List.copyOf(configuredIn);
        this.statuses = List.copyOf(statuses);
        this.unknownInHistory = List.copyOf(unknownInHistory);
        this.unknownFiles = List.copyOf(unknownFiles);
        this.historyProblem = historyProblem;
    }

    /**
     * Reads the overview.
     *
     * @param registry          the providers in force (built-in, file, POM)
     * @param folder            the catalog folder, either layout; it need not exist
     * @param env               the environment, for base URL overrides
     * @param credentials       the key lookup in force (environment, then whatever the caller chains in)
     * @param otherKeySource    for a provider, where else its key would be looked for after its environment
     *                          variable ({@code settings.xml server catalog-<p>}); empty when nowhere
     * @throws IOException when the folder cannot be listed or a file cannot be read
     */
    public static ProviderOverview read(
            ProviderRegistry registry,
            Path folder,
            EnvironmentLookup env,
            CredentialLookup credentials,
            Function<ProviderDefinition, Optional<String>> otherKeySource)
            throws IOException {
        CatalogFolder catalog = CatalogFolder.detect(folder);
        Path historyFile = folder.resolve(CatalogLayout.FAILED_MODELS);
        FailedModels history;
        List<String> historyNames = new ArrayList<>();
        Optional<String> historyProblem = Optional.empty();
        try {
            history = FailedModels.read(historyFile);
            if (!history.isEmpty()) {
                JsonDocuments.parse(Files.readAllBytes(historyFile), historyFile.toString())
                        .fieldNames()
                        .forEachRemaining(historyNames::add);
            }
        } catch (DocumentParseException e) {
            // a view should still show what it can: the problem is reported under the table
            history = FailedModels.empty();
            historyProblem = Optional.of(e.getMessage());
        }
        List<ProviderStatus> statuses = new ArrayList<>();
        for (ProviderDefinition p : registry.all()) {
            ProviderOrigin from = registry.origin(p.name()).orElseThrow();
            ProviderStatus.Origin origin = from.builtIn()
                    ? ProviderStatus.Origin.BUILT_IN
                    : from.replacesBuiltIn()
                            ? ProviderStatus.Origin.REPLACES_BUILT_IN
                            : ProviderStatus.Origin.CONFIGURED;
            ProviderEndpoint endpoint = ProviderEndpoint.resolve(p, env);
            boolean fromEnv = p.baseUrlEnv() != null && env.get(p.baseUrlEnv()).isPresent();
            statuses.add(fileStatus(
                    catalog,
                    p,
                    origin,
                    endpoint,
                    fromEnv,
                    keyStatus(p, credentials, otherKeySource),
                    history.entry(p.name())));
        }
        List<String> unknownInHistory = new ArrayList<>();
        for (String name : historyNames) {
            if (!registry.contains(name)) {
                unknownInHistory.add(name);
            }
        }
        List<String> configuredIn = registry.layers().stream()
                .filter(l -> !l.builtIn()
                        && l.providers().stream()
                                .anyMatch(p ->
                                        registry.origin(p.name()).orElseThrow().layer() == l))
                .map(ProviderLayer::source)
                .toList();
        return new ProviderOverview(
                folder,
                catalog.layout(),
                configuredIn,
                statuses,
                unknownInHistory,
                unknownFiles(catalog, registry),
                historyProblem);
    }

    private static ProviderStatus.KeyStatus keyStatus(
            ProviderDefinition p,
            CredentialLookup credentials,
            Function<ProviderDefinition, Optional<String>> otherKeySource) {
        if (!p.kind().needsKey()) {
            return new ProviderStatus.KeyStatus(false, Optional.empty(), List.of());
        }
        List<String> sources = new ArrayList<>();
        if (p.apiKeyEnv() != null) {
            sources.add("env " + p.apiKeyEnv());
        }
        otherKeySource.apply(p).ifPresent(sources::add);
        Optional<String> source = credentials.find(p).map(ApiKey::source);
        return new ProviderStatus.KeyStatus(true, source, List.copyOf(sources));
    }

    private static ProviderStatus fileStatus(
            CatalogFolder catalog,
            ProviderDefinition p,
            ProviderStatus.Origin origin,
            ProviderEndpoint endpoint,
            boolean fromEnv,
            ProviderStatus.KeyStatus key,
            Optional<JsonNode> entry)
            throws IOException {
        CatalogLayout layout = catalog.layout();
        Path root = catalog.root();
        Path json = layout.json(root, p.name());
        Path txt = layout.txt(root, p.name());
        ProviderStatus.FileSizes sizes =
                new ProviderStatus.FileSizes(size(json), size(txt), size(layout.toml(root, p.name())));
        OptionalInt models = OptionalInt.empty();
        Optional<String> problem = Optional.empty();
        if (sizes.json().isPresent()) {
            try {
                models = OptionalInt.of(ModelList.of(JsonDocuments.parse(Files.readAllBytes(json), json.toString()))
                        .ids()
                        .size());
            } catch (DocumentParseException e) {
                problem = Optional.of(e.getMessage());
            }
        } else if (sizes.txt().isPresent()) {
            // one id per line; a final newline (which the legacy tool did not write) ends the last line
            String text = Files.readString(txt, StandardCharsets.UTF_8);
            models = OptionalInt.of(text.isEmpty() ? 0 : text.split("\n").length);
        }
        return new ProviderStatus(p, origin, endpoint, fromEnv, key, entry, sizes, models, problem);
    }

    private static OptionalLong size(Path file) throws IOException {
        return Files.isRegularFile(file) ? OptionalLong.of(Files.size(file)) : OptionalLong.empty();
    }

    /** Names of {@code models_<name>.*} files that belong to no provider of the registry, sorted. */
    private static List<String> unknownFiles(CatalogFolder catalog, ProviderRegistry registry) throws IOException {
        Set<String> names = new TreeSet<>();
        List<Path> dirs = catalog.layout() == CatalogLayout.LEGACY
                ? List.of(catalog.root())
                : List.of(
                        catalog.root().resolve("json"),
                        catalog.root().resolve("txt"),
                        catalog.root().resolve("toml"));
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "models_*")) {
                for (Path f : ds) {
                    Matcher m = MODEL_FILE.matcher(f.getFileName().toString());
                    if (m.matches() && !registry.contains(m.group(1))) {
                        names.add(f.getFileName().toString());
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }

    public Path folder() {
        return folder;
    }

    public List<ProviderStatus> statuses() {
        return statuses;
    }

    public Optional<ProviderStatus> status(String name) {
        return statuses.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Providers that {@code failed_models.json} names but the registry does not have. */
    public List<String> unknownInHistory() {
        return unknownInHistory;
    }

    /** {@code models_*} files of the folder that belong to no registered provider (hand-made extras, leftovers). */
    public List<String> unknownFiles() {
        return unknownFiles;
    }

    /** Why {@code failed_models.json} could not be read, if it could not (file, line and column). */
    public Optional<String> historyProblem() {
        return historyProblem;
    }

    // ---- rendering ----

    private static final String[] HEADER = {
        "PROVIDER", "KIND", "BASE URL", "KEY", "LAST RUN", "MODELS", "JSON", "TXT", "TOML"
    };

    /** The aligned table: a header line, then one line per provider, in registry order. */
    public List<String> table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ProviderStatus s : statuses) {
            rows.add(new String[] {
                s.name() + (s.origin() == ProviderStatus.Origin.BUILT_IN ? "" : " *"),
                s.provider().kind().id(),
                safeUrl(s.endpoint().baseUrl()) + (s.baseUrlFromEnv() ? " (env)" : ""),
                keyCell(s.key()),
                lastRunCell(s.history()),
                s.models().isPresent()
                        ? Integer.toString(s.models().getAsInt())
                        : (s.problem().isPresent() ? "?" : "-"),
                sizeCell(s.files().json()),
                sizeCell(s.files().txt()),
                sizeCell(s.files().toml())
            });
        }
        int[] width = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean right = i >= 5; // numbers and sizes
                String cell = right ? pad(row[i], width[i], true) : pad(row[i], width[i], false);
                sb.append(i == 0 ? "" : "  ").append(cell);
            }
            lines.add(stripTrailing(sb.toString()));
        }
        return lines;
    }

    /** Notes under the table: what {@code *} means, unknown names in the history and in the folder. */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        if (statuses.stream().anyMatch(s -> s.origin() != ProviderStatus.Origin.BUILT_IN)) {
            out.add("* configured in " + String.join(" or ", configuredIn));
        }
        historyProblem.ifPresent(p -> out.add("failed_models.json could not be read: " + p));
        if (!unknownInHistory.isEmpty()) {
            out.add("failed_models.json also names providers not in the registry: "
                    + String.join(", ", unknownInHistory));
        }
        if (!unknownFiles.isEmpty()) {
            out.add("files of no registered provider: " + String.join(", ", unknownFiles));
        }
        return out;
    }

    /** One line of totals. */
    public String summary() {
        long configured = statuses.stream()
                .filter(s -> s.origin() != ProviderStatus.Origin.BUILT_IN)
                .count();
        long withFiles = statuses.stream().filter(s -> s.files().any()).count();
        long models = statuses.stream().mapToLong(s -> s.models().orElse(0)).sum();
        long bytes = statuses.stream().mapToLong(s -> s.files().total()).sum();
        long needKey = statuses.stream().filter(s -> s.key().needed()).count();
        long keySet = statuses.stream().filter(s -> s.key().isSet()).count();
        long failed = statuses.stream().filter(s -> isFailed(s.history())).count();
        long ok = statuses.stream()
                .filter(s -> s.history().isPresent() && !isFailed(s.history()))
                .count();
        return statuses.size() + " providers" + (configured > 0 ? " (" + configured + " configured)" : "") + "; "
                + withFiles + " with files in " + folder + ": " + models + " models, " + humanSize(bytes)
                + "; keys set for " + keySet + " of the " + needKey + " that need one; failed_models.json: "
                + failed + " failed, " + ok + " recovered";
    }

    /** The detailed block of one provider. */
    public List<String> detail(String name) {
        ProviderStatus s = status(name).orElseThrow(() -> new IllegalArgumentException("no provider " + name));
        ProviderDefinition p = s.provider();
        List<String> out = new ArrayList<>();
        out.add("Provider " + p.name() + " (" + s.origin().label() + ")");
        row(out, "kind", p.kind().id());
        String base = safeUrl(s.endpoint().baseUrl());
        if (p.baseUrlEnv() == null) {
            row(out, "base URL", base);
        } else if (s.baseUrlFromEnv()) {
            row(out, "base URL", base + " (from env " + p.baseUrlEnv() + "; default " + safeUrl(p.baseUrl()) + ")");
        } else {
            row(out, "base URL", base + " (default; env " + p.baseUrlEnv() + " overrides it)");
        }
        row(out, "models URL", safeUrl(s.endpoint().modelsUrl()));
        row(out, "key", keyDetail(s.key()));
        if (!p.headers().isEmpty()) {
            row(out, "headers", String.join(", ", p.headers().keySet()) + " (values not shown)");
        }
        if (s.history().isEmpty()) {
            row(
                    out,
                    "last run",
                    "no entry in failed_models.json (the legacy file records failures and the "
                            + "successes that follow them)");
        } else {
            JsonNode h = s.history().get();
            row(out, "last run", isFailed(s.history()) ? "FAILED" : "ok");
            text(h, "last_attempt").ifPresent(t -> row(out, "last attempt", t));
            text(h, "error").filter(e -> !e.isEmpty()).ifPresent(e -> {
                String[] lines = e.split("\n");
                row(out, isFailed(s.history()) ? "error" : "earlier error", lines[0]);
                for (int i = 1; i < lines.length; i++) {
                    row(out, "", lines[i]);
                }
            });
            text(h, "last_success").ifPresent(t -> row(out, "last success", t));
        }
        List<String> files = new ArrayList<>();
        addFile(files, layout.json(folder, p.name()), s.files().json());
        addFile(files, layout.txt(folder, p.name()), s.files().txt());
        addFile(files, layout.toml(folder, p.name()), s.files().toml());
        row(out, "files", files.isEmpty() ? "none in " + folder : String.join(", ", files));
        if (s.models().isPresent()) {
            row(
                    out,
                    "models",
                    Integer.toString(s.models().getAsInt())
                            + (s.files().json().isEmpty() ? " (counted in the txt: no json)" : ""));
        }
        s.problem().ifPresent(pr -> row(out, "problem", pr));
        return out;
    }

    private void addFile(List<String> files, Path file, OptionalLong size) {
        if (size.isPresent()) {
            files.add(folder.relativize(file).toString().replace('\\', '/') + " " + humanSize(size.getAsLong()));
        }
    }

    private static void row(List<String> out, String label, String value) {
        out.add("  " + pad(label, 13, false) + " " + value);
    }

    private static Optional<String> text(JsonNode entry, String field) {
        JsonNode v = entry.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.isTextual() ? v.asText() : v.toString());
    }

    private static boolean isFailed(Optional<JsonNode> history) {
        return history.map(h -> h.path("failed").asBoolean(false)).orElse(false);
    }

    private static String keyCell(ProviderStatus.KeyStatus key) {
        if (!key.needed()) {
            return "not needed";
        }
        if (key.isSet()) {
            return "set (" + key.source().get() + ")";
        }
        return key.sources().isEmpty() ? "no source" : "not set (" + String.join(" or ", key.sources()) + ")";
    }

    private static String keyDetail(ProviderStatus.KeyStatus key) {
        if (!key.needed()) {
            return "not needed (the document is fetched without authentication)";
        }
        if (key.isSet()) {
            return "set, from " + key.source().get() + " (looked up in order: " + String.join(", ", key.sources())
                    + ")";
        }
        return key.sources().isEmpty()
                ? "not set, and this provider names no variable: configure apiKeyEnv"
                : "not set; set " + String.join(" or ", key.sources()) + " (the provider is skipped without a key)";
    }

    private static String lastRunCell(Optional<JsonNode> history) {
        if (history.isEmpty()) {
            return "-";
        }
        JsonNode h = history.get();
        if (isFailed(history)) {
            return "failed " + text(h, "last_attempt").orElse("");
        }
        return "ok " + text(h, "last_success").orElse("");
    }

    private static String sizeCell(OptionalLong size) {
        return size.isPresent() ? humanSize(size.getAsLong()) : "-";
    }

    /** Bytes as {@code 512 B}, {@code 12.0 KiB}, {@code 1.9 MiB}. */
    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /**
     * A URL without credentials: {@code https://user:secret@host/} shows as {@code https://***@host/}, and
     * {@code ?key=abc} as {@code ?key=***}.
     */
    static String safeUrl(String url) {
        String noUser = URL_USER_INFO.matcher(url).replaceFirst("***@");
        return URL_SECRET_PARAM.matcher(noUser).replaceAll("$1***");
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
