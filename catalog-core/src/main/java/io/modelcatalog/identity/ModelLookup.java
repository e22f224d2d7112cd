package io.modelcatalog.identity;

import io.modelcatalog.text.ClosestNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the family a user's name means: a family id, any member id, {@code provider/id} (checked against that
 * provider), or an alias. A name that matches nothing gets the closest names instead.
 */
public final class ModelLookup {

    /** How many closest names a miss offers. */
    static final int CLOSEST = 5;

    /** What a name found. */
    public sealed interface Result permits Found, UnknownAtProvider, NotFound {}

    /**
     * @param family  the family
     * @param matched how the name matched: {@code family id}, {@code alias}, {@code provider/id} or {@code member id}
     */
    public record Found(Family family, String matched) implements Result {}

    /** {@code provider/id} with a provider of the catalog that lists no such id; {@code closest} are its ids. */
    public record UnknownAtProvider(String provider, String id, List<String> closest) implements Result {}

    /** Nothing matched; {@code closest} are the nearest family ids, member ids and aliases (3 to 5). */
    public record NotFound(String name, List<String> closest) implements Result {}

    private final FamilyIndex index;
    private final Map<String, String> aliases;

    /**
     * @param index   the families
     * @param aliases short names to a family id or a {@code provider/id}, as the providers file declares them
     */
    public ModelLookup(FamilyIndex index, Map<String, String> aliases) {
        this.index = index;
        this.aliases = Map.copyOf(aliases);
    }

    public Result find(String name) {
        String n = name.trim();
        Optional<Family> byId = index.family(n.toLowerCase(Locale.ROOT));
        if (byId.isPresent()) {
            return new Found(byId.get(), "family id");
        }
        String alias = aliases.get(n);
        if (alias != null) {
            Result r = find(alias);
            return r instanceof Found f ? new Found(f.family(), "alias") : r;
        }
        int slash = n.indexOf('/');
        if (slash > 0) {
            String provider = n.substring(0, slash);
            String id = n.substring(slash + 1);
            List<Member> atProvider = membersOf(provider);
            if (!atProvider.isEmpty()) {
                Optional<Family> f = index.familyOf(provider, id);
                if (f.isPresent()) {
                    return new Found(f.get(), "provider/id");
                }
                List<String> ids = atProvider.stream().map(Member::id).toList();
                return new UnknownAtProvider(provider, id, closest(id, ids));
            }
        }
        List<Family> byMember = new ArrayList<>();
        for (Family f : index.families()) {
            if (f.members().stream().anyMatch(m -> m.id().equalsIgnoreCase(n))) {
                byMember.add(f);
            }
        }
        if (byMember.size() == 1) {
            return new Found(byMember.get(0), "member id");
        }
        if (byMember.size() > 1) {
            return new NotFound(
                    n, byMember.stream().map(Family::id).limit(CLOSEST).toList());
        }
        TreeSet<String> names = new TreeSet<>(aliases.keySet());
        for (Family f : index.families()) {
            names.add(f.id());
            f.members().forEach(m -> names.add(m.id()));
        }
        return new NotFound(n, closest(n, names));
    }

    private List<Member> membersOf(String provider) {
        List<Member> out = new ArrayList<>();
        for (Family f : index.families()) {
            for (Member m : f.members()) {
                if (m.provider().equals(provider)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** The nearest names, as {@link ClosestNames#closest} orders them. */
    static List<String> closest(String name, Iterable<String> candidates) {
        return ClosestNames.closest(name, candidates, CLOSEST);
    }
}
