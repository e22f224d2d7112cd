package io.modelcatalog.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.UrlCredentials;
import io.modelcatalog.text.Plural;
import io.modelcatalog.text.TextTable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@link ProviderOverview} as text: an aligned table ({@link #table()}) with notes and a summary, or a detailed
 * block per provider ({@link #detail(String)}). No text produced here contains a key, a header value or a password
 * in a URL.
 */
public final class ProviderOverviewText {

    private final ProviderOverview overview;
    private final List<ProviderStatus> statuses;
    private final Path folder;

    public ProviderOverviewText(ProviderOverview overview) {
        this.overview = overview;
        this.statuses = overview.statuses();
        this.folder = overview.folder();
    }

    /** The widest a table line may be: a terminal's or a CI log's line, without wrapping. */
    public static final int TABLE_WIDTH = 120;

    /** The narrowest the host column gets when the table must shrink to {@link #TABLE_WIDTH}. */
    private static final int MIN_HOST_WIDTH = 12;

    private static final String[] HEADER = {"PROVIDER", "KIND", "HOST", "KEY", "LAST RUN", "MODELS", "FILES"};

    private static final int HOST = 2;

    private static final int MODELS = 5;

    /**
     * The aligned table: a header line, then one line per provider, in registry order, at most
     * {@link #TABLE_WIDTH} columns wide (a long host is shortened). Base URLs in full, key sources and errors are
     * in {@link #detail(String)}.
     */
    public List<String> table() {
        TextTable table = TextTable.withHeader(HEADER).alignRight(MODELS);
        for (ProviderStatus s : statuses) {
            table.row(
                    s.name() + (s.origin() == ProviderStatus.Origin.BUILT_IN ? "" : " *"),
                    s.provider().kind().id(),
                    host(s.endpoint().baseUrl()) + (s.baseUrlFromEnv() ? " (env)" : ""),
                    keyCell(s.key()),
                    lastRunCell(s.history()),
                    s.models().isPresent()
                            ? Integer.toString(s.models().getAsInt())
                            : (s.problem().isPresent() ? "?" : "-"),
                    filesCell(s.files()));
        }
        return table.lines(TABLE_WIDTH, HOST, MIN_HOST_WIDTH);
    }

    /** The host (and port) of a URL, or the URL masked when it has none. */
    private static String host(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() != null) {
                return uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
            }
        } catch (URISyntaxException e) {
            // shown as it is, masked
        }
        return safeUrl(url);
    }

    /** The three files' total size, and which of them exist when not all do. */
    private static String filesCell(ProviderStatus.FileSizes files) {
        if (!files.any()) {
            return "-";
        }
        List<String> present = new ArrayList<>();
        files.json().ifPresent(x -> present.add("json"));
        files.txt().ifPresent(x -> present.add("txt"));
        files.toml().ifPresent(x -> present.add("toml"));
        return humanSize(files.total()) + (present.size() == 3 ? "" : " (" + String.join(", ", present) + " only)");
    }

    /**
     * Notes under the table: what {@code *} means, unknown names in the history and in the folder. An unreadable
     * history is not among them: it is {@link ProviderOverview#historyProblem()}, for a warning.
     */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        if (statuses.stream().anyMatch(s -> s.origin() != ProviderStatus.Origin.BUILT_IN)) {
            out.add("* configured in " + String.join(" or ", overview.configuredIn()));
        }
        if (!overview.unknownInHistory().isEmpty()) {
            out.add("failed_models.json also names providers not in the registry: "
                    + String.join(", ", overview.unknownInHistory()));
        }
        if (!overview.unknownFiles().isEmpty()) {
            out.add("files of no registered provider: " + String.join(", ", overview.unknownFiles()));
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
        return Plural.of(statuses.size(), "provider") + (configured > 0 ? " (" + configured + " configured)" : "")
                + "; "
                + withFiles + " with files in " + folder + ": " + Plural.of(models, "model") + ", " + humanSize(bytes)
                + "; keys set for " + keySet + " of the " + needKey + " that need one; failed_models.json: "
                + failed + " failed, " + ok + " recovered";
    }

    /** The detailed block of one provider. */
    public List<String> detail(String name) {
        ProviderStatus s = overview.status(name).orElseThrow(() -> new IllegalArgumentException("no provider " + name));
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
            // an entry an older run wrote may quote a URL with its password: masked here too
            text(h, "error").filter(e -> !e.isEmpty()).map(UrlCredentials::mask).ifPresent(e -> {
                String[] lines = e.split("\n");
                row(out, isFailed(s.history()) ? "error" : "earlier error", lines[0]);
                for (int i = 1; i < lines.length; i++) {
                    row(out, "", lines[i]);
                }
            });
            text(h, "last_success").ifPresent(t -> row(out, "last success", t));
        }
        List<String> files = new ArrayList<>();
        CatalogLayout layout = overview.layout();
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
        out.add("  " + TextTable.pad(label, 13, false) + " " + value);
    }

    private static Optional<String> text(JsonNode entry, String field) {
        JsonNode v = entry.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.isTextual() ? v.asText() : v.toString());
    }

    private static boolean isFailed(Optional<JsonNode> history) {
        return history.map(h -> h.path("failed").asBoolean(false)).orElse(false);
    }

    /** {@code set (env)}, {@code set (settings.xml)}: the kind of source only; the detail names it. */
    private static String keyCell(ProviderStatus.KeyStatus key) {
        if (!key.needed()) {
            return "not needed";
        }
        if (key.isSet()) {
            String source = key.source().get();
            int space = source.indexOf(' ');
            return "set (" + (space > 0 ? source.substring(0, space) : source) + ")";
        }
        return key.sources().isEmpty() ? "no source" : "not set";
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

    /** {@code ok 2025-09-08} or {@code failed 2025-09-08}: the day of the last success or attempt. */
    private static String lastRunCell(Optional<JsonNode> history) {
        if (history.isEmpty()) {
            return "-";
        }
        JsonNode h = history.get();
        if (isFailed(history)) {
            return "failed "
                    + text(h, "last_attempt").map(ProviderOverviewText::day).orElse("");
        }
        return "ok " + text(h, "last_success").map(ProviderOverviewText::day).orElse("");
    }

    /** The day of an ISO time ({@code last_attempt}) or an HTTP date ({@code last_success}); else the text. */
    private static String day(String time) {
        if (time.length() >= 10 && time.charAt(4) == '-' && time.charAt(7) == '-') {
            return time.substring(0, 10);
        }
        try {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(
                    ZonedDateTime.parse(time.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            return time;
        }
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
        return UrlCredentials.mask(url);
    }
}
