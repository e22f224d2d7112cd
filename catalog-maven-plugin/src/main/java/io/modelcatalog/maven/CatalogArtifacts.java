package io.modelcatalog.maven;

import io.modelcatalog.artifact.CatalogOrigin;
import java.io.File;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.AbstractForwardingRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.ArtifactRepository;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.transfer.ChecksumFailureException;

/**
 * Resolves the catalog artifact {@code GROUP:ARTIFACT:zip:catalog:VERSION} through the build's own resolver session
 * and the project's remote repositories, as Maven resolves a dependency: mirrors, proxies and server credentials of
 * {@code settings.xml}, {@code -o}, the local repository, version ranges. One difference: a checksum the repository
 * serves that does not match the download fails the resolution whatever the checksum policy (Maven's default only
 * warns), since the catalog replaces files.
 */
@Named
@Singleton
public class CatalogArtifacts {

    /** The artifact's type and classifier, as the package goal attaches it. */
    static final String TYPE = "zip";

    static final String CLASSIFIER = "catalog";

    private final RepositorySystem system;

    @Inject
    public CatalogArtifacts(RepositorySystem system) {
        this.system = system;
    }

    /**
     * The catalog zip named by {@code coordinates} ({@code GROUP:ARTIFACT:VERSION}, the version a version or a range),
     * from the local repository or downloaded into it.
     *
     * @return the zip and what the run record says of it
     * @throws MojoExecutionException naming the artifact, the repositories asked and what to change
     */
    Resolved resolve(String coordinates, MavenSession session, MavenProject project) throws MojoExecutionException {
        String[] parts = coordinates.trim().split(":");
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new MojoExecutionException("catalog.from must be GROUP:ARTIFACT:VERSION (a version, or a range such"
                    + " as [1.0,2.0)), was '" + coordinates + "'");
        }
        RepositorySystemSession repoSession = session == null ? null : session.getRepositorySession();
        if (repoSession == null) {
            throw new MojoExecutionException("catalog.from needs Maven's resolver session, which this build has not");
        }
        RepositorySystemSession strict = new StrictChecksums(repoSession);
        List<RemoteRepository> repositories = project == null ? List.of() : project.getRemoteProjectRepositories();
        Artifact artifact = new DefaultArtifact(parts[0].trim(), parts[1].trim(), CLASSIFIER, TYPE, parts[2].trim());
        if (isRange(artifact.getVersion())) {
            artifact = artifact.setVersion(highest(strict, artifact, repositories));
        }
        try {
            ArtifactResult result =
                    system.resolveArtifact(strict, new ArtifactRequest(artifact, repositories, "catalog"));
            Artifact resolved = result.getArtifact();
            return new Resolved(
                    resolved.getFile(),
                    new CatalogOrigin.Artifact(
                            resolved.toString(),
                            resolved.getVersion(),
                            coordinates.trim(),
                            where(result.getRepository())));
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException(notResolved(artifact, e, repoSession, repositories), e);
        }
    }

    /**
     * A resolved catalog zip.
     *
     * @param zip    the file, in the local repository
     * @param origin what the run record says of it
     */
    record Resolved(File zip, CatalogOrigin.Artifact origin) {}

    private static boolean isRange(String version) {
        return version.startsWith("[") || version.startsWith("(");
    }

    private String highest(RepositorySystemSession session, Artifact artifact, List<RemoteRepository> repositories)
            throws MojoExecutionException {
        try {
            VersionRangeResult range =
                    system.resolveVersionRange(session, new VersionRangeRequest(artifact, repositories, "catalog"));
            if (range.getHighestVersion() == null) {
                throw new MojoExecutionException("No version of " + artifact.getGroupId() + ":"
                        + artifact.getArtifactId() + " in " + artifact.getVersion() + " in " + names(repositories)
                        + (session.isOffline() ? " (offline: only the local repository was read)" : "")
                        + ": check catalog.from, and that the job that packages the catalog deployed one");
            }
            return range.getHighestVersion().toString();
        } catch (VersionRangeResolutionException e) {
            throw new MojoExecutionException("Cannot read the versions of " + artifact + ": " + e.getMessage(), e);
        }
    }

    /** Why an artifact was not resolved, with the remedy: a checksum refused, offline, or in no repository. */
    private static String notResolved(
            Artifact artifact,
            ArtifactResolutionException e,
            RepositorySystemSession session,
            List<RemoteRepository> repositories) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ChecksumFailureException) {
                return "Refused " + artifact + ": the repository's checksum does not match the downloaded zip ("
                        + t.getMessage() + "); the download was damaged, or the file in the repository was replaced"
                        + " after it was deployed. Nothing was changed";
            }
        }
        if (session.isOffline()) {
            return "Cannot resolve " + artifact + " offline (-o): the local repository "
                    + session.getLocalRepository().getBasedir() + " lacks it; run once online first";
        }
        return "Cannot resolve " + artifact + " from " + names(repositories) + ": " + e.getMessage()
                + ". Check catalog.from, that the job that packages the catalog deployed this version (mvn deploy),"
                + " and the repositories or <mirror> of settings.xml";
    }

    private static String names(List<RemoteRepository> repositories) {
        return repositories.isEmpty()
                ? "the local repository alone (the project names no remote repository)"
                : repositories.stream()
                        .map(r -> r.getId() + " (" + r.getUrl() + ")")
                        .collect(Collectors.joining(", "));
    }

    private static String where(ArtifactRepository repository) {
        if (repository instanceof RemoteRepository r) {
            return r.getId() + " (" + r.getUrl() + ")";
        }
        if (repository instanceof LocalRepository l) {
            return "the local repository " + l.getBasedir();
        }
        return repository == null ? "the local repository" : repository.getId();
    }

    /** The build's session with one change: a checksum that does not match fails the download. */
    private static final class StrictChecksums extends AbstractForwardingRepositorySystemSession {
        private final RepositorySystemSession session;

        StrictChecksums(RepositorySystemSession session) {
            this.session = session;
        }

        @Override
        protected RepositorySystemSession getSession() {
            return session;
        }

        @Override
        public String getChecksumPolicy() {
            return RepositoryPolicy.CHECKSUM_POLICY_FAIL;
        }
    }
}
