package io.modelcatalog.fetching;

/**
 * A network setting out of its range, such as a negative {@code retryAfterCap}. Carries the setting's name (the
 * {@link NetworkPolicy} component), what it must be and the value given, so that a caller can name its own
 * parameter.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private final String setting;
    private final String requirement;
    private final String value;

    InvalidSettingException(String setting, String requirement, String value) {
        super(setting + " must be " + requirement + ", was " + value);
        this.setting = setting;
        this.requirement = requirement;
        this.value = value;
    }

    /** The {@link NetworkPolicy} component: {@code timeout}, {@code retries}, {@code retryAfterCap} ... */
    public String setting() {
        return setting;
    }

    /** What the value must be: {@code positive}, {@code 0 or more} ... */
    public String requirement() {
        return requirement;
    }

    /** The value given, in words ({@code -5 s}, {@code -1}). */
    public String value() {
        return value;
    }
}
