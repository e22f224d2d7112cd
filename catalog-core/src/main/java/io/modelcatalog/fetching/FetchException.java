package io.modelcatalog.fetching;

/**
 * A provider that could not be fetched. The message names the provider, the URL and the status or cause, and
 * never holds a key: it is scrubbed of the request's secret values before it is built.
 */
public class FetchException extends Exception {
    private final int status;

    public FetchException(String message, int status) {
        super(message);
        this.status = status;
    }

    public FetchException(String message) {
        this(message, 0);
    }

    /** The HTTP status, 0 when none was received. */
    public int status() {
        return status;
    }
}
