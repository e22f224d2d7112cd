package io.modelcatalog.migration;

/**
 * Something about a legacy script worth telling that is not an error, e.g. a URL line that no provider uses.
 *
 * @param line the script line it concerns (1-based)
 * @param text what it is
 */
public record ScriptNote(int line, String text) {

    @Override
    public String toString() {
        return "line " + line + ": " + text;
    }
}
