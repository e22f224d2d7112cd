package io.modelcatalog.providers;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A providers file as snakeyaml-engine composes it: its node tree with each node's position, for the readers of its
 * parts (the providers list here, family overrides and aliases in {@code io.modelcatalog.identity}). One owner for
 * how a syntax error is reported.
 */
public final class ProviderFileYaml {

    private ProviderFileYaml() {}

    /**
     * The document's root node (empty for an empty document); a byte-order mark is skipped.
     *
     * @param source the file, as messages name it
     * @throws ProviderFileException for a syntax error: {@code file:line:column: <the parser's problem>}, one line
     */
    public static Optional<Node> compose(String text, String source) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setCodePointLimit(Integer.MAX_VALUE)
                .build();
        try {
            return new Compose(settings).composeString(t);
        } catch (MarkedYamlEngineException e) {
            throw new ProviderFileException(ProviderFileReader.syntaxError(source, e), e);
        } catch (YamlEngineException e) {
            throw new ProviderFileException(
                    source + ": not valid YAML: " + ProviderFileReader.oneLine(e.getMessage()), e);
        }
    }
}
