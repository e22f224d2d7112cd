package io.modelcatalog.providers;

import java.util.List;

/** A provider name that no registry entry has. */
public class UnknownProviderException extends IllegalArgumentException {
    private final List<String> unknown;
    private final List<String> valid;

    public UnknownProviderException(List<String> unknown, List<String> valid) {
        super("unknown provider" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + "; valid names: "
                + String.join(", ", valid));
        this.unknown = List.copyOf(unknown);
        this.valid = List.copyOf(valid);
    }

    public List<String> unknown() {
        return unknown;
    }

    public List<String> valid() {
        return valid;
    }
}
