package io.modelcatalog.benchmarks;

import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.identity.CatalogListings;
import io.modelcatalog.identity.FamilyIndex;
import io.modelcatalog.identity.Listing;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Indexing the corpus catalog (8,508 listings of the 35 API providers; LiteLLM's map is a data source, not a provider) in a warm JVM, as the {@code models} goal does:
 * reading and normalizing every provider's file then building the families ({@link #readAndIndex}), and the identity
 * rules alone on listings read once ({@link #indexOnly}). Target: under 300 ms for 10k models. Run with the
 * {@code benchmarks} profile of catalog-core: {@code -Djmh.args="-wi 3 -i 5 -f 1 FamilyIndexBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FamilyIndexBenchmark {

    private Path catalog;
    private ProviderRegistry registry;
    private List<Listing> listings;

    @Setup
    public void setUp() throws IOException {
        catalog = CorpusEntries.catalogDir();
        registry = ProviderRegistry.builtIn();
        listings = CatalogListings.read(catalog, registry);
        if (listings.size() < 8_000) {
            throw new IllegalStateException("the corpus has " + listings.size() + " listings");
        }
    }

    @Benchmark
    public FamilyIndex readAndIndex() throws IOException {
        return FamilyIndex.build(CatalogListings.read(catalog, registry));
    }

    @Benchmark
    public FamilyIndex indexOnly() {
        return FamilyIndex.build(listings);
    }
}
