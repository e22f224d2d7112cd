package io.modelcatalog.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * Runs the real plugin in a forked Maven build (maven-invoker), with the local repository that the
 * invoker plugin filled with the freshly built plugin. The fork does not inherit this JVM's environment: it
 * gets only PATH, JAVA_HOME, HOME and the variables a test sets, so a developer's real API keys never reach it.
 */
public final class ForkedMaven {

    /** The plugin's coordinates, for goals without a POM. */
    public static String goal(String name) {
        return "io.modelcatalog:catalog-maven-plugin:" + System.getProperty("it.pluginVersion", "0.1.0-SNAPSHOT") + ":"
                + name;
    }

    private final Path workDir;
    private final List<String> goals = new ArrayList<>();
    private final Properties properties = new Properties();
    private final Map<String, String> env = new LinkedHashMap<>();
    private File settings;
    private boolean offline;
    private boolean debug;
    private boolean showVersion;
    private Path mavenHome;
    private Path localRepository;
    private int timeoutSeconds = 300;

    public ForkedMaven(Path workDir) {
        this.workDir = workDir;
        // never the developer's own cache
        properties.setProperty(
                "catalog.cacheDirectory", workDir.resolve("cache").toString());
    }

    public ForkedMaven goals(String... g) {
        Collections.addAll(goals, g);
        return this;
    }

    public ForkedMaven property(String name, Object value) {
        properties.setProperty(name, String.valueOf(value));
        return this;
    }

    /** Drops a property set so far (such as the default cache folder), so the build's own value applies. */
    public ForkedMaven unsetProperty(String name) {
        properties.remove(name);
        return this;
    }

    public ForkedMaven env(Map<String, String> values) {
        env.putAll(values);
        return this;
    }

    public ForkedMaven env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public ForkedMaven settings(Path file) {
        this.settings = file.toFile();
        return this;
    }

    public ForkedMaven offline(boolean value) {
        this.offline = value;
        return this;
    }

    /** Runs this Maven installation instead of the one running the tests. */
    public ForkedMaven mavenHome(Path home) {
        this.mavenHome = home;
        return this;
    }

    /**
     * Another local repository than the one the invoker plugin filled: a machine that has not resolved anything yet
     * (the plugin itself then comes through the build's repositories or mirror).
     */
    public ForkedMaven localRepository(Path folder) {
        this.localRepository = folder;
        return this;
    }

    /** How long the build may take (300 s unless set: a build of the whole project needs more on a loaded machine). */
    public ForkedMaven timeoutSeconds(int seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    public ForkedMaven debug(boolean value) {
        this.debug = value;
        return this;
    }

    /** Has Maven print its version first ({@code -V}). */
    public ForkedMaven showVersion(boolean value) {
        this.showVersion = value;
        return this;
    }

    /** The outcome of a forked build: exit code and every line it printed. */
    public record Result(int exitCode, List<String> log) {
        public String text() {
            return String.join("\n", log);
        }

        public boolean logContains(String s) {
            return log.stream().anyMatch(l -> l.contains(s));
        }
    }

    public Result run() throws IOException, MavenInvocationException {
        Files.createDirectories(workDir);
        InvocationRequest request = new DefaultInvocationRequest();
        request.setBaseDirectory(workDir.toFile());
        request.setGoals(goals);
        request.setProperties(properties);
        request.setBatchMode(true);
        request.setNoTransferProgress(true);
        request.setOffline(offline);
        request.setDebug(debug);
        request.setShowVersion(showVersion);
        if (localRepository != null) {
            Files.createDirectories(localRepository);
        }
        request.setLocalRepositoryDirectory(
                localRepository != null ? localRepository.toFile() : new File(required("it.localRepo")));
        request.setTimeoutInSeconds(timeoutSeconds);
        if (settings != null) {
            request.setUserSettingsFile(settings);
        } else {
            // an empty settings file: no mirrors, servers or proxies of the developer's own
            Path empty = workDir.resolve(".it-settings.xml");
            Files.writeString(empty, "<settings/>\n");
            request.setUserSettingsFile(empty.toFile());
        }
        request.setShellEnvironmentInherited(false);
        String javaHome = System.getProperty("java.home");
        request.setJavaHome(new File(javaHome));
        request.addShellEnvironment("JAVA_HOME", javaHome);
        request.addShellEnvironment("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        request.addShellEnvironment("HOME", System.getProperty("user.home"));
        request.addShellEnvironment("MAVEN_OPTS", "-Xmx512m");
        env.forEach(request::addShellEnvironment);

        List<String> log = Collections.synchronizedList(new ArrayList<>());
        request.setOutputHandler(log::add);
        request.setErrorHandler(log::add);
        DefaultInvoker invoker = new DefaultInvoker();
        File home = mavenHome != null ? mavenHome.toFile() : new File(required("maven.home"));
        invoker.setMavenHome(home);
        request.setMavenHome(home);
        request.setMavenExecutable(new File(home, "bin/mvn"));
        InvocationResult result = invoker.execute(request);
        if (result.getExecutionException() != null) {
            throw new IOException("could not fork Maven", result.getExecutionException());
        }
        return new Result(result.getExitCode(), List.copyOf(log));
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the ITs with mvn verify");
        }
        return v;
    }
}
