package io.modelcatalog.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.facts.ModelKind;
import io.modelcatalog.text.ClosestNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every listing of a catalog in exactly one {@link Family}. Immutable and thread-safe once built.
 *
 * <p>How a listing finds its family:
 * <ol>
 *   <li>Metadata that names the weights outranks the id: OpenRouter's {@code hugging_face_id}, Friendli's
 *       {@code hugging_face_url}, Together's {@code link} to a Hugging Face repository, a vLLM {@code root}
 *       naming a repository, and the ids of providers whose ids are repositories (Hugging Face, Featherless). It
 *       is taken only when every word of the listing's own id is in it: a link to another model ({@code FLUX.1.1-pro}
 *       linked to {@code FLUX.1-schnell}) or to the model a fine-tune came from is left out.</li>
 *   <li>Otherwise the id's own {@link ModelName}: two listings join when their names have the same words in the
 *       same order, the same kind (instruct, base) and orgs that are one maker's ({@code deepseek} and
 *       {@code deepseek-ai}). An id without an org and without a kind word ({@code llama-3.3-70b}) joins the
 *       instruct family of its words if there is one, else the one that says no kind.</li>
 *   <li>Serving-tier words ({@code turbo}, {@code fast}, ...) are set aside only for weights known to be open (some
 *       listing of them is backed by a repository): {@code gpt-4-turbo} is not {@code gpt-4}. {@code free} is
 *       always a tier.</li>
 *   <li>Among several orgs with the same name (a re-upload), an id without an org joins the one served by the most
 *       providers, and none when two tie.</li>
 *   <li>A tier word right after a version number ({@code DeepSeek-R1-Turbo}) is a tier only of a chat model, or of
 *       a model of unknown kind whose provider ends {@value #TIER_USE} or more other ids with that word as a tier,
 *       and only when the weights without it are open and those with it are not known to be.</li>
 *   <li>A version written as two digits run together ({@code llama-33}, {@code glm-45}) is read as the version it
 *       abbreviates when weights of that version are known to be open.</li>
 * </ol>
 */
public final class FamilyIndex {

    /** Providers whose model ids are Hugging Face repository ids. */
    static final Set<String> REPOSITORY_PROVIDERS = Set.of("huggingface", "featherless");

    /** Metadata fields that name the weights, in the order they are trusted. */
    static final List<String> WEIGHT_FIELDS = List.of("hugging_face_id", "hugging_face_url", "link", "root");

    private static final Pattern HF_URL =
            Pattern.compile("^https?://huggingface\\.co/(?:api/models/)?([A-Za-z0-9][\\w.-]*/[\\w.-]+)/?$");
    private static final Pattern REPO = Pattern.compile("^[A-Za-z0-9][\\w.-]*/[\\w.-]+$");
    private static final Pattern ORG_PIECE = Pattern.compile("[-_.]");
    private static final Pattern MAKER_IN_NAME = Pattern.compile("^([^:]{2,40}):\\s");

    private final List<Family> families;
    private final Map<String, Family> byMember;
    private final Map<String, Family> byId;
    private final Map<String, String> aliases;

    private FamilyIndex(List<Family> families, Map<String, String> aliases) {
        this.families = List.copyOf(families);
        this.aliases = Map.copyOf(aliases);
        Map<String, Family> members = new HashMap<>();
        Map<String, Family> ids = new HashMap<>();
        for (Family f : families) {
            ids.put(f.id(), f);
            for (Member m : f.members()) {
                members.put(m.qualifiedId(), f);
            }
        }
        this.byMember = Collections.unmodifiableMap(members);
        this.byId = Collections.unmodifiableMap(ids);
    }

    /** Every family, sorted by id. */
    public List<Family> families() {
        return families;
    }

    /** The family of a provider's listing. */
    public Optional<Family> familyOf(String provider, String id) {
        return Optional.ofNullable(byMember.get(provider + "/" + id));
    }

    /** A provider's listing as a member of its family. */
    public Optional<Member> member(String provider, String id) {
        return familyOf(provider, id)
                .flatMap(f -> f.members().stream()
                        .filter(m -> m.provider().equals(provider) && m.id().equals(id))
                        .findFirst());
    }

    /** The family with this canonical id. */
    public Optional<Family> family(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The providers file's aliases, checked against this index: short name to what it names. */
    public Map<String, String> aliases() {
        return aliases;
    }

    /** How many listings the index holds. */
    public int listingCount() {
        return byMember.size();
    }

    /** One listing as the rules read it. */
    private record Reading(Listing listing, ModelName name, String ref, String refField) {

        String org() {
            if (name.org() != null) {
                return ModelName.compact(name.org());
            }
            return name.makerWord();
        }
    }

    /** Builds the index; listings are taken in any order, the result does not depend on it. */
    public static FamilyIndex build(List<Listing> listings) {
        return build(listings, FamilyOverrides.none());
    }

    /**
     * Builds the index, then applies a user's corrections: a joined member leaves its family for the one named (its
     * {@code joinedBy} says {@code override (FILE:LINE)}), a split member becomes a family of its own; families keep
     * the ids the rules gave them. Aliases are checked against the result.
     *
     * @throws FamilyOverrideException naming the file, line and column of an override that names a provider, model
     *     or family the catalog does not have, or an alias that clashes with a family id or names nothing
     */
    public static FamilyIndex build(List<Listing> listings, FamilyOverrides overrides) {
        List<Listing> sorted = new ArrayList<>(listings);
        sorted.sort(Comparator.comparing(Listing::provider).thenComparing(Listing::id));

        Map<String, String> hostPrefixes = hostPrefixes(sorted);
        List<ModelName> own = new ArrayList<>(sorted.size());
        Set<String> orgs = new TreeSet<>();
        for (Listing l : sorted) {
            ModelName n = ModelName.parseWithPrefix(l.id(), hostPrefixes.get(l.provider()));
            if (n.words().isEmpty()) {
                n = ModelName.parseWithPrefix(l.id(), null);
            }
            own.add(n);
            if (n.org() != null) {
                orgs.add(ModelName.compact(n.org()));
                orgs.add(ModelName.compact(ORG_PIECE.split(n.org())[0]));
            }
        }
        MakerWords makers = new MakerWords(orgs);

        List<Reading> readings = new ArrayList<>(sorted.size());
        Set<String> openWeights = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            Reading r = read(sorted.get(i), makers.apply(own.get(i)), makers);
            readings.add(r);
            if (r.ref() != null) {
                openWeights.add(r.name().key());
            }
        }
        // How often each provider ends an id with each tier word where the parse reads it as one (-70b-fast).
        Map<String, Integer> tierUse = new HashMap<>();
        for (Reading r : readings) {
            for (String t : r.name().tiers()) {
                tierUse.merge(r.listing().provider() + " " + t, 1, Integer::sum);
            }
        }
        // Tier words name other weights unless the weights they would join are known to be open.
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            List<String> tiers = r.name().tiers();
            if (!tiers.isEmpty()
                    && !openWeights.contains(r.name().key())
                    && !tiers.stream().allMatch("free"::equals)) {
                readings.set(i, new Reading(r.listing(), r.name().withTiersAsWords(), r.ref(), r.refField()));
            } else if (r.ref() == null && tierAfterVersion(r, tierUse)) {
                ModelName tiered = r.name().withLastWordAsTier();
                if (tiered != null
                        && openWeights.contains(tiered.key())
                        && !openWeights.contains(r.name().key())) {
                    readings.set(i, new Reading(r.listing(), tiered, null, null));
                }
            }
        }

        // Versions run together ("llama-33", "glm-45", "qwen25"): read as X.Y where those weights are open.
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            if (r.ref() == null && !openWeights.contains(r.name().key())) {
                ModelName split = splitVersion(r.name(), openWeights);
                if (split != null) {
                    readings.set(i, new Reading(r.listing(), split, null, null));
                }
            }
        }

        // Buckets: same words and kind. An id with neither org nor kind word, of weights known to be open, goes
        // with the instruct or the unsaid listings of its words, whichever more providers serve; apart on a tie.
        Map<String, List<Reading>> buckets = new TreeMap<>();
        List<Reading> loose = new ArrayList<>();
        int lone = 0;
        for (Reading r : readings) {
            ModelName n = r.name();
            if (n.words().isEmpty()) {
                buckets.put("|alone|" + lone++, new ArrayList<>(List.of(r)));
            } else if (n.kind() == ModelName.Kind.UNSAID && n.org() == null && openWeights.contains(n.key())) {
                loose.add(r);
            } else {
                buckets.computeIfAbsent(n.key() + "|" + n.kind(), k -> new ArrayList<>())
                        .add(r);
            }
        }
        Map<String, String> looseTarget = new HashMap<>();
        for (Reading r : loose) {
            String key = r.name().key();
            looseTarget.computeIfAbsent(key, k -> {
                List<Reading> instruct = buckets.get(k + "|" + ModelName.Kind.INSTRUCT);
                List<Reading> unsaid = buckets.get(k + "|" + ModelName.Kind.UNSAID);
                int i = instruct == null ? 0 : providers(instruct);
                int u = unsaid == null ? 0 : providers(unsaid);
                if (i > u) {
                    return k + "|" + ModelName.Kind.INSTRUCT;
                }
                return i < u ? k + "|" + ModelName.Kind.UNSAID : k + "|loose";
            });
        }
        for (Reading r : loose) {
            buckets.computeIfAbsent(looseTarget.get(r.name().key()), k -> new ArrayList<>())
                    .add(r);
        }

        List<List<Reading>> groups = new ArrayList<>();
        for (List<Reading> bucket : buckets.values()) {
            groups.addAll(byMaker(bucket));
        }
        List<Family> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        List<Family> built = new ArrayList<>();
        for (List<Reading> g : groups) {
            built.add(family(g, hostPrefixes));
        }
        built.sort(Comparator.comparing(Family::id)
                .thenComparing(f -> f.members().get(0).qualifiedId()));
        for (Family f : built) {
            String id = f.id();
            for (int n = 2; !taken.add(id); n++) {
                id = f.id() + "~" + n;
            }
            out.add(id.equals(f.id()) ? f : new Family(id, f.name(), f.members()));
        }
        out.sort(Comparator.comparing(Family::id));
        if (overrides.isEmpty()) {
            return new FamilyIndex(out, Map.of());
        }
        Map<String, Reading> byQualified = new HashMap<>();
        readings.forEach(
                r -> byQualified.put(r.listing().provider() + "/" + r.listing().id(), r));
        List<Family> corrected = applied(out, taken, byQualified, hostPrefixes, overrides);
        return checkedAliases(new FamilyIndex(corrected, Map.of()), overrides);
    }

    /** The families with the overrides' joins and splits made, after checking what they name exists. */
    private static List<Family> applied(
            List<Family> families,
            Set<String> taken,
            Map<String, Reading> readings,
            Map<String, String> hostPrefixes,
            FamilyOverrides overrides) {
        Map<String, List<String>> idsByProvider = new TreeMap<>();
        readings.values()
                .forEach(r -> idsByProvider
                        .computeIfAbsent(r.listing().provider(), k -> new ArrayList<>())
                        .add(r.listing().id()));
        Map<String, Family> byId = new HashMap<>();
        families.forEach(f -> byId.put(f.id(), f));
        Map<String, String> moved = new HashMap<>();
        for (FamilyOverrides.Join j : overrides.joins()) {
            checkMember(j.provider(), j.id(), j.at(), idsByProvider);
            if (!byId.containsKey(j.family())) {
                throw new FamilyOverrideException(j.familyAt() + ": no family \"" + j.family() + "\" in the catalog; "
                        + "the closest: " + String.join(", ", ModelLookup.closest(j.family(), byId.keySet())));
            }
            moved.put(j.provider() + "/" + j.id(), "override (" + shortSource(j.at()) + ")");
        }
        for (FamilyOverrides.Split s : overrides.splits()) {
            checkMember(s.provider(), s.id(), s.at(), idsByProvider);
            moved.put(s.provider() + "/" + s.id(), "split by override (" + shortSource(s.at()) + ")");
        }
        Map<String, List<Member>> members = new TreeMap<>();
        for (Family f : families) {
            List<Member> kept = new ArrayList<>();
            f.members().stream()
                    .filter(m -> !moved.containsKey(m.qualifiedId()))
                    .forEach(kept::add);
            members.put(f.id(), kept);
        }
        List<Family> splitOut = new ArrayList<>();
        for (FamilyOverrides.Join j : overrides.joins()) {
            String q = j.provider() + "/" + j.id();
            members.get(j.family()).add(relabelled(member(readings.get(q)), moved.get(q)));
        }
        for (FamilyOverrides.Split s : overrides.splits()) {
            String q = s.provider() + "/" + s.id();
            Family alone = family(List.of(readings.get(q)), hostPrefixes);
            String id = alone.id();
            for (int n = 2; !taken.add(id); n++) {
                id = alone.id() + "~" + n;
            }
            splitOut.add(new Family(
                    id, alone.name(), List.of(relabelled(alone.members().get(0), moved.get(q)))));
        }
        List<Family> out = new ArrayList<>();
        for (Family f : families) {
            List<Member> ms = members.get(f.id());
            if (!ms.isEmpty()) {
                ms.sort(Comparator.comparing(Member::provider).thenComparing(Member::id));
                out.add(new Family(f.id(), f.name(), ms));
            }
        }
        out.addAll(splitOut);
        out.sort(Comparator.comparing(Family::id));
        return out;
    }

    private static void checkMember(
            String provider, String id, FamilyOverrides.At at, Map<String, List<String>> idsByProvider) {
        List<String> ids = idsByProvider.get(provider);
        if (ids == null) {
            throw new FamilyOverrideException(at + ": no provider \"" + provider + "\" in the catalog; the closest: "
                    + String.join(", ", ClosestNames.closest(provider, idsByProvider.keySet(), 3)));
        }
        if (!ids.contains(id)) {
            throw new FamilyOverrideException(at + ": " + provider + " lists no model \"" + id + "\"; its closest: "
                    + String.join(", ", ModelLookup.closest(id, ids)));
        }
    }

    /** The index with its aliases, each checked: not a family id, naming a family of the index. */
    private static FamilyIndex checkedAliases(FamilyIndex index, FamilyOverrides overrides) {
        ModelLookup plain = new ModelLookup(index, Map.of());
        for (FamilyOverrides.Alias a : overrides.aliases()) {
            if (index.family(a.name().toLowerCase(Locale.ROOT)).isPresent()) {
                throw new FamilyOverrideException(a.at() + ": alias \"" + a.name() + "\" is a family id; an alias "
                        + "is a short name of its own");
            }
            ModelLookup.Result r = plain.find(a.target());
            if (!(r instanceof ModelLookup.Found)) {
                List<String> closest = r instanceof ModelLookup.NotFound n
                        ? n.closest()
                        : ((ModelLookup.UnknownAtProvider) r)
                                .closest().stream()
                                        .map(id -> ((ModelLookup.UnknownAtProvider) r).provider() + "/" + id)
                                        .toList();
                throw new FamilyOverrideException(a.targetAt() + ": alias \"" + a.name() + "\" names \"" + a.target()
                        + "\", which is no family id, provider/id or model id of the catalog; the closest: "
                        + String.join(", ", closest));
            }
        }
        return new FamilyIndex(index.families(), overrides.aliasMap());
    }

    /** {@code providers.yaml:12}: the file's name and the line, as a member's {@code joinedBy} says it. */
    private static String shortSource(FamilyOverrides.At at) {
        Path name = Path.of(at.source()).getFileName();
        return (name == null ? at.source() : name.toString()) + ":" + at.line();
    }

    private static Member relabelled(Member m, String joinedBy) {
        return new Member(m.provider(), m.id(), m.variant(), joinedBy, m.facts(), m.cached());
    }

    /** How many of its other ids a provider must end with a tier word for it to be a tier after a version too. */
    static final int TIER_USE = 3;

    /**
     * Whether a tier word the parse kept as a word, right after a version number ({@code DeepSeek-R1-Turbo},
     * {@code deepseek-v3-turbo}, {@code DeepSeek-R1-fast}), may be a serving tier: the listing is a chat model, or
     * its kind is unknown and its provider uses that word as a tier on at least {@link #TIER_USE} other ids. A model
     * of another kind keeps it as a name ({@code whisper-large-v3-turbo}); the caller then also asks the weights
     * without it to be open and the weights with it not to be ({@code gpt-4-turbo} is closed).
     */
    private static boolean tierAfterVersion(Reading r, Map<String, Integer> tierUse) {
        List<String> w = r.name().words();
        if (w.size() < 2 || !ModelName.TIERS.contains(w.get(w.size() - 1))) {
            return false;
        }
        String before = w.get(w.size() - 2);
        if (before.isEmpty()
                || !Character.isDigit(before.charAt(0))
                || !before.chars().allMatch(Character::isDigit)) {
            return false;
        }
        ModelKind kind =
                r.listing().facts() == null ? null : r.listing().facts().kind();
        if (kind == ModelKind.CHAT) {
            return true;
        }
        return kind == null && tierUse.getOrDefault(r.listing().provider() + " " + w.get(w.size() - 1), 0) >= TIER_USE;
    }

    private static final Pattern RUN_TOGETHER = Pattern.compile("(\\d)(\\d[a-z]*)");

    /**
     * The name with one version written as two digits run together ({@code 33}, {@code 45v}) read as two
     * ({@code 3 3}, {@code 4 5v}), when the result names weights known to be open; else {@code null}. Sizes
     * ({@code 70b}) and dates (four digits or more) are no such version.
     */
    static ModelName splitVersion(ModelName n, Set<String> openWeights) {
        List<String> w = n.words();
        for (int i = 0; i < w.size(); i++) {
            Matcher m = RUN_TOGETHER.matcher(w.get(i));
            if (!m.matches() || ModelName.isSize(w.get(i))) {
                continue;
            }
            List<String> split = new ArrayList<>(w.subList(0, i));
            split.add(m.group(1));
            split.add(m.group(2));
            split.addAll(w.subList(i + 1, w.size()));
            ModelName candidate = new ModelName(n.org(), split, n.kind(), n.tiers(), n.quants(), n.makerWord());
            if (openWeights.contains(candidate.key())) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Prefixes a provider puts in front of its ids ({@code parasail-}): the provider's name and a dash, on at least
     * three ids and three quarters of them. A maker's own ids ({@code mistral-large} beside {@code codestral}) have
     * it less often.
     */
    private static Map<String, String> hostPrefixes(List<Listing> listings) {
        Map<String, int[]> counts = new HashMap<>();
        for (Listing l : listings) {
            int[] c = counts.computeIfAbsent(l.provider(), k -> new int[2]);
            c[0]++;
            String p = l.provider().toLowerCase(Locale.ROOT) + "-";
            if (l.id().toLowerCase(Locale.ROOT).startsWith(p)) {
                c[1]++;
            }
        }
        Map<String, String> out = new HashMap<>();
        counts.forEach((provider, c) -> {
            if (c[1] >= 3 && c[1] * 4 >= c[0] * 3) {
                out.put(provider, provider.toLowerCase(Locale.ROOT) + "-");
            }
        });
        return out;
    }

    /** The listing's name: from metadata naming the weights when it agrees with the id, else from the id. */
    private static Reading read(Listing l, ModelName idName, MakerWords makers) {
        JsonNode e = l.entry();
        if (REPOSITORY_PROVIDERS.contains(l.provider().toLowerCase(Locale.ROOT))
                && REPO.matcher(l.id()).matches()) {
            return new Reading(l, idName, l.id(), "repository id");
        }
        if (e != null && e.isObject()) {
            for (String field : WEIGHT_FIELDS) {
                String repo = repository(e.get(field));
                if (repo == null || (field.equals("root") && repo.equals(l.id()))) {
                    continue;
                }
                // A repository's name is all name: "sdxl-turbo" and "whisper-large-v3-turbo" are models.
                ModelName refName =
                        makers.apply(ModelName.parseWithPrefix(repo, null).withTiersAsWords());
                if (agrees(idName, refName)) {
                    ModelName merged = new ModelName(
                            refName.org(),
                            refName.words(),
                            refName.kind(),
                            idName.tiers(),
                            union(idName.quants(), refName.quants()),
                            refName.makerWord());
                    return new Reading(l, merged, repo, field);
                }
            }
            // "Maker: Title" names the maker where the id's org is the host's (Redpill's "phala/").
            JsonNode display = e.get("name");
            if (idName.org() != null && display != null && display.isTextual()) {
                Matcher m = MAKER_IN_NAME.matcher(display.asText());
                if (m.find()) {
                    String maker = ModelName.compact(m.group(1).toLowerCase(Locale.ROOT));
                    if (!maker.isEmpty() && !sameMaker(maker, ModelName.compact(idName.org()))) {
                        ModelName n = new ModelName(
                                maker,
                                idName.words(),
                                idName.kind(),
                                idName.tiers(),
                                idName.quants(),
                                idName.makerWord());
                        return new Reading(l, n, null, null);
                    }
                }
            }
        }
        return new Reading(l, idName, null, null);
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        b.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }

    /** A repository named by a metadata value: {@code org/name}, or a Hugging Face URL of one. */
    static String repository(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        String v = value.asText().trim();
        Matcher m = HF_URL.matcher(v);
        if (m.matches()) {
            return m.group(1);
        }
        return REPO.matcher(v).matches() ? v : null;
    }

    /**
     * Whether a repository named by metadata can be the listing's weights: every word of the id is in it and the
     * kinds do not contradict. An id that only shortens the repository's name ({@code moonshotai/kimi-k2} for
     * {@code Kimi-K2-Instruct}) agrees; one with a word the repository lacks ({@code FLUX.1.1-pro} and
     * {@code FLUX.1-schnell}) does not.
     */
    static boolean agrees(ModelName id, ModelName ref) {
        if (id.words().isEmpty() || ref.words().isEmpty()) {
            return false;
        }
        Set<String> refWords = new HashSet<>(ref.words());
        if (ref.makerWord() != null) {
            refWords.add(ref.makerWord());
        }
        if (ref.org() != null) {
            refWords.addAll(ModelName.words(ref.org()));
            refWords.add(ModelName.compact(ref.org()));
        }
        if (!refWords.containsAll(id.words())) {
            return false;
        }
        if (id.makerWord() != null
                && !refWords.contains(id.makerWord())
                && ref.org() != null
                && !sameMaker(id.makerWord(), ModelName.compact(ref.org()))) {
            return false;
        }
        return !(id.kind() != ModelName.Kind.UNSAID && ref.kind() != ModelName.Kind.UNSAID && id.kind() != ref.kind());
    }

    /** Two orgs of one maker: one's letters start the other's ({@code deepseek}, {@code deepseek-ai}). */
    static boolean sameMaker(String a, String b) {
        if (a == null || b == null) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = a.length() <= b.length() ? b : a;
        return shorter.length() >= 3 && longer.startsWith(shorter);
    }

    /**
     * Splits a bucket of one name by maker: listings whose orgs are one maker's join; a listing without an org joins
     * the maker served by the most providers, or stays apart when two tie.
     */
    private static List<List<Reading>> byMaker(List<Reading> bucket) {
        List<List<Reading>> clusters = new ArrayList<>();
        List<Set<String>> clusterOrgs = new ArrayList<>();
        List<Reading> orgless = new ArrayList<>();
        for (Reading r : bucket) {
            String org = r.org();
            if (org == null) {
                orgless.add(r);
                continue;
            }
            List<Integer> matching = new ArrayList<>();
            for (int c = 0; c < clusters.size(); c++) {
                for (String o : clusterOrgs.get(c)) {
                    if (sameMaker(o, org)) {
                        matching.add(c);
                        break;
                    }
                }
            }
            if (matching.isEmpty()) {
                clusters.add(new ArrayList<>(List.of(r)));
                clusterOrgs.add(new TreeSet<>(Set.of(org)));
            } else {
                int into = matching.get(0);
                clusters.get(into).add(r);
                clusterOrgs.get(into).add(org);
                for (int k = matching.size() - 1; k >= 1; k--) {
                    int c = matching.get(k);
                    clusters.get(into).addAll(clusters.remove(c));
                    clusterOrgs.get(into).addAll(clusterOrgs.remove(c));
                }
            }
        }
        if (!orgless.isEmpty()) {
            if (clusters.isEmpty()) {
                clusters.add(orgless);
            } else {
                int best = -1;
                int bestCount = -1;
                boolean tie = false;
                for (int c = 0; c < clusters.size(); c++) {
                    int n = providers(clusters.get(c));
                    if (n > bestCount) {
                        best = c;
                        bestCount = n;
                        tie = false;
                    } else if (n == bestCount) {
                        tie = true;
                    }
                }
                if (tie) {
                    clusters.add(orgless);
                } else {
                    clusters.get(best).addAll(orgless);
                }
            }
        }
        return clusters;
    }

    private static int providers(List<Reading> rs) {
        Set<String> p = new HashSet<>();
        rs.forEach(r -> p.add(r.listing().provider()));
        return p.size();
    }

    /** A family from its readings: the id and name from its best-backed listing. */
    private static Family family(List<Reading> group, Map<String, String> hostPrefixes) {
        Reading anchor = null;
        String anchorRank = null;
        for (Reading r : group) {
            String rank = rank(r);
            if (anchor == null || rank.compareTo(anchorRank) < 0) {
                anchor = r;
                anchorRank = rank;
            }
        }
        String id;
        String name;
        if (anchor.ref() != null) {
            String repo = stripVariantSuffix(anchor.ref());
            id = repo.toLowerCase(Locale.ROOT);
            name = repo.substring(repo.indexOf('/') + 1);
        } else {
            String listed = stripVariantSuffix(nameSegment(
                    anchor.listing(), hostPrefixes.get(anchor.listing().provider())));
            String maker = anchor.name().org() != null
                    ? anchor.name().org()
                    : anchor.name().makerWord() != null
                            ? anchor.name().makerWord()
                            : anchor.listing().provider();
            id = (maker + "/" + listed).toLowerCase(Locale.ROOT);
            name = listed;
        }
        boolean alone = group.size() == 1;
        List<Member> members = new ArrayList<>();
        for (Reading r : group) {
            String why = r.ref() != null
                    ? r.refField() + " " + r.ref()
                    : alone ? "only listing" : "name " + r.name().key();
            members.add(relabelled(member(r), why));
        }
        members.sort(Comparator.comparing(Member::provider).thenComparing(Member::id));
        return new Family(id, name, members);
    }

    private static Member member(Reading r) {
        return new Member(
                r.listing().provider(),
                r.listing().id(),
                r.name().variant(),
                "",
                r.listing().facts(),
                r.listing().cached());
    }

    /** Anchor order: Hugging Face's own listing, then other metadata, then org ids; shorter, then by text. */
    private static String rank(Reading r) {
        int tier;
        String text;
        if (r.ref() != null) {
            tier = r.listing().provider().equals("huggingface") ? 0 : 1;
            text = r.ref();
        } else if (r.name().org() != null) {
            tier = 2;
            text = r.listing().id();
        } else {
            tier = 3;
            text = r.listing().provider() + "/" + r.listing().id();
        }
        String length = Integer.toString(100_000 + text.length());
        return tier + length + text;
    }

    /** The name part of an id: its last path segment other than a quantization, without the provider's host prefix. */
    private static String nameSegment(Listing l, String hostPrefix) {
        String s = l.id();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("accounts/") && lower.contains("/models/")) {
            s = s.substring(lower.indexOf("/models/") + "/models/".length());
        }
        String[] parts = s.split("/");
        int last = parts.length - 1;
        while (last > 0
                && ModelName.isQuant(ModelName.words(parts[last].toLowerCase(Locale.ROOT)).stream()
                        .reduce("", String::concat))) {
            last--;
        }
        String seg = parts[last];
        if (hostPrefix != null
                && seg.toLowerCase(Locale.ROOT).startsWith(hostPrefix)
                && seg.length() > hostPrefix.length()) {
            seg = seg.substring(hostPrefix.length());
        }
        return seg;
    }

    private static final Pattern VARIANT_SUFFIX = Pattern.compile(
            "(?i)[-_:.](fp-?8|fp16|bf16|fp4|int4|int8|awq|gptq|gguf|free|fast|turbo|tput|versatile|instant)$");

    private static String stripVariantSuffix(String s) {
        String out = s;
        for (Matcher m = VARIANT_SUFFIX.matcher(out); m.find(); m = VARIANT_SUFFIX.matcher(out)) {
            out = out.substring(0, m.start());
        }
        return out;
    }

    /**
     * Leading maker words ({@code Meta-} in {@code Meta-Llama-3.3-70B}, {@code OpenAI-} in {@code OpenAI-GPT-OSS-120B}):
     * a word of four letters or more, followed by a word of three letters or more, is the maker's, not the model's,
     * when it is the listing's own org ({@code meta-llama/Meta-Llama-3.1-8B}) or, for an id without an org, when some
     * org of the catalog is that word or starts with it and a separator ({@code meta-llama}).
     */
    private static final class MakerWords {
        private final Set<String> orgs;

        MakerWords(Set<String> orgs) {
            this.orgs = orgs;
        }

        ModelName apply(ModelName n) {
            List<String> w = n.words();
            if (w.size() < 3 || !letters(w.get(0), 4) || !letters(w.get(1), 3)) {
                return n;
            }
            boolean maker = n.org() != null ? sameMaker(w.get(0), ModelName.compact(n.org())) : orgs.contains(w.get(0));
            return maker ? n.withoutMakerWord() : n;
        }

        private static boolean letters(String w, int min) {
            if (w.length() < min) {
                return false;
            }
            for (int i = 0; i < w.length(); i++) {
                if (!Character.isLetter(w.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
