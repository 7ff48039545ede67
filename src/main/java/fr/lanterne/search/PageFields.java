package fr.lanterne.search;

import fr.lanterne.registry.Technology;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** How a {@link PageDocument} is laid out in Lucene fields, and read back into a {@link SearchHit}. */
final class PageFields {

    static final String SHA256 = "sha256";
    static final String PAGE = "page";
    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String AUTHORITY_NAME = "authorityName";
    static final String COMMUNE_NAME = "communeName";
    static final String RECEIVED = "received";
    static final String REQUEST_REFERENCE = "requestReference";
    /**
     * The SHA-256 of a published version's page, as a term. Published pages carry the {@link #SHA256} field too (a
     * Lucene field has one schema in every document): {@link #receivedPages} tells them apart.
     */
    static final String PUBLISHED_SHA256 = "publishedSha256";
    static final String VISIBILITY = "visibility";
    static final String PUBLIC = "public";

    /**
     * The keyword criteria. Each has a filter field holding {@link #key(String) folded} values (exact match, case and
     * accents ignored), a stored field with the value as given, and, for the faceted ones, a facet dimension counted
     * from doc values.
     */
    enum Criterion {
        DEPARTEMENT(SearchFacet.DEPARTEMENT),
        COMMUNE(SearchFacet.COMMUNE),
        REGION(SearchFacet.REGION),
        TECHNOLOGY(SearchFacet.TECHNOLOGY),
        VENDOR(SearchFacet.VENDOR),
        KIND(SearchFacet.KIND),
        YEAR(SearchFacet.YEAR),
        AUTHORITY(null),
        REFERENCE(null),
        CAMPAIGN(null);

        final SearchFacet facet;

        Criterion(SearchFacet facet) {
            this.facet = facet;
        }

        /** The exact-match field the filters query. */
        String filterField() {
            return "k_" + name().toLowerCase(Locale.ROOT);
        }

        /** The stored field with the value as given. */
        String storedField() {
            return "v_" + name().toLowerCase(Locale.ROOT);
        }

        Term term(String value) {
            return new Term(filterField(), key(value));
        }
    }

    /** Page text: analysed, stored for passages, with offsets in the postings so highlighting needs no re-analysis. */
    private static final FieldType TEXT_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_TYPE.freeze();
    }

    /** The stored fields a hit needs; the page text is read by the highlighter, not here. */
    static final Set<String> HIT_FIELDS = Set.of(SHA256, PAGE, TITLE, AUTHORITY_NAME, COMMUNE_NAME, RECEIVED,
            REQUEST_REFERENCE, Criterion.AUTHORITY.storedField(), Criterion.COMMUNE.storedField(),
            Criterion.DEPARTEMENT.storedField(), Criterion.KIND.storedField());

    private PageFields() {
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(SearchFacet.TECHNOLOGY.key(), true);
        config.setMultiValued(SearchFacet.VENDOR.key(), true);
        for (SearchFacet facet : SearchFacet.values()) {
            // Filters use the folded filter fields, so the facet module's own drill-down terms would be dead weight.
            config.setDrillDownTermsIndexing(facet.key(), FacetsConfig.DrillDownTermsIndexing.NONE);
        }
        return config;
    }

    /** Every page of the document, its published version's included. */
    static Term documentTerm(String sha256) {
        return new Term(SHA256, sha256);
    }

    /** The pages of the document as received, not those of its published version. */
    static Query receivedPages(String sha256) {
        return new BooleanQuery.Builder().add(new TermQuery(documentTerm(sha256)), BooleanClause.Occur.MUST)
                .add(new TermQuery(publicTerm()), BooleanClause.Occur.MUST_NOT).build();
    }

    /** The pages of the document's published version. */
    static Term publishedTerm(String sha256) {
        return new Term(PUBLISHED_SHA256, sha256);
    }

    /** The pages of the entry this page belongs to. */
    static Query entryPages(PageDocument page) {
        return page.published() ? new TermQuery(publishedTerm(page.sha256())) : receivedPages(page.sha256());
    }

    /** Every page of a published version. */
    static Term publicTerm() {
        return new Term(VISIBILITY, PUBLIC);
    }

    /** The unfaceted document; {@link FacetsConfig#build(Document)} turns the facet fields into doc values. */
    static Document toDocument(PageDocument page) {
        Document doc = new Document();
        doc.add(new StringField(SHA256, page.sha256(), Field.Store.YES));
        if (page.published()) {
            doc.add(new StringField(PUBLISHED_SHA256, page.sha256(), Field.Store.NO));
            doc.add(new StringField(VISIBILITY, PUBLIC, Field.Store.NO));
            doc.add(new NumericDocValuesField(VISIBILITY, 1));
        }
        // Which document a page belongs to, for facet counting (DocumentBlocks) and for grouping by document.
        doc.add(new SortedDocValuesField(SHA256, new BytesRef(page.sha256())));
        doc.add(new StoredField(PAGE, page.page()));
        doc.add(new Field(TEXT, page.text(), TEXT_TYPE));
        if (page.title() != null) {
            doc.add(new TextField(TITLE, page.title(), Field.Store.YES));
        }
        keyword(doc, Criterion.AUTHORITY, page.authorityCode(), true);
        stored(doc, AUTHORITY_NAME, page.authorityName());
        keyword(doc, Criterion.COMMUNE, page.insee(), true);
        stored(doc, COMMUNE_NAME, page.communeName());
        keyword(doc, Criterion.DEPARTEMENT, page.departement(), true);
        keyword(doc, Criterion.REGION, page.region(), false);
        for (Technology technology : page.technologies()) {
            keyword(doc, Criterion.TECHNOLOGY, technology.name(), false);
        }
        for (String vendor : page.vendors()) {
            keyword(doc, Criterion.VENDOR, vendor, false);
        }
        keyword(doc, Criterion.KIND, page.kind(), true);
        if (page.receivedOn() != null) {
            long day = page.receivedOn().toEpochDay();
            doc.add(new NumericDocValuesField(RECEIVED, day));
            doc.add(new LongPoint(RECEIVED, day));
            doc.add(new StoredField(RECEIVED, day));
            keyword(doc, Criterion.YEAR, Integer.toString(page.receivedOn().getYear()), false);
        }
        if (page.requestReference() != null) {
            keyword(doc, Criterion.REFERENCE, page.requestReference(), false);
            stored(doc, REQUEST_REFERENCE, page.requestReference());
        }
        if (page.campaignId() != null) {
            keyword(doc, Criterion.CAMPAIGN, page.campaignId().toString(), false);
        }
        return doc;
    }

    /** The documents to index for these pages, their facet fields turned into doc values. */
    static List<Document> toDocuments(FacetsConfig config, List<PageDocument> pages) throws IOException {
        List<Document> documents = new ArrayList<>(pages.size());
        for (PageDocument page : pages) {
            documents.add(config.build(toDocument(page)));
        }
        return documents;
    }

    /**
     * The pages grouped by entry (a document as received, or its published version: {@link PageDocument#entryKey()}).
     * The pages of a document must carry the same document fields: facet counting reads them once per document
     * ({@link PageFacetCounts}), and a search filters pages by them.
     */
    static Map<String, List<PageDocument>> byDocument(List<PageDocument> pages) {
        Map<String, List<PageDocument>> byDocument = new LinkedHashMap<>();
        for (PageDocument page : Objects.requireNonNull(pages, "pages")) {
            List<PageDocument> document = byDocument.computeIfAbsent(page.entryKey(), key -> new ArrayList<>());
            if (!document.isEmpty() && !page.sameDocumentAs(document.get(0))) {
                throw new IllegalArgumentException("Page " + page.page() + " of document " + page.sha256()
                        + " has other document fields than page " + document.get(0).page());
            }
            document.add(page);
        }
        return byDocument;
    }

    private static void keyword(Document doc, Criterion criterion, String value, boolean store) {
        if (value == null) {
            return;
        }
        doc.add(new StringField(criterion.filterField(), key(value), Field.Store.NO));
        if (store) {
            doc.add(new StoredField(criterion.storedField(), value));
        }
        if (criterion.facet != null) {
            doc.add(new SortedSetDocValuesFacetField(criterion.facet.key(), value));
        }
    }

    private static void stored(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StoredField(field, value));
        }
    }

    static SearchHit toHit(Document doc, float score, String passage) {
        IndexableField received = doc.getField(RECEIVED);
        return new SearchHit(doc.get(SHA256), doc.getField(PAGE).numericValue().intValue(), doc.get(TITLE),
                doc.get(Criterion.AUTHORITY.storedField()), doc.get(AUTHORITY_NAME),
                doc.get(Criterion.COMMUNE.storedField()), doc.get(COMMUNE_NAME),
                doc.get(Criterion.DEPARTEMENT.storedField()), doc.get(Criterion.KIND.storedField()),
                received == null ? null : LocalDate.ofEpochDay(received.numericValue().longValue()),
                doc.get(REQUEST_REFERENCE), score, passage);
    }

    /** The form keyword values are matched in: trimmed, lower case, accents and ligatures folded. */
    static String key(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        char[] folded = new char[lower.length() * 4];
        int length = ASCIIFoldingFilter.foldToASCII(lower.toCharArray(), 0, folded, 0, lower.length());
        return new String(folded, 0, length);
    }

    /** The French name of a technology code, or the code itself if it is not one. */
    static String technologyLabel(String code) {
        for (Technology technology : Technology.values()) {
            if (technology.name().equals(code)) {
                return technology.label();
            }
        }
        return code;
    }
}
