package io.modelcatalog.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a tree exactly as Python's {@code json.dump(obj, f, indent=2)} does. (Stub: being implemented.) */
public final class PythonJsonWriter {
    private PythonJsonWriter() {}

    public static byte[] toBytes(JsonNode node) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static void write(JsonNode node, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
