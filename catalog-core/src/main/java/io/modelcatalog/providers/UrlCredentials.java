package io.modelcatalog.providers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Credentials written into URLs: a user name and password ({@code https://user:secret@host/}) or a credential query
 * parameter ({@code ?api_key=}). A configured base URL with a password is refused where it is read (a key belongs in
 * the provider's key variable); {@link #mask(String)} is the second line of defence for every message and record
 * that may quote a URL.
 */
public final class UrlCredentials {

    /** The user-info part of every URL in a text: between {@code ://} and the host's {@code @}. */
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@?#\\s'\"]+@");

    /** Query parameters that carry credentials in some APIs ({@code ?key=}, {@code ?api_key=}, {@code ?token=}). */
    private static final Pattern SECRET_PARAM =
            Pattern.compile("(?i)([?&][^=&#\\s'\"]*(?:key|token|secret|password|sig)[^=&#\\s'\"]*=)[^&#\\s'\"]*");

    private UrlCredentials() {}

    /** Whether a URL holds a user name or password; an unparsable URL is judged by its text. */
    public static boolean hasUserInfo(String url) {
        if (url == null) {
            return false;
        }
        try {
            return new URI(url.trim()).getRawUserInfo() != null;
        } catch (URISyntaxException e) {
            return USER_INFO.matcher(url).find();
        }
    }

    /**
     * The text with every URL's credentials replaced by {@code ***}: {@code https://user:secret@host/} reads
     * {@code https://***@host/}, {@code ?key=abc} reads {@code ?key=***}. Text without URLs is returned as it is.
     */
    public static String mask(String text) {
        if (text == null || !text.contains("://") && !text.contains("=")) {
            return text;
        }
        String noUser = USER_INFO.matcher(text).replaceAll("***@");
        return SECRET_PARAM.matcher(noUser).replaceAll("$1***");
    }

    /**
     * Throws when a configured base URL holds a user name or password, saying what to do instead; the message
     * quotes the URL masked.
     *
     * @param provider the provider's name
     * @param url      the base URL
     * @throws CredentialsInUrlException when it holds user info
     */
    public static void refuseUserInfo(String provider, String url) {
        if (hasUserInfo(url)) {
            throw new CredentialsInUrlException(provider, mask(url));
        }
    }
}
