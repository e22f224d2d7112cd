package io.modelcatalog.fetching;

import java.time.Duration;
import java.util.Objects;

/**
 * How the fetcher may use the network: handed in by the caller (the plugin translates Maven's offline flag,
 * proxies and timeouts into it). Out-of-range values throw {@link InvalidSettingException}.
 *
 * @param offline          build outputs from the cache only; no request is sent
 * @param timeout          limit for one request: connecting, each read, and the whole exchange
 * @param retries          further attempts after a failed one (429, 5xx, connection errors, timeouts)
 * @param retryBaseDelay   first backoff delay; doubled per attempt, with jitter
 * @param retryAfterCap    the longest {@code Retry-After} honoured
 * @param maxResponseBytes bodies larger than this fail the provider
 * @param concurrency      providers fetched at once
 * @param proxies          proxy per target host
 */
public record NetworkPolicy(
        boolean offline,
        Duration timeout,
        int retries,
        Duration retryBaseDelay,
        Duration retryAfterCap,
        long maxResponseBytes,
        int concurrency,
        ProxySettings proxies) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_RETRIES = 2;
    public static final Duration DEFAULT_RETRY_AFTER_CAP = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
    /** Enough for every built-in provider at once: a run then costs about one round trip of latency. */
    public static final int DEFAULT_CONCURRENCY = 64;
    /** The first backoff delay; doubled per attempt, with jitter. */
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofMillis(500);

    public NetworkPolicy {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
        Objects.requireNonNull(retryAfterCap, "retryAfterCap");
        Objects.requireNonNull(proxies, "proxies");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidSettingException("timeout", "positive", Durations.words(timeout));
        }
        if (retries < 0) {
            throw new InvalidSettingException("retries", "0 or more", Integer.toString(retries));
        }
        if (retryBaseDelay.isNegative()) {
            throw new InvalidSettingException("retryBaseDelay", "0 or more", Durations.words(retryBaseDelay));
        }
        if (retryAfterCap.isNegative()) {
            throw new InvalidSettingException("retryAfterCap", "0 or more", Durations.words(retryAfterCap));
        }
        if (maxResponseBytes <= 0) {
            throw new InvalidSettingException("maxResponseBytes", "positive", Long.toString(maxResponseBytes));
        }
        if (concurrency < 1) {
            throw new InvalidSettingException("concurrency", "1 or more", Integer.toString(concurrency));
        }
    }

    /** Online, 30 s timeout, 2 retries from 500 ms, Retry-After capped at 30 s, 64 MiB bodies, 64 at once, no proxy. */
    public static NetworkPolicy defaults() {
        return new NetworkPolicy(
                false,
                DEFAULT_TIMEOUT,
                DEFAULT_RETRIES,
                DEFAULT_RETRY_BASE_DELAY,
                DEFAULT_RETRY_AFTER_CAP,
                DEFAULT_MAX_RESPONSE_BYTES,
                DEFAULT_CONCURRENCY,
                ProxySettings.none());
    }

    public NetworkPolicy withOffline(boolean value) {
        return new NetworkPolicy(
                value, timeout, retries, retryBaseDelay, retryAfterCap, maxResponseBytes, concurrency, proxies);
    }

    public NetworkPolicy withTimeout(Duration value) {
        return new NetworkPolicy(
                offline, value, retries, retryBaseDelay, retryAfterCap, maxResponseBytes, concurrency, proxies);
    }

    public NetworkPolicy withRetries(int value) {
        return new NetworkPolicy(
                offline, timeout, value, retryBaseDelay, retryAfterCap, maxResponseBytes, concurrency, proxies);
    }

    public NetworkPolicy withRetryBaseDelay(Duration value) {
        return new NetworkPolicy(
                offline, timeout, retries, value, retryAfterCap, maxResponseBytes, concurrency, proxies);
    }

    public NetworkPolicy withRetryAfterCap(Duration value) {
        return new NetworkPolicy(
                offline, timeout, retries, retryBaseDelay, value, maxResponseBytes, concurrency, proxies);
    }

    public NetworkPolicy withMaxResponseBytes(long value) {
        return new NetworkPolicy(offline, timeout, retries, retryBaseDelay, retryAfterCap, value, concurrency, proxies);
    }

    public NetworkPolicy withConcurrency(int value) {
        return new NetworkPolicy(
                offline, timeout, retries, retryBaseDelay, retryAfterCap, maxResponseBytes, value, proxies);
    }

    public NetworkPolicy withProxies(ProxySettings value) {
        return new NetworkPolicy(
                offline, timeout, retries, retryBaseDelay, retryAfterCap, maxResponseBytes, concurrency, value);
    }
}
