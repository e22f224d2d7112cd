package io.modelcatalog.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/** A mojo log that keeps every line as {@code [LEVEL] message}, for assertions. */
final class MojoLogRecorder implements Log {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private volatile Consumer<String> onLine = line -> {};

    /** Runs {@code action} on every line as it is logged ({@code [LEVEL] message}), e.g. to unblock a test server. */
    MojoLogRecorder onLine(Consumer<String> action) {
        this.onLine = action;
        return this;
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    List<String> at(String level) {
        String prefix = "[" + level + "] ";
        return lines().stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()))
                .toList();
    }

    String text() {
        return lines().stream().collect(Collectors.joining("\n"));
    }

    private void add(String level, CharSequence content, Throwable error) {
        String line = "[" + level + "] " + (content == null ? "" : content) + (error == null ? "" : " (" + error + ")");
        lines.add(line);
        onLine.accept(line);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public void debug(CharSequence content) {
        add("DEBUG", content, null);
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        add("DEBUG", content, error);
    }

    @Override
    public void debug(Throwable error) {
        add("DEBUG", null, error);
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        add("INFO", content, null);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        add("INFO", content, error);
    }

    @Override
    public void info(Throwable error) {
        add("INFO", null, error);
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        add("WARNING", content, null);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        add("WARNING", content, error);
    }

    @Override
    public void warn(Throwable error) {
        add("WARNING", null, error);
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        add("ERROR", content, null);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        add("ERROR", content, error);
    }

    @Override
    public void error(Throwable error) {
        add("ERROR", null, error);
    }
}
