package io.modelcatalog.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A made-up OpenAI-style model list of any size, for scale tests and benchmarks (nothing of it is committed): about
 * 300 bytes per model, with the kinds of fields real lists have (nested objects, prices as strings, integers, a
 * float, a non-ASCII character now and then), in a shuffled order so that the legacy sort has work to do. The same
 * size and seed give the same bytes.
 */
public final class SyntheticModelList {

    private SyntheticModelList() {}

    /** The body of a list of {@code models} models. */
    public static byte[] body(int models, long seed) {
        Random random = new Random(seed);
        List<Integer> order = new ArrayList<>(models);
        for (int i = 0; i < models; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        ByteArrayOutputStream out = new ByteArrayOutputStream(models * 320 + 64);
        StringBuilder sb = new StringBuilder(512);
        out.writeBytes("{\"object\": \"list\", \"data\": [".getBytes(StandardCharsets.UTF_8));
        for (int k = 0; k < models; k++) {
            int i = order.get(k);
            int vendor = i % 97;
            sb.setLength(0);
            sb.append(k == 0 ? "" : ", ")
                    .append("{\"id\": \"vendor-")
                    .append(vendor)
                    .append("/model-")
                    .append(String.format(Locale.ROOT, "%06d", i))
                    .append(i % 3 == 0 ? "-instruct" : i % 3 == 1 ? "-chat" : "")
                    .append("\", \"object\": \"model\", \"created\": ")
                    .append(1_700_000_000L + i)
                    .append(", \"owned_by\": \"vendor-")
                    .append(vendor)
                    .append("\", \"context_length\": ")
                    .append(4096 << (i % 6))
                    .append(", \"pricing\": {\"prompt\": \"0.00000")
                    .append(1 + random.nextInt(9))
                    .append("\", \"completion\": \"0.0000")
                    .append(10 + random.nextInt(89))
                    .append("\"}, \"temperature\": ")
                    .append(random.nextInt(20) / 10.0)
                    .append(", \"description\": \"Synthetic model ")
                    .append(i)
                    .append(i % 50 == 0 ? " \u00e9t\u00e9" : "")
                    .append(" of a scale benchmark, text of a realistic length.\", \"architecture\": ")
                    .append("{\"modality\": \"text->text\", \"tokenizer\": \"Other\", \"instruct_type\": null}}");
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
