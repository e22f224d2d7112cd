package io.modelcatalog.providers;

/**
 * A configured base URL with a user name or password in it ({@code http://user:secret@host/v1}). It would leak into
 * logs and {@code failed_models.json}, and the request cannot use it anyway; the key belongs in the provider's key
 * variable. The message quotes the URL masked; a caller adds its own other key sources.
 */
public class CredentialsInUrlException extends IllegalArgumentException {

    private final String provider;

    CredentialsInUrlException(String provider, String maskedUrl) {
        super("provider '" + provider + "': baseUrl '" + maskedUrl + "' holds a user name or password: remove it "
                + "and put the key in the provider's key variable (apiKeyEnv)");
        this.provider = provider;
    }

    /** The provider's name. */
    public String provider() {
        return provider;
    }
}
