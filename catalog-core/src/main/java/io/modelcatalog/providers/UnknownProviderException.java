package io.modelcatalog.providers;

import io.modelcatalog.text.ClosestNames;
import java.util.List;

/** A provider name that no registry entry has. */
public class UnknownProviderException extends IllegalArgumentException {
    private final List<String> unknown;
    private final List<String> valid;

    public UnknownProviderException(List<String> unknown, List<String> valid) {
        super("unknown provider" + (unknown.size() > 1 ? "s " : " ")
                + String.join(
                        ", ", unknown.stream().map(u -> withHint(u, valid)).toList())
                + "; valid names: " + String.join(", ", valid));
        this.unknown = List.copyOf(unknown);
        this.valid = List.copyOf(valid);
    }

    /** {@code Groq (did you mean groq?)}: the name, with the valid names close to it when there are any. */
    private static String withHint(String name, List<String> valid) {
        List<String> near = ClosestNames.likely(name, valid, 3);
        return near.isEmpty() ? name : name + " (did you mean " + String.join(" or ", near) + "?)";
    }

    public List<String> unknown() {
        return unknown;
    }

    public List<String> valid() {
        return valid;
    }
}
