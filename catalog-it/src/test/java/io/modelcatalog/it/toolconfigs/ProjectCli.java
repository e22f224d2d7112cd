package io.modelcatalog.it.toolconfigs;

import io.modelcatalog.testing.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a real CLI that the ITs run is: in the project's {@code .tools/} folder, where {@code .ci/install-tools}
 * installs its pinned npm package, or wherever a system property points. A check that needs it is skipped on a
 * developer's machine when it is missing and fails in CI ({@link RequiredTool}).
 */
public abstract class ProjectCli {

    private final Path executable;

    ProjectCli(Path executable) {
        this.executable = executable;
    }

    public Path executable() {
        return executable;
    }

    /**
     * The executable; when it is missing, the calling test (or, from a {@code @BeforeAll}, its class) is skipped, or
     * in CI failed, naming what was looked for and the install command.
     *
     * @param moduleDir  the IT module's folder (failsafe's working folder); the project root is its parent
     * @param tool       what it is, for the message ({@code the codex CLI})
     * @param property   the system property that names an executable instead
     * @param binary     its name in {@code .tools/node_modules/.bin/}
     * @param npmPackage the package {@code .ci/install-tools} installs it from
     */
    static Path locate(Path moduleDir, String tool, String property, String binary, String npmPackage) {
        String configured = System.getProperty(property);
        Path executable = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : moduleDir.toAbsolutePath().getParent().resolve(".tools/node_modules/.bin/" + binary);
        Optional<String> missing = Files.isExecutable(executable)
                ? Optional.empty()
                : Optional.of(
                        configured != null && !configured.isBlank()
                                ? "-D" + property + "=" + configured + " is not an executable file"
                                : executable + " does not exist");
        RequiredTool.require(
                tool,
                missing,
                ".ci/install-tools (needs npm; installs the pinned " + npmPackage + " into .tools/), or pass -D"
                        + property + "=<path to " + binary + ">");
        return executable;
    }
}
