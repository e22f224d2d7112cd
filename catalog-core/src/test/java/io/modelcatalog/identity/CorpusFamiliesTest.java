package io.modelcatalog.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus's families against a labelled set made by hand from it ({@code identity/labels.json}): models served
 * by five providers or more with every listing of them, and pairs that must stay apart (date stamps, versions,
 * sizes, instruct/thinking/base, distills, fine-tunes by another org, models whose names only share a word).
 */
class CorpusFamiliesTest {

    private static FamilyIndex index;
    private static JsonNode labels;

    @BeforeAll
    static void build() throws Exception {
        index = FamilyIndex.build(CatalogListings.read(CorpusEntries.catalogDir(), ProviderRegistry.builtIn()));
        try (InputStream in = CorpusFamiliesTest.class.getResourceAsStream("/identity/labels.json")) {
            labels = new ObjectMapper().readTree(in);
        }
    }

    private static Family familyOf(String qualified) {
        int slash = qualified.indexOf('/');
        String provider = qualified.substring(0, slash);
        String id = qualified.substring(slash + 1);
        return index.familyOf(provider, id)
                .orElseThrow(() -> new AssertionError(qualified + " is not a listing of the corpus"));
    }

    private static Set<String> qualified(Family f) {
        return f.members().stream().map(Member::qualifiedId).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Each labelled family: the index family of that id holds no listing outside the label, and most of it. */
    @TestFactory
    List<DynamicTest> eachLabelledFamilyHoldsOnlyItsMembers() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode f : labels.get("families")) {
            String id = f.get("family").asText();
            Set<String> labelled = new TreeSet<>();
            f.get("members").forEach(m -> labelled.add(m.asText()));
            tests.add(DynamicTest.dynamicTest(id, () -> {
                Family family = index.family(id).orElseThrow(() -> new AssertionError("no family " + id));
                Set<String> found = qualified(family);
                Set<String> wrong = new TreeSet<>(found);
                wrong.removeAll(labelled);
                assertEquals(Set.of(), wrong, "joined to " + id + " but not labelled so");
                Set<String> providers = new TreeSet<>();
                family.members().forEach(m -> providers.add(m.provider()));
                assertTrue(providers.size() >= 5, id + " is served by " + providers);
            }));
        }
        return tests;
    }

    @Test
    void recallOverTheLabelsIsAtLeast97Percent() {
        int labelled = 0;
        int found = 0;
        List<String> missed = new ArrayList<>();
        for (JsonNode f : labels.get("families")) {
            String id = f.get("family").asText();
            for (JsonNode m : f.get("members")) {
                labelled++;
                if (familyOf(m.asText()).id().equals(id)) {
                    found++;
                } else {
                    missed.add(m.asText());
                }
            }
        }
        double recall = (double) found / labelled;
        assertTrue(labelled >= 100 && labels.get("families").size() >= 10, "the label set is too small");
        assertTrue(recall >= 0.97, "recall " + recall + ", missed " + missed);
        assertEquals(List.of(), missed.stream().sorted().toList());
    }

    @TestFactory
    List<DynamicTest> hardNegativesStayApart() {
        List<DynamicTest> tests = new ArrayList<>();
        assertTrue(labels.get("apart").size() >= 40);
        for (JsonNode pair : labels.get("apart")) {
            String a = pair.get("a").asText();
            String b = pair.get("b").asText();
            tests.add(DynamicTest.dynamicTest(
                    pair.get("why").asText() + ": " + a + " / " + b,
                    () -> assertNotEquals(familyOf(a).id(), familyOf(b).id())));
        }
        return tests;
    }

    private static final Pattern SIZE = Pattern.compile("(?<![a-z0-9.])(\\d+(?:\\.\\d+)?)b(?![a-z0-9])");
    private static final Pattern DATE = Pattern.compile("(?<![a-z0-9.])(\\d{4}|20\\d{2}-?\\d{2}-?\\d{2})(?![a-z0-9.])");

    @Test
    void noFamilyOfTheCorpusMixesTwoSizesOrTwoDateStamps() {
        List<String> mixed = new ArrayList<>();
        for (Family f : index.families()) {
            Set<Set<String>> sizes = new TreeSet<>((x, y) -> x.toString().compareTo(y.toString()));
            Set<Set<String>> dates = new TreeSet<>((x, y) -> x.toString().compareTo(y.toString()));
            for (Member m : f.members()) {
                String id = m.id().toLowerCase(Locale.ROOT);
                Set<String> s = all(SIZE, id);
                Set<String> d = all(DATE, id);
                if (!s.isEmpty()) {
                    sizes.add(s);
                }
                if (!d.isEmpty()) {
                    dates.add(d);
                }
            }
            if (sizes.size() > 1 || dates.size() > 1) {
                mixed.add(f.id() + " " + sizes + " " + dates);
            }
        }
        assertEquals(List.of(), mixed);
    }

    private static Set<String> all(Pattern p, String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group(1).replace("-", ""));
        }
        return out;
    }

    @Test
    void theIssuesTwoExamples() {
        Family oss = index.family("openai/gpt-oss-120b").orElseThrow();
        Family llama = index.family("meta-llama/llama-3.3-70b-instruct").orElseThrow();
        assertEquals(17, oss.providerCount(), qualified(oss).toString());
        assertEquals(16, llama.providerCount(), qualified(llama).toString());
    }

    @Test
    void everyListingIsInExactlyOneFamily() {
        int members =
                index.families().stream().mapToInt(f -> f.members().size()).sum();
        assertEquals(index.listingCount(), members);
        Set<String> ids = new TreeSet<>();
        index.families().forEach(f -> assertTrue(ids.add(f.id()), "two families " + f.id()));
    }
}
