package io.modelcatalog.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.testing.LegacyCorpus;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report goal as the site plugin drives it ({@code generate(sink, ...)}): the page names the catalog folder
 * relative to the project and carries the core's fragment; skips, and a bad provider name, are Maven-worded.
 */
class ReportMojoTest {

    @TempDir
    Path project;

    private ReportMojo report(String providers) throws Exception {
        Path models = project.resolve("target/models");
        Files.createDirectories(models);
        for (String p : List.of("groq", "sambanova")) {
            for (String ext : List.of("json", "txt", "toml")) {
                Files.write(models.resolve("models_" + p + "." + ext), LegacyCorpus.bak("models_" + p + "." + ext));
            }
        }
        MavenProject mavenProject = new MavenProject();
        mavenProject.setFile(project.resolve("pom.xml").toFile());
        ReportMojo mojo = new ReportMojo();
        set(mojo, ReportMojo.class, "catalogDirectory", models.toFile());
        set(mojo, ReportMojo.class, "providerNames", providers);
        set(mojo, ReportMojo.class, "project", mavenProject);
        return mojo;
    }

    private static String render(ReportMojo mojo) throws MavenReportException {
        StringWriter out = new StringWriter();
        mojo.generate(new Xhtml5BaseSink(out) {}, Locale.ROOT);
        return out.toString();
    }

    @Test
    void rendersTheCatalogIntoTheSink() throws Exception {
        String page = render(report(null));
        assertTrue(page.contains("Model catalog"), page);
        assertTrue(page.contains("2 providers and 32 models in <code>target/models</code>"), page);
        assertTrue(page.contains("<section class=\"mcr-provider\" id=\"mcr-p-groq\">"));
        assertTrue(page.contains("<script>"), "the fragment goes through raw, script included");
    }

    @Test
    @SuppressWarnings("deprecation")
    void thePagePathIsTheReportApi4sOwnMethod() throws Exception {
        ReportMojo mojo = report(null);
        assertEquals("catalog-report", mojo.getOutputPath());
        assertEquals("catalog-report", mojo.getOutputName(), "a site plugin asking the old name gets the same");
        // the interface's default would delegate to the deprecated method: the mojo answers itself
        assertEquals(
                ReportMojo.class, ReportMojo.class.getMethod("getOutputPath").getDeclaringClass());
    }

    @Test
    void skipFlagsLeaveThePageOut() throws Exception {
        ReportMojo mojo = report(null);
        assertTrue(mojo.canGenerateReport());
        set(mojo, ReportMojo.class, "reportSkip", true);
        assertFalse(mojo.canGenerateReport());
        ReportMojo all = report(null);
        set(all, ReportMojo.class, "skip", true);
        assertFalse(all.canGenerateReport());
    }

    @Test
    void unknownProviderNamesTheProperty() throws Exception {
        MavenReportException e = assertThrows(MavenReportException.class, () -> render(report("groq,nosuch")));
        assertTrue(e.getMessage().startsWith("catalog.providers: unknown provider nosuch"), e.getMessage());
    }

    @Test
    void aCatalogPathThatIsARegularFileIsSaidSo() throws Exception {
        // it once warned that the folder "does not exist" and rendered an empty page
        Path file = Files.writeString(project.resolve("models-file"), "x");
        ReportMojo mojo = report(null);
        set(mojo, ReportMojo.class, "catalogDirectory", file.toFile());
        MavenReportException e = assertThrows(MavenReportException.class, () -> render(mojo));
        assertEquals(
                "The catalog folder " + file + " is a regular file, not a folder: point catalog.outputDirectory at "
                        + "the folder the fetch goal writes",
                e.getMessage());
    }

    @Test
    void standaloneTheReportIsADocumentOfItsOwn() throws Exception {
        ReportMojo mojo = report(null);
        Path pages = project.resolve("target/reports");
        set(mojo, ReportMojo.class, "outputDirectory", pages.toFile());
        MojoLogRecorder log = new MojoLogRecorder();
        mojo.setLog(log);
        mojo.execute();
        List<String> info = log.at("INFO");
        assertEquals("Report:  " + pages.resolve("catalog-report.html"), info.get(info.size() - 1));
        String page = Files.readString(pages.resolve("catalog-report.html"));
        assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), page);
        assertTrue(page.contains("<section class=\"mcr-provider\" id=\"mcr-p-sambanova\">"), page);
        // the same catalog gives the same bytes
        byte[] first = Files.readAllBytes(pages.resolve("catalog-report.html"));
        // a report without a folder of its own writes to the project's target/reports: the same file
        report(null).execute();
        mojo.execute();
        assertArrayEquals(first, Files.readAllBytes(pages.resolve("catalog-report.html")));
        assertEquals(pages.toFile(), mojo.getReportOutputDirectory());
        assertEquals(MavenReport.CATEGORY_PROJECT_REPORTS, mojo.getCategoryName());
        assertFalse(mojo.isExternalReport());
    }

    @Test
    void standaloneSkippedOrFailingWritesNothing() throws Exception {
        Path pages = project.resolve("target/reports");
        ReportMojo skipped = report(null);
        set(skipped, ReportMojo.class, "outputDirectory", pages.toFile());
        set(skipped, ReportMojo.class, "reportSkip", true);
        skipped.execute();
        assertFalse(Files.exists(pages), "skipped: no page");

        ReportMojo bad = report("groq,nosuch");
        set(bad, ReportMojo.class, "outputDirectory", pages.toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, bad::execute);
        assertTrue(e.getMessage().startsWith("catalog.providers: unknown provider nosuch"), e.getMessage());
        assertFalse(Files.exists(pages), "a failed report writes no page");
    }

    @Test
    void theProvidersFilesOverridesShapeTheFamiliesAndABadOneWritesNothing() throws Exception {
        Path providers = project.resolve("providers.yaml");
        Files.writeString(providers, """
                families:
                  join:
                    groq/llama-3.3-70b-versatile: meta/meta-llama-3.3-70b-instruct
                """);
        ReportMojo mojo = report(null);
        set(mojo, ReportMojo.class, "providersFile", providers.toFile());
        String page = render(mojo);
        assertTrue(page.contains("<tr id=\"mcr-f-meta/meta-llama-3.3-70b-instruct\">"), page);

        Files.writeString(providers, """
                families:
                  join:
                    groq/llama-3.3-70b: meta/meta-llama-3.3-70b-instruct
                """);
        Path pages = project.resolve("target/reports");
        ReportMojo bad = report(null);
        set(bad, ReportMojo.class, "providersFile", providers.toFile());
        set(bad, ReportMojo.class, "outputDirectory", pages.toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, bad::execute);
        assertTrue(
                e.getMessage()
                        .startsWith(providers + ":3:5: groq lists no model \"llama-3.3-70b\"; its closest: "
                                + "llama-3.3-70b-versatile"),
                e.getMessage());
        assertFalse(Files.exists(pages), "a failed report writes no page");
    }

    private static void set(Object target, Class<?> owner, String field, Object value) throws Exception {
        Field f = owner.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
