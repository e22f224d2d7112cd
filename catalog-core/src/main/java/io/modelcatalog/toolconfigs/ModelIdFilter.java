package io.modelcatalog.toolconfigs;

import io.modelcatalog.facts.ModelFacts;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code catalog.include} / {@code catalog.exclude}: globs on model ids, where {@code *} matches any run of
 * characters ({@code /} included) and {@code ?} one character. A model is kept when it matches an include glob
 * (or there are none) and no exclude glob; a glob matches a model when it matches its id as listed or its
 * config name (Gemini's ids without {@code models/}).
 */
public final class ModelIdFilter {

    private final List<Pattern> include;
    private final List<Pattern> exclude;

    private ModelIdFilter(List<Pattern> include, List<Pattern> exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    public static ModelIdFilter of(List<String> includeGlobs, List<String> excludeGlobs) {
        return new ModelIdFilter(compile(includeGlobs), compile(excludeGlobs));
    }

    public static ModelIdFilter all() {
        return new ModelIdFilter(List.of(), List.of());
    }

    /** The globs as compiled, as text that changes whenever they do (for a rerun's up-to-date check). */
    String fingerprint() {
        return "include " + include.stream().map(Pattern::pattern).toList() + " exclude "
                + exclude.stream().map(Pattern::pattern).toList();
    }

    public boolean accepts(ModelFacts m) {
        return (include.isEmpty() || matchesAny(include, m)) && !matchesAny(exclude, m);
    }

    private static boolean matchesAny(List<Pattern> globs, ModelFacts m) {
        for (Pattern p : globs) {
            if (p.matcher(m.id()).matches() || p.matcher(m.name()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> compile(List<String> globs) {
        return globs == null
                ? List.of()
                : globs.stream()
                        .map(String::trim)
                        .filter(g -> !g.isEmpty())
                        .map(ModelIdFilter::toRegex)
                        .toList();
    }

    static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
