package io.modelcatalog.configupdate;

import io.modelcatalog.configediting.ConfigText;
import io.modelcatalog.configediting.TomlDocument;
import io.modelcatalog.configediting.YamlDocument;

/** generate-configs' bytes for one provider, parsed, so that entries are exactly what that goal writes. */
final class Generated {

    private Generated() {}

    static YamlDocument yaml(byte[] bytes) {
        return YamlDocument.parse(ConfigText.decode(null, bytes));
    }

    static TomlDocument toml(byte[] bytes) {
        return TomlDocument.parse(ConfigText.decode(null, bytes));
    }
}
