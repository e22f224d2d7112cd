package io.modelcatalog.providers;

/** A providers file that cannot be read or is invalid; the message names the file, line and column. */
public class ProviderFileException extends RuntimeException {
    public ProviderFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
