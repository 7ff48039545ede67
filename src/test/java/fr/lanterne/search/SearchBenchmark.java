package fr.lanterne.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.bench.BenchmarkReport;
import fr.lanterne.registry.Technology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.Test;

/**
 * One million pages built from real French text, indexed by {@link LuceneSearchIndex} and by a bare Lucene index
 * (stock {@code FrenchAnalyzer}, no facets, no offsets) in the same run; then a fixed mix of queries against both.
 *
 * <p>Text: the sentences of the French PDFs in {@code bench/corpus/} (see {@code bench/fetch-corpus.sh}), or, if that
 * folder is empty, of the Debian Reference in French ({@code apt-get download debian-reference-fr}), extracted page
 * by page with PDFBox, plus the sentences of the test documents of {@link ObtainedDocuments} (surveillance
 * vocabulary) in about one page in six. Pages are recombined from these sentences with metadata drawn from fixed
 * lists, deterministically, so both indexes get the same pages.
 *
 * <p>Run with {@code mvn -Pbench verify -Dit.test=SearchBenchmark} ({@code -Dsearch.bench.pages=20000} for a quick
 * try). Needs about 6 GB of disk under target/.
 */
class SearchBenchmark {

    private static final int PAGES = Integer.getInteger("search.bench.pages", 1_000_000);
    private static final int PAGES_PER_DOCUMENT = 20;
    private static final int ROUNDS = 5;
    private static final Path WORK = Path.of("target", "bench-search");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+");

    private static final List<String> VENDORS = List.of("Briefcam", "Wintics", "Idemia", "IBM", "Thales", "Two-i",
            "Hikvision", "Axis", "Genetec", "Milestone", "XXII", "Avigilon", "Dahua", "Cofely");
    private static final List<String> KINDS = List.of("DELIBERATION", "PUBLIC_CONTRACT", "IMPACT_ASSESSMENT",
            "PREFECTORAL_ORDER", "AGREEMENT", "INVOICE", "REFUSAL_LETTER", "OTHER");
    private static final List<String> DEPARTEMENTS = departements();

    @Test
    void index_and_query_a_million_pages() throws Exception {
        List<String> corpus = corpusSentences();
        List<String> domain = domainSentences();
        System.out.printf(Locale.ROOT, "Corpus: %d sentences, %d domain sentences%n", corpus.size(), domain.size());
        Function<Integer, PageDocument> pages = new PageGenerator(corpus, domain)::page;

        // -Dsearch.bench.reuse=true queries the indexes of a previous run (to try queries without re-indexing).
        boolean reuse = Boolean.getBoolean("search.bench.reuse") && Files.isDirectory(WORK.resolve("bare"));
        FrenchAnalyzer stock = new FrenchAnalyzer();
        double oursSeconds = Double.NaN;
        double bareSeconds = Double.NaN;
        LuceneSearchIndex ours;
        FSDirectory bareDirectory;
        if (reuse) {
            ours = new LuceneSearchIndex(WORK.resolve("lanterne"));
            bareDirectory = FSDirectory.open(WORK.resolve("bare"));
        } else {
            IOUtils.rm(WORK.resolve("lanterne"), WORK.resolve("bare"));
            Files.createDirectories(WORK);
            long start = System.nanoTime();
            ours = new LuceneSearchIndex(WORK.resolve("lanterne"));
            long indexed = ours.rebuild(IntStream.range(0, PAGES).mapToObj(pages::apply));
            oursSeconds = seconds(start);
            assertThat(indexed).isEqualTo(PAGES);

            start = System.nanoTime();
            bareDirectory = FSDirectory.open(WORK.resolve("bare"));
            try (IndexWriter writer = new IndexWriter(bareDirectory, new IndexWriterConfig(stock)
                    .setRAMBufferSizeMB(LuceneSearchIndex.Options.DEFAULTS.rebuildRamBufferMb()))) {
                for (int i = 0; i < PAGES; i++) {
                    writer.addDocument(bareDocument(pages.apply(i)));
                }
                writer.commit();
            }
            bareSeconds = seconds(start);
        }
        DirectoryReader bareReader = DirectoryReader.open(bareDirectory);
        IndexSearcher bare = new IndexSearcher(bareReader);
        System.out.printf(Locale.ROOT, "Indexed: Lanterne %d pages, bare %d pages%n", ours.count(), bareReader.numDocs());

        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        List<Mix> mix = mix();
        Map<String, List<Double>> oursMs = new LinkedHashMap<>();
        Map<String, List<Double>> bareMs = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (int round = -2; round < ROUNDS; round++) {
            for (Mix query : mix) {
                long t0 = System.nanoTime();
                SearchResult result = ours.search(query.query);
                double oursTime = millis(t0);
                t0 = System.nanoTime();
                bareSearch(bare, stock, query.query);
                double bareTime = millis(t0);
                if (round >= 0) {
                    oursMs.computeIfAbsent(query.kind, k -> new ArrayList<>()).add(oursTime);
                    bareMs.computeIfAbsent(query.kind, k -> new ArrayList<>()).add(bareTime);
                    totals.put(query.label(), result.total());
                }
            }
        }

        // Near-real-time at full size: one 20-page document indexed, then searchable (refresh + facet state).
        List<Double> nrt = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int first = (PAGES / PAGES_PER_DOCUMENT + i) * PAGES_PER_DOCUMENT;
            List<PageDocument> document = IntStream.range(first, first + PAGES_PER_DOCUMENT)
                    .mapToObj(pages::apply).toList();
            long t0 = System.nanoTime();
            ours.index(document);
            nrt.add(seconds(t0));
            assertThat(ours.search(SearchQuery.builder().text("reference:" + document.get(0).requestReference())
                    .build()).total()).isEqualTo(PAGES_PER_DOCUMENT);
        }

        String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();
        long oursBytes = size(ours.currentFolder());
        long bareBytes = size(WORK.resolve("bare"));
        ours.close();
        bareReader.close();
        bareDirectory.close();

        StringBuilder latency = new StringBuilder("""
                Query latency, milliseconds, over %d rounds of the mix after 2 warm-up rounds, one thread:

                | queries | n | Lanterne p50 | Lanterne p95 | bare p50 | bare p95 |
                |---|---:|---:|---:|---:|---:|
                """.formatted(ROUNDS));
        List<Double> allOurs = new ArrayList<>();
        List<Double> allBare = new ArrayList<>();
        for (String kind : oursMs.keySet()) {
            latency.append(latencyRow(kind, oursMs.get(kind), bareMs.get(kind)));
            allOurs.addAll(oursMs.get(kind));
            allBare.addAll(bareMs.get(kind));
        }
        latency.append(latencyRow("**whole mix**", allOurs, allBare));
        StringBuilder queries = new StringBuilder("Pages matched per query (Lanterne):\n\n| query | pages |\n|---|---:|\n");
        totals.forEach((query, total) -> queries.append("| ").append(query.replace("|", "\\|")).append(" | ")
                .append(total).append(" |\n"));

        List<BenchmarkReport.Row> rows = new ArrayList<>();
        if (!reuse) {
            rows.add(BenchmarkReport.row(String.format(Locale.ROOT, "index %,d pages, Lanterne (%.0f pages/s, %.2f GB)",
                    PAGES, PAGES / oursSeconds, oursBytes / 1e9), List.of(oursSeconds)));
            rows.add(BenchmarkReport.row(String.format(Locale.ROOT, "index %,d pages, bare Lucene (%.0f pages/s, %.2f GB)",
                    PAGES, PAGES / bareSeconds, bareBytes / 1e9), List.of(bareSeconds)));
        }
        rows.add(BenchmarkReport.row("index one 20-page document into the full index, searchable on return", nrt));
        BenchmarkReport.write(reuse ? "search-reused" : "search", rows,
                latency.toString(), queries.toString(),
                "Load average (/proc/loadavg) before the queries: " + loadBefore + "; after: " + loadAfter
                        + " (the machine is shared: other builds may run meanwhile).", """
                        Lanterne: `LuceneSearchIndex.search` as the API calls it: parse (French analysis, compounds), \
                        filters, exact total, drill-sideways counts of 7 facet dimensions (segments searched on %d \
                        threads), 10 hits with their stored \
                        fields, highlighted passages of those 10 (UnifiedHighlighter, offsets from postings). Indexing \
                        through `rebuild` (one thread, 256 MB buffer, facets, stored text, offsets).
                        Bare: the same query text parsed by the classic QueryParser with the stock `FrenchAnalyzer` \
                        (default operator AND), the same filters as FILTER clauses, top 10 by \
                        `IndexSearcher.search(query, n)` (total counted exactly up to 1,000 hits, as Lucene does by \
                        default), stored fields of the 10 hits without the text; no facets, no highlighting. Indexing: \
                        one thread, same buffer, stored text, no offsets, no facets; searches on one thread.\
                        """.formatted(LuceneSearchIndex.Options.DEFAULTS.searchThreads()));
    }

    private static String latencyRow(String kind, List<Double> ours, List<Double> bare) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", kind, ours.size(),
                percentile(ours, 50), percentile(ours, 95), percentile(bare, 50), percentile(bare, 95));
    }

    static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, rank));
    }

    // --- the query mix ---

    private record Mix(String kind, SearchQuery query) {
        String label() {
            String filters = query.filters().isEmpty() ? "" : " + " + describe(query.filters());
            String sort = query.sort() == SearchSort.DATE ? ", by date" : "";
            String page = query.page() > 1 ? ", page " + query.page() : "";
            return "`" + (query.text().isEmpty() ? "(blank)" : query.text()) + "`" + filters + sort + page;
        }

        private static String describe(SearchFilters filters) {
            List<String> parts = new ArrayList<>();
            if (!filters.departements().isEmpty()) {
                parts.add("departement=" + filters.departements());
            }
            if (!filters.vendors().isEmpty()) {
                parts.add("vendor=" + filters.vendors());
            }
            if (!filters.technologies().isEmpty()) {
                parts.add("technology=" + filters.technologies());
            }
            if (!filters.kinds().isEmpty()) {
                parts.add("kind=" + filters.kinds());
            }
            if (!filters.years().isEmpty()) {
                parts.add("year=" + filters.years());
            }
            if (filters.receivedFrom() != null) {
                parts.add("since " + filters.receivedFrom());
            }
            return String.join(", ", parts);
        }
    }

    private static List<Mix> mix() {
        List<Mix> mix = new ArrayList<>();
        for (String word : List.of("caméras", "paquet", "configuration", "Briefcam", "réseau", "noyau",
                "délibération", "sécurité")) {
            mix.add(new Mix("single word", SearchQuery.builder().text(word).size(10).build()));
        }
        for (String phrase : List.of("\"reconnaissance faciale\"", "\"gestion des paquets\"",
                "\"vidéo protection urbaine\"", "\"système de fichiers\"")) {
            mix.add(new Mix("phrase", SearchQuery.builder().text(phrase).size(10).build()));
        }
        for (String compound : List.of("vidéoprotection", "vidéo-protection", "vidéo protection",
                "VIDÉO-PROTECTION")) {
            mix.add(new Mix("compound spellings", SearchQuery.builder().text(compound).size(10).build()));
        }
        mix.add(new Mix("filters + facets", SearchQuery.builder().text("caméras").departement("13").size(10).build()));
        mix.add(new Mix("filters + facets", SearchQuery.builder().vendor("Briefcam").year(2021).size(10).build()));
        mix.add(new Mix("filters + facets", SearchQuery.builder().text("\"reconnaissance faciale\"")
                .departement("13").kind("IMPACT_ASSESSMENT").receivedBetween(LocalDate.of(2020, 1, 1), null)
                .size(10).build()));
        mix.add(new Mix("filters + facets", SearchQuery.builder().text("réseau").technology(Technology.VSA)
                .size(10).build()));
        for (String prefix : List.of("config*", "vidéo*", "instal*")) {
            mix.add(new Mix("prefix", SearchQuery.builder().text(prefix).size(10).build()));
        }
        for (String bool : List.of("Briefcam OR Wintics", "paquet AND NOT debian",
                "(réseau OR serveur) AND sécurité")) {
            mix.add(new Mix("boolean", SearchQuery.builder().text(bool).size(10).build()));
        }
        mix.add(new Mix("sorted by date", SearchQuery.builder().text("caméras").sort(SearchSort.DATE).size(10)
                .build()));
        mix.add(new Mix("deep page", SearchQuery.builder().text("paquet").page(50).size(10).build()));
        return mix;
    }

    // --- the bare baseline ---

    private static Document bareDocument(PageDocument page) {
        Document doc = new Document();
        doc.add(new StringField(PageFields.SHA256, page.sha256(), Field.Store.YES));
        doc.add(new StoredField(PageFields.PAGE, page.page()));
        doc.add(new TextField(PageFields.TEXT, page.text(), Field.Store.YES));
        doc.add(new StringField(PageFields.Criterion.DEPARTEMENT.filterField(), PageFields.key(page.departement()),
                Field.Store.YES));
        doc.add(new StringField(PageFields.Criterion.COMMUNE.filterField(), PageFields.key(page.insee()),
                Field.Store.YES));
        doc.add(new StringField(PageFields.Criterion.KIND.filterField(), PageFields.key(page.kind()), Field.Store.YES));
        for (String vendor : page.vendors()) {
            doc.add(new StringField(PageFields.Criterion.VENDOR.filterField(), PageFields.key(vendor), Field.Store.NO));
        }
        for (Technology technology : page.technologies()) {
            doc.add(new StringField(PageFields.Criterion.TECHNOLOGY.filterField(), PageFields.key(technology.name()),
                    Field.Store.NO));
        }
        long day = page.receivedOn().toEpochDay();
        doc.add(new StringField(PageFields.Criterion.YEAR.filterField(),
                Integer.toString(page.receivedOn().getYear()), Field.Store.NO));
        doc.add(new LongPoint(PageFields.RECEIVED, day));
        doc.add(new NumericDocValuesField(PageFields.RECEIVED, day));
        doc.add(new StoredField(PageFields.RECEIVED, day));
        return doc;
    }

    private static final Sort BARE_BY_DATE = new Sort(new SortField(PageFields.RECEIVED, SortField.Type.LONG, true));

    private static int bareSearch(IndexSearcher searcher, FrenchAnalyzer analyzer, SearchQuery query)
            throws IOException {
        Query text;
        if (query.text().isEmpty()) {
            text = new MatchAllDocsQuery();
        } else {
            QueryParser parser = new QueryParser(PageFields.TEXT, analyzer);
            parser.setDefaultOperator(QueryParser.AND_OPERATOR);
            try {
                text = parser.parse(query.text());
            } catch (ParseException e) {
                try {
                    text = parser.parse(QueryParser.escape(query.text()));
                } catch (ParseException again) {
                    throw new IllegalStateException(again);
                }
            }
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(text, Occur.MUST);
        SearchFilters filters = query.filters();
        anyOf(all, PageFields.Criterion.DEPARTEMENT, filters.departements());
        anyOf(all, PageFields.Criterion.VENDOR, filters.vendors());
        anyOf(all, PageFields.Criterion.TECHNOLOGY, filters.technologies().stream().map(Enum::name).toList());
        anyOf(all, PageFields.Criterion.KIND, filters.kinds());
        anyOf(all, PageFields.Criterion.YEAR, filters.years().stream().map(String::valueOf).toList());
        if (filters.receivedFrom() != null) {
            all.add(LongPoint.newRangeQuery(PageFields.RECEIVED, filters.receivedFrom().toEpochDay(), Long.MAX_VALUE),
                    Occur.FILTER);
        }
        int n = query.page() * query.size();
        TopDocs top = query.sort() == SearchSort.DATE ? searcher.search(all.build(), n, BARE_BY_DATE)
                : searcher.search(all.build(), n);
        StoredFields stored = searcher.storedFields();
        int loaded = 0;
        ScoreDoc[] hits = top.scoreDocs;
        for (int i = (query.page() - 1) * query.size(); i < hits.length; i++) {
            loaded += stored.document(hits[i].doc, PageFields.HIT_FIELDS).getFields().size();
        }
        return loaded;
    }

    private static void anyOf(BooleanQuery.Builder query, PageFields.Criterion criterion, List<String> values) {
        if (!values.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            values.forEach(value -> any.add(new TermQuery(criterion.term(value)), Occur.SHOULD));
            query.add(any.build(), Occur.FILTER);
        }
    }

    // --- the pages ---

    /** Page i of document i / 20: sentences and metadata drawn from a generator seeded by the page number. */
    private static final class PageGenerator {

        private final String[] corpus;
        private final String[] domain;

        PageGenerator(List<String> corpus, List<String> domain) {
            this.corpus = corpus.toArray(String[]::new);
            this.domain = domain.toArray(String[]::new);
        }

        PageDocument page(int number) {
            int document = number / PAGES_PER_DOCUMENT;
            SplittableRandom docRandom = new SplittableRandom(document * 0x9E3779B97F4A7C15L);
            SplittableRandom pageRandom = new SplittableRandom(number * 0xC2B2AE3D27D4EB4FL + 1);
            String departement = DEPARTEMENTS.get(docRandom.nextInt(DEPARTEMENTS.size()));
            String insee = (departement.length() == 3 ? departement + docRandom.nextInt(10, 100)
                    : departement + String.format(Locale.ROOT, "%03d", docRandom.nextInt(1, 400)));
            List<Technology> technologies = List.of(Technology.values()[docRandom.nextInt(Technology.values().length)]);
            List<String> vendors = docRandom.nextInt(4) == 0 ? List.of()
                    : List.of(VENDORS.get(docRandom.nextInt(VENDORS.size())));
            String kind = KINDS.get(docRandom.nextInt(KINDS.size()));
            LocalDate received = LocalDate.of(2015, 1, 1).plusDays(docRandom.nextInt(11 * 365));
            StringBuilder text = new StringBuilder(3_000);
            int sentences = pageRandom.nextInt(12, 30);
            boolean onTopic = pageRandom.nextInt(6) == 0;
            for (int i = 0; i < sentences; i++) {
                String sentence = onTopic && pageRandom.nextInt(4) == 0 ? domain[pageRandom.nextInt(domain.length)]
                        : corpus[pageRandom.nextInt(corpus.length)];
                text.append(sentence).append(pageRandom.nextInt(5) == 0 ? "\n" : " ");
            }
            String sha = String.format(Locale.ROOT, "%064x", document);
            return new PageDocument(sha, number % PAGES_PER_DOCUMENT + 1, text.toString(),
                    "Document " + document, "COM-" + insee, "Mairie " + insee, insee, "Commune " + insee,
                    departement, null, technologies, vendors, kind, received,
                    String.format(Locale.ROOT, "LNT-%d-%06d", received.getYear(), document), (long) (document % 50));
        }
    }

    private static List<String> departements() {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= 95; i++) {
            if (i != 20) {
                codes.add(String.format(Locale.ROOT, "%02d", i));
            }
        }
        codes.addAll(List.of("2A", "2B", "971", "972", "973", "974", "976"));
        return codes;
    }

    /** Sentences of the test documents: the surveillance vocabulary in its three spellings. */
    private static List<String> domainSentences() {
        List<String> sentences = new ArrayList<>();
        for (PageDocument page : ObtainedDocuments.allPages()) {
            sentences.addAll(sentences(page.text()));
        }
        return sentences;
    }

    private static List<String> corpusSentences() throws IOException, InterruptedException {
        List<Path> pdfs = pdfs(Path.of("bench", "corpus"));
        if (pdfs.isEmpty()) {
            Path debs = Files.createDirectories(WORK.resolve("debs"));
            Path root = WORK.resolve("root");
            if (pdfs(root).isEmpty()) {
                run(debs, "apt-get", "download", "debian-reference-fr");
                try (Stream<Path> files = Files.list(debs)) {
                    for (Path deb : files.filter(f -> f.toString().endsWith(".deb")).toList()) {
                        run(WORK, "dpkg-deb", "-x", deb.toAbsolutePath().toString(), root.toAbsolutePath().toString());
                    }
                }
            }
            pdfs = pdfs(root);
        }
        List<String> sentences = new ArrayList<>();
        for (Path pdf : pdfs) {
            for (String page : ObtainedDocuments.extractPages(Files.readAllBytes(pdf))) {
                sentences.addAll(sentences(page));
            }
        }
        System.out.printf(Locale.ROOT, "Corpus PDFs: %s%n", pdfs);
        return sentences;
    }

    private static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.replaceAll("\\s+", " "))) {
            String trimmed = sentence.strip();
            long letters = trimmed.chars().filter(Character::isLetter).count();
            if (trimmed.length() >= 30 && trimmed.length() <= 400 && letters > trimmed.length() * 0.6) {
                sentences.add(trimmed);
            }
        }
        return sentences;
    }

    private static List<Path> pdfs(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList();
        }
    }

    private static void run(Path folder, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("Failed: " + Arrays.toString(command));
        }
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
