package io.modelcatalog.identity;

/** A family override or alias of the providers file that is invalid; the message names the file, line and column. */
public class FamilyOverrideException extends RuntimeException {
    public FamilyOverrideException(String message) {
        super(message);
    }
}
