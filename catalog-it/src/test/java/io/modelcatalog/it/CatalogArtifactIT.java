package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.files.Sha256;
import io.modelcatalog.testing.CorpusServer;
import io.modelcatalog.testing.LegacyCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog as a Maven artifact, end to end in forked builds. A producer project with the keys fetches from the
 * loopback providers, packages the catalog (twice: the same SHA-256) and deploys it to a file repository, as 1.0.0
 * and 1.1.0. A team repository on loopback serves that repository behind Basic credentials, in front of what the
 * build already resolved (as a repository manager proxies Maven Central). Consumers with no key, a fresh local
 * repository and a settings.xml whose {@code <mirror>} and {@code <server>} point there resolve the catalog without a
 * POM and with one (a version range, a pinned SHA-256), get the producer's files byte for byte, run the other goals on
 * them, and rerun offline from the local repository. Refused artifacts (a checksum the repository serves that does
 * not match, a tampered entry, an entry outside the folder, an unlisted entry, a truncated zip) change nothing.
 */
class CatalogArtifactIT {

    static final String GROUP = "io.modelcatalog.it.team";
    static final String ARTIFACT = "team-models";
    private static final String USER = "ci";
    private static final String PASSWORD = "team-repository-password";

    @TempDir
    static Path work;

    static CorpusServer corpus = new CorpusServer();
    static Path producer;
    static Path hosted;
    static RepositoryServer repository;
    static ForkedMaven.Result firstDeploy;
    static String firstZipSha256;
    static String secondPackageSha256;

    @BeforeAll
    static void produceAndDeploy() throws Exception {
        corpus.beforeEach(null);
        producer = Files.createDirectories(work.resolve("producer"));
        hosted = Files.createDirectories(work.resolve("team-repository"));
        writeProducerPom("1.0.0");
        firstDeploy = new ForkedMaven(producer)
                .goals(
                        "package",
                        ForkedMaven.goal("generate-configs"),
                        "org.apache.maven.plugins:maven-deploy-plugin:3.1.3:deploy")
                .property("altDeploymentRepository", "team::" + hosted.toUri())
                .property("catalog.providers", String.join(",", LegacyCorpus.providerNames()))
                .env(corpus.env())
                .run();
        Path zip = producer.resolve("target/" + ARTIFACT + "-1.0.0-catalog.zip");
        firstZipSha256 = Files.isRegularFile(zip) ? Sha256.of(zip) : null;

        // 1.1.0: a second package run, into a new zip, after the catalog's files were written again (new times)
        try (Stream<Path> files = Files.list(producer.resolve("models"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.write(f, Files.readAllBytes(f));
            }
        }
        writeProducerPom("1.1.0");
        ForkedMaven.Result second = new ForkedMaven(producer)
                .goals("package", "org.apache.maven.plugins:maven-deploy-plugin:3.1.3:deploy")
                .property("altDeploymentRepository", "team::" + hosted.toUri())
                .property("catalog.providers", String.join(",", LegacyCorpus.providerNames()))
                .env(corpus.env())
                .run();
        assertEquals(0, second.exitCode(), second::text);
        secondPackageSha256 = Sha256.of(producer.resolve("target/" + ARTIFACT + "-1.1.0-catalog.zip"));

        List<Path> proxied = new ArrayList<>();
        proxied.add(Path.of(System.getProperty("it.localRepo")));
        String outer = System.getProperty("it.outerRepo");
        if (outer != null && !outer.isBlank() && !outer.contains("${")) {
            proxied.add(Path.of(outer));
        }
        repository = new RepositoryServer(USER, PASSWORD, hosted, proxied);
    }

    @AfterAll
    static void stop() throws Exception {
        if (repository != null) {
            repository.close();
        }
        corpus.afterEach(null);
    }

    private static void writeProducerPom(String version) throws IOException {
        Files.writeString(producer.resolve("pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <packaging>pom</packaging>
                  <properties>
                    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
                  </properties>
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin>
                          <groupId>org.apache.maven.plugins</groupId>
                          <artifactId>maven-deploy-plugin</artifactId>
                          <version>3.1.3</version>
                        </plugin>
                      </plugins>
                    </pluginManagement>
                    <plugins>
                      <plugin>
                        <groupId>io.modelcatalog</groupId>
                        <artifactId>catalog-maven-plugin</artifactId>
                        <version>%s</version>
                        <executions>
                          <execution>
                            <goals>
                              <goal>fetch</goal>
                              <goal>package</goal>
                            </goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(
                        GROUP, ARTIFACT, version, System.getProperty("it.pluginVersion")));
    }

    /** A consumer's settings: a mirror of every repository on the team repository, and its credentials. */
    private static Path settings(Path folder) throws IOException {
        return settings(folder.resolve("settings.xml"), repository.url(), "");
    }

    /**
     * Settings whose mirror of every repository is {@code mirrorUrl}, with the team's credentials for it, and the
     * given {@code <proxies>} element (empty for none).
     */
    private static Path settings(Path file, String mirrorUrl, String proxies) throws IOException {
        return Files.writeString(file, """
                <settings>
                %s  <mirrors>
                    <mirror>
                      <id>team</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                  <servers>
                    <server>
                      <id>team</id>
                      <username>%s</username>
                      <password>%s</password>
                    </server>
                  </servers>
                </settings>
                """.formatted(proxies, mirrorUrl, USER, PASSWORD));
    }

    /**
     * A consumer machine: an empty folder, no key, a local repository of its own, the team's settings. The plugin
     * under test is a snapshot, which a mirror of Maven Central does not serve (Central's repository has snapshots
     * off), so it is installed on the machine as a released plugin would be resolved; everything it needs beyond
     * itself comes through the mirror.
     */
    private static ForkedMaven consumer(Path folder, String... goals) throws IOException {
        Files.createDirectories(folder);
        Path local = folder.resolve("local-repository");
        for (String module : List.of("catalog-parent", "catalog-core", "catalog-maven-plugin")) {
            Path installed = Path.of(System.getProperty("it.localRepo"), "io/modelcatalog", module);
            copyTree(installed, local.resolve("io/modelcatalog").resolve(module));
        }
        // every provider pointed at the loopback server, no key: a request to any would be seen there
        Map<String, String> env = new LinkedHashMap<>(corpus.env());
        env.keySet().removeIf(k -> k.endsWith("_API_KEY") || k.endsWith("_TOKEN") || k.endsWith("_KEY"));
        return new ForkedMaven(folder)
                .goals(goals)
                .settings(settings(folder))
                .localRepository(local)
                .env(env);
    }

    /**
     * A user's aichat config (the real one of the tool-configs samples) in a home of its own under {@code folder},
     * updated offline with groq from {@code catalog}.
     */
    private static Path updatedAichatConfig(Path folder, String homeName, Path catalog) throws Exception {
        Path home = folder.resolve(homeName);
        Path config = home.resolve("aichat/config.yaml");
        Files.createDirectories(config.getParent());
        try (var in = CatalogArtifactIT.class.getClassLoader().getResourceAsStream("tool-configs/aichat/config.yaml")) {
            assertNotNull(in, "tool-configs/aichat/config.yaml on the test classpath");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(config, text.replace("clients:now I want to commit all fuck\n", "clients:\n"));
        }
        ForkedMaven.Result update = consumer(folder, ForkedMaven.goal("update-configs"))
                .offline(true)
                .property("catalog.outputDirectory", catalog)
                .property("catalog.tools", "aichat")
                .property("catalog.providers", "groq")
                .env("HOME", home.toString())
                .env("AICHAT_CONFIG_DIR", config.getParent().toString())
                .env("XDG_CACHE_HOME", home.resolve("cache").toString())
                .run();
        assertEquals(0, update.exitCode(), update::text);
        return config;
    }

    private static String fetchGoal() {
        return ForkedMaven.goal("fetch");
    }

    private static Map<String, byte[]> catalogFiles(Path folder) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("models_") || name.equals("failed_models.json")) {
                    out.put(name, Files.readAllBytes(f));
                }
            }
        }
        return out;
    }

    private static Map<String, String> tree(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.toList()) {
                out.put(
                        folder.relativize(f).toString(),
                        Files.isDirectory(f) ? "<folder>" : Sha256.of(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
    }

    @Test
    void theProducerFetchesPackagesReproduciblyAndDeploys() throws Exception {
        assertEquals(0, firstDeploy.exitCode(), firstDeploy::text);
        assertTrue(firstDeploy.logContains("36 providers: 36 written"), firstDeploy::text);
        assertTrue(firstDeploy.logContains("[INFO] Packaged "), firstDeploy::text);
        assertTrue(firstDeploy.logContains(" files of " + producer.resolve("models") + " ("), firstDeploy::text);
        Path deployed =
                hosted.resolve(GROUP.replace('.', '/') + "/" + ARTIFACT + "/1.0.0/" + ARTIFACT + "-1.0.0-catalog.zip");
        assertTrue(Files.isRegularFile(deployed), firstDeploy::text);
        assertTrue(Files.isRegularFile(deployed.resolveSibling(deployed.getFileName() + ".sha1")));
        assertEquals(firstZipSha256, Sha256.of(deployed));
        assertEquals(firstZipSha256, secondPackageSha256, "two package runs of one catalog, one SHA-256");
        assertTrue(Files.readString(hosted.resolve(GROUP.replace('.', '/') + "/" + ARTIFACT + "/maven-metadata.xml"))
                .contains("<version>1.1.0</version>"));
    }

    @Test
    void aConsumerWithoutKeysOrPomGetsTheProducersFilesThroughTheMirrorAndTheOtherGoalsWorkOnThem() throws Exception {
        Path folder = work.resolve("consumer-no-pom");
        int providerRequests = corpus.server().requests().size();
        ForkedMaven.Result result = consumer(folder, fetchGoal())
                .property("catalog.from", GROUP + ":" + ARTIFACT + ":1.0.0")
                .run();
        assertEquals(0, result.exitCode(), result::text);

        Path models = folder.resolve("models");
        assertSameFiles(catalogFiles(producer.resolve("models")), catalogFiles(models));
        assertEquals(providerRequests, corpus.server().requests().size(), "no provider was asked");
        assertTrue(
                result.logContains("[INFO] Resolved " + GROUP + ":" + ARTIFACT + ":zip:catalog:1.0.0 from team ("
                        + repository.url() + ")"),
                result::text);
        assertTrue(
                result.logContains("replaced as a whole by " + GROUP + ":" + ARTIFACT + ":zip:catalog:1.0.0"),
                result::text);
        assertTrue(
                repository
                        .requests()
                        .contains("GET /" + GROUP.replace('.', '/') + "/" + ARTIFACT + "/1.0.0/" + ARTIFACT
                                + "-1.0.0-catalog.zip"),
                repository.requests()::toString);
        assertFalse(result.text().contains(PASSWORD));
        String origin = Files.readString(models.resolve("catalog-origin.json"));
        assertTrue(origin.contains("\"artifact\": \"" + GROUP + ":" + ARTIFACT + ":zip:catalog:1.0.0\""), origin);
        assertTrue(origin.contains("\"sha256\": \"" + firstZipSha256 + "\""), origin);

        // the other goals on the resolved catalog, as on a fetched one: the same configs as the producer's
        ForkedMaven.Result goals = consumer(
                        folder,
                        ForkedMaven.goal("generate-configs"),
                        ForkedMaven.goal("providers"),
                        ForkedMaven.goal("verify-compat"))
                .offline(true)
                .property("catalog.referenceDirectory", producer.resolve("models"))
                .run();
        assertEquals(0, goals.exitCode(), goals::text);
        assertEquals(tree(producer.resolve("models/configs")), tree(models.resolve("configs")));
        assertTrue(goals.logContains(" identical, 0 same data with different bytes"), goals::text);

        // update-configs on the resolved catalog merges what it merges from the producer's own: the same bytes
        Path fromArtifact = updatedAichatConfig(folder, "home-artifact", models);
        Path fromFetch = updatedAichatConfig(folder, "home-fetch", producer.resolve("models"));
        assertArrayEquals(Files.readAllBytes(fromFetch), Files.readAllBytes(fromArtifact));
        assertTrue(Files.readString(fromArtifact).contains("name: groq"), "groq merged into the user's config");

        // offline: the local repository alone; the team repository is not asked
        int before = repository.requests().size();
        deleteTree(models);
        ForkedMaven.Result offline = consumer(folder, fetchGoal())
                .offline(true)
                .property("catalog.from", GROUP + ":" + ARTIFACT + ":1.0.0")
                .run();
        assertEquals(0, offline.exitCode(), offline::text);
        assertEquals(before, repository.requests().size(), repository.requests()::toString);
        assertSameFiles(catalogFiles(producer.resolve("models")), catalogFiles(models));
    }

    @Test
    void aConsumerPomPinnedToARangeAndADigestGetsTheHighestVersion() throws Exception {
        Path folder = Files.createDirectories(work.resolve("consumer-pom"));
        Path zip110 =
                hosted.resolve(GROUP.replace('.', '/') + "/" + ARTIFACT + "/1.1.0/" + ARTIFACT + "-1.1.0-catalog.zip");
        Files.writeString(folder.resolve("pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.modelcatalog.it</groupId>
                  <artifactId>catalog-consumer</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>io.modelcatalog</groupId>
                        <artifactId>catalog-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <from>%s:%s:[1.0,2.0)</from>
                          <fromSha256>%s</fromSha256>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(
                        System.getProperty("it.pluginVersion"), GROUP, ARTIFACT, Sha256.of(zip110)));
        ForkedMaven.Result result = consumer(folder, fetchGoal()).run();
        assertEquals(0, result.exitCode(), result::text);
        assertTrue(
                result.logContains("[INFO] Resolved " + GROUP + ":" + ARTIFACT + ":zip:catalog:1.1.0 from team"),
                result::text);
        assertTrue(result.logContains(", as pinned"), result::text);
        assertTrue(
                Files.readString(folder.resolve("models/catalog-origin.json")).contains("\"version\": \"1.1.0\""));
        assertSameFiles(catalogFiles(producer.resolve("models")), catalogFiles(folder.resolve("models")));

        // the report reads the resolved catalog as it reads a fetched one: every provider, offline
        ForkedMaven.Result report =
                consumer(folder, ForkedMaven.goal("report")).offline(true).run();
        assertEquals(0, report.exitCode(), report::text);
        assertTrue(
                report.logContains(
                        "Catalog report: " + LegacyCorpus.providerNames().size() + " providers, "),
                report::text);
        assertTrue(Files.isRegularFile(folder.resolve("target/reports/catalog-report.html")), report::text);
    }

    @Test
    void aConsumerBehindAnHttpProxyResolvesThroughIt() throws Exception {
        Path folder = Files.createDirectories(work.resolve("consumer-proxy"));
        // the team repository under a name no resolver can look up: only the proxy of settings.xml reaches it (the
        // loopback repository server answers requests in proxy form, as a forward proxy in front of it would)
        String unreachable = "http://team.repository.invalid/";
        String proxy = """
                  <proxies>
                    <proxy>
                      <id>office</id>
                      <active>true</active>
                      <protocol>http</protocol>
                      <host>127.0.0.1</host>
                      <port>%d</port>
                    </proxy>
                  </proxies>
                """.formatted(URI.create(repository.url()).getPort());
        Path settings = settings(folder.resolve("proxy-settings.xml"), unreachable, proxy);
        int before = repository.requests().size();
        ForkedMaven.Result result = consumer(folder, fetchGoal())
                .settings(settings)
                .property("catalog.from", GROUP + ":" + ARTIFACT + ":1.0.0")
                .run();
        assertEquals(0, result.exitCode(), result::text);
        assertTrue(
                result.logContains("[INFO] Resolved " + GROUP + ":" + ARTIFACT + ":zip:catalog:1.0.0 from team ("
                        + unreachable + ")"),
                result::text);
        List<String> seen =
                repository.requests().subList(before, repository.requests().size());
        assertTrue(
                seen.contains("GET /" + GROUP.replace('.', '/') + "/" + ARTIFACT + "/1.0.0/" + ARTIFACT
                        + "-1.0.0-catalog.zip"),
                seen::toString);
        assertSameFiles(catalogFiles(producer.resolve("models")), catalogFiles(folder.resolve("models")));
    }

    @Test
    void refusedArtifactsChangeNothing() throws Exception {
        Path folder = work.resolve("consumer-refusals");
        ForkedMaven.Result first = consumer(folder, fetchGoal())
                .property("catalog.from", GROUP + ":" + ARTIFACT + ":1.0.0")
                .run();
        assertEquals(0, first.exitCode(), first::text);
        Path models = folder.resolve("models");
        Files.createDirectories(models.resolve("configs"));
        Files.writeString(models.resolve("configs/ours.txt"), "not the catalog");
        Map<String, String> before = tree(models);

        byte[] good = Files.readAllBytes(producer.resolve("target/" + ARTIFACT + "-1.1.0-catalog.zip"));
        Map<String, byte[]> refused = new LinkedHashMap<>();
        refused.put("9.0.1", rewritten(good, "models_openai.json", tamper -> tamper[tamper.length / 2] ^= 1, null));
        refused.put("9.0.2", rewritten(good, null, null, "../models_evil.json"));
        refused.put("9.0.3", rewritten(good, null, null, "models_extra.json"));
        refused.put("9.0.4", Arrays.copyOf(good, good.length - 100));
        Map<String, String> expected = Map.of(
                "9.0.1", "entry models_openai.json has SHA-256 ",
                "9.0.2", "entry '../models_evil.json' leads out of the catalog folder",
                "9.0.3", "entry 'models_extra.json' is not listed in its manifest",
                "9.0.4", "is not a readable zip");
        for (Map.Entry<String, byte[]> r : refused.entrySet()) {
            deploy(r.getKey(), r.getValue(), r.getValue());
        }
        // the repository's checksum does not match the zip it serves
        deploy("9.0.5", good, "something else".getBytes(StandardCharsets.UTF_8));

        for (String version : List.of("9.0.1", "9.0.2", "9.0.3", "9.0.4", "9.0.5")) {
            ForkedMaven.Result result = consumer(folder, fetchGoal())
                    .property("catalog.from", GROUP + ":" + ARTIFACT + ":" + version)
                    .run();
            assertNotEquals(0, result.exitCode(), result::text);
            if (version.equals("9.0.5")) {
                assertTrue(
                        result.logContains("the repository's checksum does not match the downloaded zip"),
                        result::text);
                assertFalse(
                        Files.exists(folder.resolve("local-repository/" + GROUP.replace('.', '/') + "/" + ARTIFACT
                                + "/9.0.5/" + ARTIFACT + "-9.0.5-catalog.zip")),
                        "not kept in the local repository");
            } else {
                assertTrue(result.logContains(expected.get(version)), version + ": " + result.text());
                assertTrue(result.logContains("the catalog in " + models + " was left as it was"), result::text);
            }
            assertEquals(before, tree(models), version);
            assertFalse(Files.exists(folder.resolve("models_evil.json")));
        }
    }

    /** Puts a zip into the team repository as version {@code version}, with checksums of {@code checksummed}. */
    private static void deploy(String version, byte[] zip, byte[] checksummed) throws Exception {
        Path dir = Files.createDirectories(hosted.resolve(GROUP.replace('.', '/') + "/" + ARTIFACT + "/" + version));
        String name = ARTIFACT + "-" + version + "-catalog.zip";
        Files.write(dir.resolve(name), zip);
        Files.writeString(dir.resolve(name + ".sha1"), hex("SHA-1", checksummed));
        Files.writeString(dir.resolve(name + ".md5"), hex("MD5", checksummed));
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    /** An entry's bytes, changed in place. */
    private interface Tamper {
        void apply(byte[] bytes);
    }

    /** The zip again, one entry's bytes tampered with (its manifest kept), or one entry more. */
    private static byte[] rewritten(byte[] zip, String entry, Tamper tamper, String added) throws IOException {
        Path in = Files.createTempFile(work, "in", ".zip");
        Files.write(in, zip);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile source = new ZipFile(in.toFile());
                ZipOutputStream target = new ZipOutputStream(out)) {
            for (ZipEntry e : source.stream().toList()) {
                byte[] bytes = source.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) {
                    tamper.apply(bytes);
                }
                target.putNextEntry(new ZipEntry(e.getName()));
                target.write(bytes);
                target.closeEntry();
            }
            if (added != null) {
                target.putNextEntry(new ZipEntry(added));
                target.write("[]".getBytes(StandardCharsets.UTF_8));
                target.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
