package io.modelcatalog.configupdate;

import io.modelcatalog.configediting.ConfigEditException;
import io.modelcatalog.configediting.YamlDesired;
import io.modelcatalog.configediting.YamlDocument;
import io.modelcatalog.configediting.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the YAML mergers share: building desired trees and parsing a result again ({@link ResultCheck}). */
final class YamlMerges {

    private YamlMerges() {}

    /** The document's root with one key's value made {@code desired} (the key appended when missing). */
    static YamlDesired.Mapping rootWith(YamlDocument doc, Object key, YamlDesired desired) {
        YamlNode root = doc.root();
        List<YamlDesired.Mapping.Entry> entries = new ArrayList<>();
        boolean found = false;
        if (root != null && root.isMapping()) {
            for (int i = 0; i < root.keys().size(); i++) {
                Object k = root.keys().get(i).data();
                if (Objects.equals(k, key)) {
                    entries.add(YamlDesired.Mapping.Entry.edit(k, desired));
                    found = true;
                } else {
                    entries.add(YamlDesired.Mapping.Entry.edit(
                            k, new YamlDesired.Keep(root.values().get(i))));
                }
            }
        }
        if (!found) {
            entries.add(new YamlDesired.Mapping.Entry(key, desired, null, null));
        }
        return new YamlDesired.Mapping(root, entries);
    }

    /**
     * A user's mapping updated from a generated one: the generated values win for the keys both have, the
     * user's other keys stay, the generated keys the user lacks are appended.
     */
    static YamlDesired fieldsDesired(YamlNode user, YamlDocument gen, YamlNode generated) {
        if (!user.isMapping() || !generated.isMapping()) {
            return new YamlDesired.Generated(gen, generated);
        }
        List<YamlDesired.Mapping.Entry> entries = new ArrayList<>();
        for (int i = 0; i < user.keys().size(); i++) {
            Object key = user.keys().get(i).data();
            YamlNode g = generated.get(key);
            entries.add(YamlDesired.Mapping.Entry.edit(
                    key, g == null ? new YamlDesired.Keep(user.values().get(i)) : new YamlDesired.Generated(gen, g)));
        }
        for (int i = 0; i < generated.keys().size(); i++) {
            if (user.indexOfKey(generated.keys().get(i).data()) < 0) {
                entries.add(YamlDesired.Mapping.Entry.add(gen, generated, i));
            }
        }
        return new YamlDesired.Mapping(user, entries);
    }

    /** The edited text parsed again; text that does not parse is a bug of the update, reported as such. */
    static YamlDocument reparse(YamlDocument before, String after) {
        try {
            return YamlDocument.parse(before.text().withText(after));
        } catch (ConfigEditException e) {
            throw ResultCheck.unparsable(before.text().file(), e);
        }
    }

    /** A copy of the root mapping's data (empty for an empty document). */
    static Map<Object, Object> rootData(YamlDocument doc) {
        Map<Object, Object> out = new LinkedHashMap<>();
        if (doc.data() instanceof Map<?, ?> map) {
            out.putAll(map);
        }
        return out;
    }
}
