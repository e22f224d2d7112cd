package io.modelcatalog.maven;

import io.modelcatalog.artifact.CatalogPackage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * {@code project.build.outputTimestamp} as Maven's own archivers read it: seconds since the epoch, or an ISO-8601
 * date and time with an offset ({@code 2026-01-01T00:00:00Z}); unset, or one character (the way to turn it off),
 * means no timestamp, and then the package gets {@link CatalogPackage#DEFAULT_TIME} so it stays reproducible.
 */
final class BuildTimestamp {

    private BuildTimestamp() {}

    static Instant parse(String value) throws MojoExecutionException {
        if (value == null || value.trim().length() < 2 || value.contains("${")) {
            return CatalogPackage.DEFAULT_TIME;
        }
        String v = value.trim();
        try {
            return v.chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochSecond(Long.parseLong(v))
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MojoExecutionException("project.build.outputTimestamp must be seconds since 1970 or an ISO-8601"
                    + " date and time with an offset, such as 2026-01-01T00:00:00Z; was '" + v + "'");
        }
    }
}
