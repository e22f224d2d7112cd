package io.modelcatalog.fetching;

/**
 * A provider that could not be fetched. The message names the provider, the URL and the status or cause, and
 * never holds a key: it is scrubbed of the request's secret values before it is built.
 */
public class FetchException extends Exception {
    private final int status;
    private final FetchProblem problem;

    public FetchException(String message, int status, FetchProblem problem) {
        super(message);
        this.status = status;
        this.problem = problem;
    }

    public FetchException(String message, int status) {
        this(message, status, FetchProblem.OTHER);
    }

    public FetchException(String message) {
        this(message, 0);
    }

    /** The HTTP status, 0 when none was received. */
    public int status() {
        return status;
    }

    /** What kind of problem it is. */
    public FetchProblem problem() {
        return problem;
    }
}
