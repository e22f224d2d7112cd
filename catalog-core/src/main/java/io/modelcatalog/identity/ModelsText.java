package io.modelcatalog.identity;

import io.modelcatalog.facts.FactValues;
import io.modelcatalog.facts.ModelFacts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code models} goal's text: a summary of the index, and one family as a table of its providers. */
public final class ModelsText {

    /** How a fact that no source gives is shown. */
    public static final String UNKNOWN = "\u2013";

    /** The capabilities a filter can ask for. */
    public static final Set<String> CAPABILITIES = Set.of("tool_call", "reasoning", "vision");

    private ModelsText() {}

    /** Models, families, families served by 2+ providers, then the {@code top} families with most providers. */
    public static List<String> summary(FamilyIndex index, int top) {
        List<Family> shared = index.families().stream()
                .filter(f -> f.providerCount() >= 2)
                .sorted(Comparator.comparingInt(Family::providerCount)
                        .reversed()
                        .thenComparing(Family::id))
                .toList();
        List<String> out = new ArrayList<>();
        out.add(index.listingCount() + " models in " + index.families().size() + " families; " + shared.size()
                + " families served by 2 or more providers");
        if (!shared.isEmpty()) {
            out.add("The " + Math.min(top, shared.size()) + " families with the most providers:");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"family", "providers", "listings"});
            for (Family f : shared.subList(0, Math.min(top, shared.size()))) {
                rows.add(new String[] {
                    f.id(),
                    String.valueOf(f.providerCount()),
                    String.valueOf(f.members().size())
                });
            }
            out.addAll(columns(rows));
        }
        return out;
    }

    /**
     * The family's members that pass the filters, cheapest input first (unknown prices last), as a table.
     *
     * @param capabilities {@code tool_call}, {@code reasoning}, {@code vision}: members known to have all
     * @param minContext   members known to take at least this many tokens, or {@code null}
     */
    public static List<Member> rows(Family family, Set<String> capabilities, Long minContext) {
        return family.members().stream()
                .filter(m -> accepts(m.facts(), capabilities, minContext))
                .sorted(Comparator.comparing(
                                (Member m) ->
                                        m.facts() == null ? null : m.facts().inputPrice(),
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Member::provider)
                        .thenComparing(Member::id))
                .toList();
    }

    private static boolean accepts(ModelFacts f, Set<String> capabilities, Long minContext) {
        if (minContext != null && (f == null || f.contextWindow() == null || f.contextWindow() < minContext)) {
            return false;
        }
        for (String c : capabilities) {
            Boolean has = f == null
                    ? null
                    : switch (c) {
                        case "tool_call" -> f.toolCalling();
                        case "reasoning" -> f.reasoning();
                        case "vision" -> f.vision();
                        default -> throw new IllegalArgumentException("unknown capability " + c);
                    };
            if (!Boolean.TRUE.equals(has)) {
                return false;
            }
        }
        return true;
    }

    /** The table of one family's members. */
    public static List<String> table(Family family, List<Member> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {
            "provider",
            "id",
            "variant",
            "context",
            "max output",
            "in $/1M",
            "out $/1M",
            "cached in $/1M",
            "tools",
            "reasoning",
            "vision"
        });
        for (Member m : rows) {
            ModelFacts f = m.facts();
            cells.add(new String[] {
                m.provider(),
                m.id(),
                m.variant().isEmpty() ? "" : String.join(",", m.variant()),
                f == null ? UNKNOWN : count(f.contextWindow()),
                f == null ? UNKNOWN : count(f.maxOutputTokens()),
                f == null ? UNKNOWN : price(f.inputPrice()),
                f == null ? UNKNOWN : price(f.outputPrice()),
                m.cached() == null ? UNKNOWN : price(m.cached().usdPerMillion()),
                f == null ? UNKNOWN : yesNo(f.toolCalling()),
                f == null ? UNKNOWN : yesNo(f.reasoning()),
                f == null ? UNKNOWN : yesNo(f.vision())
            });
        }
        List<String> out = new ArrayList<>();
        out.add(family.id() + " (" + family.name() + "): " + family.providerCount() + " providers, "
                + family.members().size() + " listings"
                + (rows.size() < family.members().size() ? ", " + rows.size() + " pass the filters" : ""));
        out.addAll(columns(cells));
        return out;
    }

    private static String count(Long v) {
        return v == null ? UNKNOWN : String.format(Locale.ROOT, "%,d", v);
    }

    private static String price(BigDecimal v) {
        return v == null ? UNKNOWN : FactValues.plain(v);
    }

    private static String yesNo(Boolean v) {
        return v == null ? UNKNOWN : v ? "yes" : "no";
    }

    /** Left-aligned columns two spaces apart, trailing spaces trimmed. */
    static List<String> columns(List<String[]> rows) {
        int n = rows.get(0).length;
        int[] width = new int[n];
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(r[i]);
                if (i < n - 1) {
                    sb.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }
}
