package io.modelcatalog.report;

import io.modelcatalog.facts.Fact;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.identity.Family;
import io.modelcatalog.identity.FamilyIndex;
import io.modelcatalog.identity.Member;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report's view of the families: the models served by two providers or more, and for one provider's model at
 * how many other providers it is served. Plain text for the template; stateless.
 */
final class ReportFamilies {

    private ReportFamilies() {}

    /**
     * Families served by two providers or more, one of them shown, most providers first, then by id: each with its
     * provider count, the providers with a free tier of it, its cheapest paid input price and its longest context
     * (with the provider giving it, and whether the value came from LiteLLM's map for that provider's model).
     */
    static List<Map<String, Object>> shared(FamilyIndex index, Set<String> shown) {
        List<Family> shared = new ArrayList<>(index.families().stream()
                .filter(f -> f.providerCount() >= 2 && f.members().stream().anyMatch(m -> shown.contains(m.provider())))
                .toList());
        shared.sort(Comparator.comparingInt(Family::providerCount).reversed().thenComparing(Family::id));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Family f : shared) {
            Member cheapest = null;
            Member longest = null;
            TreeSet<String> free = new TreeSet<>();
            for (Member m : f.members()) {
                ModelFacts x = m.facts();
                if (x == null) {
                    continue;
                }
                if (x.inputPrice() != null && x.inputPrice().signum() == 0) {
                    free.add(m.provider());
                }
                if (x.inputPrice() != null
                        && (cheapest == null
                                || cheaper(x.inputPrice(), cheapest.facts().inputPrice()))) {
                    cheapest = m;
                }
                if (x.contextWindow() != null
                        && (longest == null
                                || x.contextWindow() > longest.facts().contextWindow())) {
                    longest = m;
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", f.id());
            row.put("anchor", anchor(f.id()));
            row.put("name", f.name());
            row.put("providers", Integer.toString(f.providerCount()));
            row.put("listings", ReportHtml.plural(f.members().size(), "listing"));
            row.put(
                    "cheapest",
                    best(
                            cheapest,
                            cheapest == null ? null : price(cheapest.facts().inputPrice()),
                            Fact.INPUT_PRICE));
            row.put(
                    "longest",
                    best(
                            longest,
                            longest == null
                                    ? null
                                    : ReportNumbers.tokens(longest.facts().contextWindow()),
                            Fact.CONTEXT_WINDOW));
            row.put("free", free.isEmpty() ? "" : "free at " + String.join(", ", free));
            rows.add(row);
        }
        return rows;
    }

    /**
     * At how many other providers a provider's model is served: {@code text} is {@code +14 providers}, or empty when
     * none; {@code anchor} links the family's row.
     */
    static Map<String, Object> elsewhere(FamilyIndex index, String provider, String id) {
        Family f = index.familyOf(provider, id).orElse(null);
        int others = f == null ? 0 : f.providerCount() - 1;
        return Map.of(
                "text", others == 0 ? "" : "+" + ReportHtml.plural(others, "provider"),
                "anchor", others == 0 ? "" : anchor(f.id()),
                "family", f == null ? "" : f.id());
    }

    /** Paid prices before free tiers ({@code :free}, {@code -Free}), which are named on their own; then lower. */
    private static boolean cheaper(BigDecimal a, BigDecimal b) {
        if (a.signum() == 0 || b.signum() == 0) {
            return a.signum() != 0 && b.signum() == 0;
        }
        return a.compareTo(b) < 0;
    }

    /** The in-page id of a family's row. */
    private static String anchor(String familyId) {
        return "mcr-f-" + familyId;
    }

    private static String price(BigDecimal usdPerMillion) {
        return ReportNumbers.price(usdPerMillion);
    }

    private static Map<String, Object> best(Member m, String text, Fact fact) {
        return Map.of(
                "text", text == null ? "" : text,
                "provider", m == null ? "" : m.provider(),
                "fromLiteLlm", m != null && m.facts().fromLiteLlm().contains(fact));
    }
}
