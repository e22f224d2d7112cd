package io.modelcatalog.identity;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The listings of one set of weights across providers.
 *
 * @param id      the canonical id, lowercase {@code maker/name} ({@code meta-llama/llama-3.3-70b-instruct})
 * @param name    a display name
 * @param members every listing, by provider then id
 */
public record Family(String id, String name, List<Member> members) {

    public Family {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }

    /** How many distinct providers serve it. */
    public int providerCount() {
        TreeSet<String> p = new TreeSet<>();
        members.forEach(m -> p.add(m.provider()));
        return p.size();
    }
}
