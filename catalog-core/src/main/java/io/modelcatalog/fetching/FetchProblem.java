package io.modelcatalog.fetching;

/**
 * Why a provider failed, as data: the outcome's message says it in plain words, and a caller adds the name of its
 * own setting that changes it ({@link ProviderOutcome.Skipped.Reason} says why one was skipped).
 */
public enum FetchProblem {
    /** Not written: the list lost more than half its models (or all); allowing a shrink writes it. */
    SHRINK,
    /** A response body over the size limit ({@link NetworkPolicy#maxResponseBytes()}). */
    TOO_LARGE,
    /** No complete response within the timeout ({@link NetworkPolicy#timeout()}). */
    TIMEOUT,
    /** Offline, and nothing cached for the provider. */
    OFFLINE_MISS,
    /**
     * A base URL from the environment with a user name or password in it: refused before any request (the message
     * names the variable, and the key variable to use instead).
     */
    CREDENTIALS_IN_URL,
    /** Anything else: an HTTP status, a body that is not a model list, a connection error. */
    OTHER
}
