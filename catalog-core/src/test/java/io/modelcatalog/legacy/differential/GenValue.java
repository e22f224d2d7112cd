package io.modelcatalog.legacy.differential;

import java.util.List;

/**
 * A generated JSON value that keeps its exact spelling: which characters of a string are escaped and how, how a
 * number is written, repeated object keys. The shrinker works on this tree, so a smaller document keeps the
 * spelling that made the bigger one fail.
 */
sealed interface GenValue {

    /** An object; members keep their order and may repeat a key. */
    record Obj(List<Member> members) implements GenValue {}

    record Member(Str key, GenValue value) {}

    record Arr(List<GenValue> items) implements GenValue {}

    /** A string literal as the pieces between its quotes, one per character ({@code é}, {@code \\u00e9}, ...). */
    record Str(List<String> pieces) implements GenValue {
        String literal() {
            return "\"" + String.join("", pieces) + "\"";
        }
    }

    /** A number literal exactly as written ({@code -0}, {@code 1E+2}, {@code NaN}, 300 digits, ...). */
    record Num(String literal) implements GenValue {}

    /** {@code true}, {@code false} or {@code null}. */
    record Lit(String literal) implements GenValue {}

    /** The document's whitespace: what goes at each kind of place between tokens. */
    record Spacing(
            String lead,
            String trail,
            String afterOpen,
            String beforeClose,
            String afterComma,
            String beforeColon,
            String afterColon) {

        static final Spacing COMPACT = new Spacing("", "", "", "", "", "", "");
        static final Spacing PYTHON = new Spacing("", "", "", "", " ", "", " ");
    }

    static String render(GenValue v, Spacing s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.lead());
        render(v, s, sb);
        sb.append(s.trail());
        return sb.toString();
    }

    private static void render(GenValue v, Spacing s, StringBuilder sb) {
        if (v instanceof Obj o) {
            sb.append('{');
            if (!o.members().isEmpty()) {
                sb.append(s.afterOpen());
                for (int i = 0; i < o.members().size(); i++) {
                    if (i > 0) {
                        sb.append(',').append(s.afterComma());
                    }
                    Member m = o.members().get(i);
                    sb.append(m.key().literal())
                            .append(s.beforeColon())
                            .append(':')
                            .append(s.afterColon());
                    render(m.value(), s, sb);
                }
                sb.append(s.beforeClose());
            }
            sb.append('}');
        } else if (v instanceof Arr a) {
            sb.append('[');
            if (!a.items().isEmpty()) {
                sb.append(s.afterOpen());
                for (int i = 0; i < a.items().size(); i++) {
                    if (i > 0) {
                        sb.append(',').append(s.afterComma());
                    }
                    render(a.items().get(i), s, sb);
                }
                sb.append(s.beforeClose());
            }
            sb.append(']');
        } else if (v instanceof Str str) {
            sb.append(str.literal());
        } else if (v instanceof Num n) {
            sb.append(n.literal());
        } else {
            sb.append(((Lit) v).literal());
        }
    }

    /** Nodes in the tree, for sizes and shrinking. */
    static int size(GenValue v) {
        if (v instanceof Obj o) {
            int n = 1;
            for (Member m : o.members()) {
                n += 1 + size(m.value());
            }
            return n;
        }
        if (v instanceof Arr a) {
            int n = 1;
            for (GenValue i : a.items()) {
                n += size(i);
            }
            return n;
        }
        return 1;
    }
}
