package fr.lanterne.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.registry.Technology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-by-document counting gives exactly Lucene's counts: many segments, re-indexed and deleted documents. */
class PageFacetCountsTest {

    @TempDir
    Path folder;

    @Test
    void counts_as_lucene_does() throws IOException {
        FacetsConfig config = PageFields.facetsConfig();
        Random random = new Random(42);
        try (FSDirectory directory = FSDirectory.open(folder);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new FrenchSearchAnalyzer())
                     .setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int document = 0; document < 300; document++) {
                List<Document> pages = new ArrayList<>();
                for (PageDocument page : pages(document, random)) {
                    pages.add(config.build(PageFields.toDocument(page)));
                }
                writer.updateDocuments(PageFields.documentTerm(sha(document)), pages);
                if (document % 37 == 0) {
                    writer.commit();
                }
                if (document % 11 == 0 && document > 0) {
                    // Re-ingested with other pages, or deleted: leaves deleted pages behind in earlier segments.
                    int earlier = random.nextInt(document);
                    if (random.nextBoolean()) {
                        writer.deleteDocuments(PageFields.documentTerm(sha(earlier)));
                    } else {
                        List<Document> again = new ArrayList<>();
                        for (PageDocument page : pages(earlier, random)) {
                            again.add(config.build(PageFields.toDocument(page)));
                        }
                        writer.updateDocuments(PageFields.documentTerm(sha(earlier)), again);
                    }
                }
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves().size()).isGreaterThan(5);
                assertThat(reader.hasDeletions()).isTrue();
                IndexSearcher searcher = new IndexSearcher(reader);
                DefaultSortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
                DocumentBlocks blocks = new DocumentBlocks();
                for (Query query : List.of(new MatchAllDocsQuery(),
                        new TermQuery(PageFields.Criterion.DEPARTEMENT.term("13")),
                        new TermQuery(PageFields.Criterion.VENDOR.term("briefcam")),
                        new TermQuery(new org.apache.lucene.index.Term(PageFields.TEXT, "camera")))) {
                    FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
                    PageFacetCounts ours = new PageFacetCounts(state, hits, blocks);
                    SortedSetDocValuesFacetCounts lucene = new SortedSetDocValuesFacetCounts(state, hits);
                    for (SearchFacet facet : SearchFacet.values()) {
                        FacetResult expected = lucene.getTopChildren(10_000, facet.key());
                        FacetResult actual = ours.getTopChildren(10_000, facet.key());
                        if (expected == null) {
                            assertThat(actual == null || actual.labelValues.length == 0).isTrue();
                        } else {
                            assertThat(actual.labelValues).as("%s for %s", facet, query)
                                    .containsExactlyInAnyOrder(expected.labelValues);
                        }
                    }
                }
            }
        }
    }

    private static String sha(int document) {
        return String.format("%064x", document);
    }

    private static List<PageDocument> pages(int document, Random random) {
        List<String> departements = List.of("13", "30", "06", "2A", "974");
        List<String> vendors = List.of("Briefcam", "Wintics", "IBM");
        String departement = departements.get(random.nextInt(departements.size()));
        String insee = departement + String.format("%03d", random.nextInt(5));
        List<Technology> technologies = List.of(Technology.values()[random.nextInt(5)],
                Technology.values()[random.nextInt(5)]).stream().distinct().toList();
        List<String> vendor = random.nextInt(3) == 0 ? List.of() : List.of(vendors.get(random.nextInt(3)));
        LocalDate received = LocalDate.of(2018 + random.nextInt(6), 1 + random.nextInt(12), 1);
        String kind = random.nextBoolean() ? "DELIBERATION" : "INVOICE";
        List<PageDocument> pages = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int page = 1; page <= count; page++) {
            pages.add(new PageDocument(sha(document), page, random.nextBoolean() ? "Les caméras de la ville" : "Budget",
                    null, "COM-" + insee, null, insee, "Commune " + insee, departement, "93", technologies, vendor,
                    kind, received, null, null));
        }
        return pages;
    }
}
