package io.modelcatalog.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The whole index as JSON: {@code {"families": [{"family", "name", "members": [{"provider", "id", "variant",
 * "joinedBy", ...facts}]}]}}, families by id, members by provider and id, facts only where known. Same index,
 * same bytes.
 */
public final class ModelsIndexJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ModelsIndexJson() {}

    public static byte[] bytes(FamilyIndex index) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode families = root.putArray("families");
        for (Family f : index.families()) {
            ObjectNode fam = families.addObject();
            fam.put("family", f.id());
            fam.put("name", f.name());
            fam.put("providers", f.providerCount());
            ArrayNode members = fam.putArray("members");
            for (Member m : f.members()) {
                ObjectNode o = members.addObject();
                o.put("provider", m.provider());
                o.put("id", m.id());
                ArrayNode v = o.putArray("variant");
                m.variant().forEach(v::add);
                o.put("joinedBy", m.joinedBy());
                if (m.cached() != null) {
                    o.put("cachedInputPrice", m.cached().usdPerMillion());
                    o.put("cachedInputPriceFrom", m.cached().source());
                }
                ModelFacts x = m.facts();
                if (x != null) {
                    if (x.contextWindow() != null) o.put("contextWindow", x.contextWindow());
                    if (x.maxOutputTokens() != null) o.put("maxOutputTokens", x.maxOutputTokens());
                    if (x.inputPrice() != null) o.put("inputPrice", x.inputPrice());
                    if (x.outputPrice() != null) o.put("outputPrice", x.outputPrice());
                    if (x.toolCalling() != null) o.put("toolCalling", x.toolCalling());
                    if (x.reasoning() != null) o.put("reasoning", x.reasoning());
                    if (x.vision() != null) o.put("vision", x.vision());
                    if (!x.fromLiteLlm().isEmpty()) {
                        ArrayNode src = o.putArray("fromLiteLlm");
                        x.fromLiteLlm().forEach(fact -> src.add(fact.name().toLowerCase(java.util.Locale.ROOT)));
                    }
                }
            }
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the index atomically (a failed write leaves the previous file as it was). */
    public static void write(Path file, FamilyIndex index) throws IOException {
        AtomicFiles.write(file, bytes(index));
    }
}
