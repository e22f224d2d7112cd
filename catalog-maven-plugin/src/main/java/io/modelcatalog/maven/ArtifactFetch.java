package io.modelcatalog.maven;

import io.modelcatalog.artifact.CatalogArtifactException;
import io.modelcatalog.artifact.CatalogInstall;
import io.modelcatalog.artifact.CatalogOrigin;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The fetch goal with {@code catalog.from}: the catalog resolved as an artifact ({@link CatalogArtifacts}), checked
 * and put in place of the folder's ({@link CatalogInstall}), and said in the log. No provider is asked and no key is
 * needed.
 *
 * @param from       {@code catalog.from}: {@code GROUP:ARTIFACT:VERSION}
 * @param fromSha256 {@code catalog.fromSha256}: the zip's SHA-256, or null
 * @param maxBytes   {@code catalog.fromMaxBytes}
 * @param folder     the catalog folder
 * @param lockFolder where the install's lock lives
 */
record ArtifactFetch(String from, String fromSha256, long maxBytes, File folder, Path lockFolder) {

    /** Resolves, checks and installs the catalog; a refused zip leaves the folder byte-identical. */
    void run(CatalogArtifacts artifacts, MavenSession session, MavenProject project, Log log)
            throws MojoExecutionException {
        String pin = pin(fromSha256);
        if (maxBytes <= 0) {
            throw new MojoExecutionException(
                    "catalog.fromMaxBytes must be a positive number of bytes, was " + maxBytes);
        }
        log.info("Catalog from the artifact " + from.trim() + " (" + CatalogArtifacts.TYPE + ", classifier "
                + CatalogArtifacts.CLASSIFIER + "): no provider is asked, no key is needed");
        CatalogArtifacts.Resolved resolved = artifacts.resolve(from, session, project);
        log.info("Resolved " + resolved.origin().artifact() + " from "
                + resolved.origin().repository() + ": " + resolved.zip());
        CatalogInstall.Result r;
        try {
            r = CatalogInstall.install(new CatalogInstall.Request(
                    resolved.zip().toPath(), folder.toPath(), resolved.origin(), pin, maxBytes, lockFolder));
        } catch (CatalogArtifactException e) {
            throw new MojoExecutionException(MavenWords.of(e, folder), e);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Catalog from " + resolved.origin().artifact() + " into " + folder + " failed: "
                            + MavenWords.of(e, "catalog.outputDirectory"),
                    e);
        }
        for (Path swap : r.recovered()) {
            log.warn("Undid the unfinished replacement a killed run left in " + swap);
        }
        CatalogOrigin o = r.origin();
        log.info("Checked " + o.files() + " files (" + o.bytes() + " bytes, "
                + r.layout().name().toLowerCase(Locale.ROOT)
                + " layout) against the zip's manifest; the zip's SHA-256 is " + o.sha256()
                + (pin == null ? " (catalog.fromSha256 pins it)" : ", as pinned"));
        log.info(
                r.changed()
                        ? "Catalog in " + folder + " replaced as a whole by " + o.artifact() + ": "
                                + r.added().size()
                                + " added, " + r.replaced().size() + " replaced, "
                                + r.removed().size() + " removed, "
                                + r.unchanged().size() + " unchanged; recorded in " + CatalogOrigin.FILE + " ("
                                + r.millis()
                                + " ms; other files in the folder left alone)"
                        : "Catalog in " + folder + " is " + o.artifact() + "'s already: "
                                + r.unchanged().size() + " files unchanged, nothing written (" + r.millis() + " ms)");
    }

    /** {@code catalog.fromSha256} as 64 lowercase hex digits; null when unset. */
    private static String pin(String value) throws MojoExecutionException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.length() != 64 || !v.chars().allMatch(HexFormat::isHexDigit)) {
            throw new MojoExecutionException(
                    "catalog.fromSha256 must be the zip's SHA-256 as 64 hex digits, was '" + value.trim() + "'");
        }
        return v;
    }
}
