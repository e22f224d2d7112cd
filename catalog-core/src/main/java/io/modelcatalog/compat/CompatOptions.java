package io.modelcatalog.compat;

/**
 * How strictly two catalog folders are compared.
 *
 * @param ignoreBaseUrl ignore the {@code base_url} line of each TOML file's {@code [model_providers.<p>]} table,
 *                      in bytes and in data: a catalog fetched from a local test server carries that server's URL
 */
public record CompatOptions(boolean ignoreBaseUrl) {

    public static CompatOptions strict() {
        return new CompatOptions(false);
    }
}
