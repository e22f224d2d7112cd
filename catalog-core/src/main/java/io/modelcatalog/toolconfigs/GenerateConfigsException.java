package io.modelcatalog.toolconfigs;

/** The configs cannot be generated from this input; the message names what and how to fix it. Nothing was written. */
public class GenerateConfigsException extends RuntimeException {
    public GenerateConfigsException(String message) {
        super(message);
    }
}
