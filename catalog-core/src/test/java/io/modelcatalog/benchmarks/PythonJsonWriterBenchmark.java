package io.modelcatalog.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.legacy.PythonJsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link PythonJsonWriter} against Jackson's default pretty printer on the largest corpus document
 * (featherless, ~2 MB written), parsed and sorted once. Target: the Python-compatible writer within 1.5x of
 * Jackson's time. Run with the {@code benchmarks} profile of catalog-core (command in its pom).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PythonJsonWriterBenchmark {

    private JsonNode document;
    private ObjectWriter jacksonPretty;

    @Setup
    public void setUp() throws IOException {
        byte[] body;
        try (InputStream in =
                PythonJsonWriterBenchmark.class.getResourceAsStream("/legacy-corpus/responses/featherless.json")) {
            if (in == null) {
                throw new IllegalStateException("featherless.json not on the test classpath");
            }
            body = in.readAllBytes();
        }
        document = ModelList.of(JsonDocuments.parse(body, "featherless.json")).document();
        jacksonPretty = new ObjectMapper().writerWithDefaultPrettyPrinter();
    }

    @Benchmark
    public byte[] pythonJsonWriter() {
        return PythonJsonWriter.toBytes(document);
    }

    @Benchmark
    public byte[] jacksonDefaultPrettyPrinter() throws IOException {
        return jacksonPretty.writeValueAsBytes(document);
    }
}
