package io.modelcatalog.fetching;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.legacy.PythonJsonWriter;

/**
 * The model ids added and removed per provider in a fetch run, as JSON:
 * {@code {"<provider>": {"added": [...], "removed": [...]}}} for every provider written whose ids changed, in
 * registry order (an unchanged provider's files held its list already). Deterministic: no timestamps.
 */
public final class ChangeReport {
    private ChangeReport() {}

    public static byte[] toJson(FetchReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (ProviderOutcome.Fetched o : report.of(ProviderOutcome.Fetched.class)) {
            if (!o.changed()) {
                continue;
            }
            ObjectNode entry = root.putObject(o.provider());
            ArrayNode added = entry.putArray("added");
            o.added().forEach(added::add);
            ArrayNode removed = entry.putArray("removed");
            o.removed().forEach(removed::add);
        }
        return PythonJsonWriter.toBytes(root);
    }
}
