package io.modelcatalog.legacy.differential;

import io.modelcatalog.legacy.differential.GenValue.Arr;
import io.modelcatalog.legacy.differential.GenValue.Member;
import io.modelcatalog.legacy.differential.GenValue.Num;
import io.modelcatalog.legacy.differential.GenValue.Obj;
import io.modelcatalog.legacy.differential.GenValue.Str;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Smaller variants of a document, smallest first: a subtree in place of the whole, an element or member removed
 * (or half of them), a container emptied, a string cut, a number made short, whitespace made compact. The test
 * keeps the first variant that still shows the difference and asks again, until none does.
 */
final class Shrinker {

    private Shrinker() {}

    static List<GenDocument> candidates(GenDocument doc) {
        if (doc.root() == null) {
            byte[] raw = doc.raw();
            List<GenDocument> out = new ArrayList<>();
            for (int cut = raw.length / 2; cut >= 1 && raw.length > 1; cut /= 2) {
                out.add(doc.withRaw(java.util.Arrays.copyOf(raw, raw.length - cut)));
                out.add(doc.withRaw(java.util.Arrays.copyOfRange(raw, cut, raw.length)));
            }
            return out;
        }
        Map<String, GenDocument> variants = new LinkedHashMap<>();
        if (!doc.spacing().equals(GenValue.Spacing.COMPACT)) {
            add(variants, new GenDocument(doc.root(), GenValue.Spacing.COMPACT, null, null, doc.charset()));
        }
        if (doc.charset() != null) {
            add(variants, doc.withCharset(null));
        }
        for (GenValue v : variants(doc.root())) {
            add(variants, doc.withRoot(v));
        }
        List<GenDocument> out = new ArrayList<>(variants.values());
        out.sort(Comparator.comparingInt(d -> d.body().length));
        return out;
    }

    private static void add(Map<String, GenDocument> into, GenDocument d) {
        into.putIfAbsent(d.show(), d);
    }

    /** Every one-step smaller variant of {@code v} (the whole tree, rebuilt around the changed node). */
    static List<GenValue> variants(GenValue v) {
        List<GenValue> out = new ArrayList<>();
        if (v instanceof Obj o) {
            List<Member> ms = o.members();
            if (!ms.isEmpty()) {
                out.add(new Obj(List.of()));
            }
            for (Member m : ms) {
                out.add(m.value());
                if (ms.size() > 1) {
                    out.add(new Obj(List.of(m)));
                }
            }
            if (ms.size() > 3) {
                out.add(new Obj(List.copyOf(ms.subList(0, ms.size() / 2))));
                out.add(new Obj(List.copyOf(ms.subList(ms.size() / 2, ms.size()))));
            }
            for (int i = 0; i < ms.size(); i++) {
                List<Member> fewer = new ArrayList<>(ms);
                fewer.remove(i);
                out.add(new Obj(fewer));
            }
            for (int i = 0; i < ms.size(); i++) {
                int at = i;
                Member m = ms.get(i);
                for (GenValue smaller : variants(m.value())) {
                    out.add(new Obj(replace(ms, at, x -> new Member(m.key(), smaller))));
                }
                for (GenValue key : variants(m.key())) {
                    out.add(new Obj(replace(ms, at, x -> new Member((Str) key, m.value()))));
                }
            }
        } else if (v instanceof Arr a) {
            List<GenValue> items = a.items();
            if (!items.isEmpty()) {
                out.add(new Arr(List.of()));
            }
            out.addAll(items);
            if (items.size() > 1) {
                for (GenValue item : items) {
                    out.add(new Arr(List.of(item)));
                }
            }
            if (items.size() > 3) {
                out.add(new Arr(List.copyOf(items.subList(0, items.size() / 2))));
                out.add(new Arr(List.copyOf(items.subList(items.size() / 2, items.size()))));
            }
            for (int i = 0; i < items.size(); i++) {
                List<GenValue> fewer = new ArrayList<>(items);
                fewer.remove(i);
                out.add(new Arr(fewer));
            }
            for (int i = 0; i < items.size(); i++) {
                int at = i;
                for (GenValue smaller : variants(items.get(i))) {
                    out.add(new Arr(replace(items, at, x -> smaller)));
                }
            }
        } else if (v instanceof Str s) {
            List<String> p = s.pieces();
            if (p.size() > 1) {
                out.add(new Str(List.copyOf(p.subList(0, p.size() / 2))));
                out.add(new Str(List.copyOf(p.subList(p.size() / 2, p.size()))));
            }
            for (int i = 0; i < p.size() && p.size() <= 40; i++) {
                List<String> fewer = new ArrayList<>(p);
                fewer.remove(i);
                out.add(new Str(fewer));
            }
        } else if (v instanceof Num n) {
            String lit = n.literal();
            if (lit.length() > 1 && !lit.equals("-0")) {
                for (String simpler : new String[] {"0", "1", "-1", "1.0", "0.0"}) {
                    if (!simpler.equals(lit)) {
                        out.add(new Num(simpler));
                    }
                }
                if (lit.length() > 20 && lit.chars().allMatch(c -> c == '-' || Character.isDigit(c))) {
                    out.add(new Num(lit.substring(0, lit.length() / 2)));
                }
            }
        }
        return out;
    }

    private static <T> List<T> replace(List<T> list, int at, UnaryOperator<T> with) {
        List<T> copy = new ArrayList<>(list);
        copy.set(at, with.apply(copy.get(at)));
        return copy;
    }
}
