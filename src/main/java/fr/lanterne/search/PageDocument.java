package fr.lanterne.search;

import fr.lanterne.registry.Technology;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One page of an obtained document, as it is indexed: its text and the fields of the document it belongs to. Every
 * page of a document carries the same document fields; a search hit is a page, so a researcher can cite it.
 *
 * @param sha256 the document's SHA-256 (64 hexadecimal characters), its identity in the blob store
 * @param page the page number, from 1
 * @param text the page's extracted text (may be empty: a blank page)
 * @param title the document's title or file name, shown in the results (optional)
 * @param authorityCode the code of the authority that sent the document
 * @param insee the INSEE code of the commune concerned, when there is one (a préfecture has none)
 * @param technologies the surveillance technologies the document concerns
 * @param vendors the vendors named by the document, as the registry spells them (matched case-insensitively)
 * @param kind the document kind, one of the ingest module's names (DELIBERATION, PUBLIC_CONTRACT...)
 * @param receivedOn the date the document was received (optional)
 * @param requestReference the reference of the request it answers (LNT-2026-000123), if any
 * @param campaignId the campaign of that request, if any
 * @param published whether this is a page of the published version (visitors' searches see only these; the
 *                  volunteers' see only the others): an entry of its own beside the document's received page
 */
record PageDocument(String sha256, int page, String text, String title, String authorityCode,
                           String authorityName, String insee, String communeName, String departement, String region,
                           List<Technology> technologies, List<String> vendors, String kind, LocalDate receivedOn,
                           String requestReference, Long campaignId, boolean published) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    PageDocument {
        sha256 = normalizeSha256(sha256);
        if (page < 1) {
            throw new IllegalArgumentException("Page numbers start at 1, got " + page + " for " + sha256);
        }
        text = text == null ? "" : text;
        title = blankToNull(title);
        authorityCode = blankToNull(authorityCode);
        Objects.requireNonNull(authorityCode, "authorityCode");
        authorityName = blankToNull(authorityName);
        insee = blankToNull(insee);
        communeName = blankToNull(communeName);
        departement = blankToNull(departement);
        region = blankToNull(region);
        technologies = technologies == null ? List.of() : List.copyOf(technologies);
        vendors = vendors == null ? List.of()
                : vendors.stream().map(PageDocument::blankToNull).filter(Objects::nonNull).distinct().toList();
        kind = blankToNull(kind);
        requestReference = blankToNull(requestReference);
    }

    /** A page of the document as received. */
    PageDocument(String sha256, int page, String text, String title, String authorityCode, String authorityName,
                 String insee, String communeName, String departement, String region, List<Technology> technologies,
                 List<String> vendors, String kind, LocalDate receivedOn, String requestReference, Long campaignId) {
        this(sha256, page, text, title, authorityCode, authorityName, insee, communeName, departement, region,
                technologies, vendors, kind, receivedOn, requestReference, campaignId, false);
    }

    /**
     * A page of the published version with this number and text, carrying this page's document fields but no title:
     * the title falls back to the file name, which may hold a person's name, and visitors must not find the
     * document by it (the pages name it for them).
     */
    PageDocument publishedPage(int number, String publishedText) {
        return new PageDocument(sha256, number, publishedText, null, authorityCode, authorityName, insee,
                communeName, departement, region, technologies, vendors, kind, receivedOn, requestReference,
                campaignId, true);
    }

    /** The entry this page belongs to: the document as received, or its published version. */
    String entryKey() {
        return published ? publishedKey(sha256) : sha256;
    }

    static String publishedKey(String sha256) {
        return sha256 + "/public";
    }

    /** Whether this page carries the same document fields as that one (all but the page number and the text). */
    boolean sameDocumentAs(PageDocument other) {
        return sha256.equals(other.sha256) && published == other.published && Objects.equals(title, other.title)
                && authorityCode.equals(other.authorityCode) && Objects.equals(authorityName, other.authorityName)
                && Objects.equals(insee, other.insee) && Objects.equals(communeName, other.communeName)
                && Objects.equals(departement, other.departement) && Objects.equals(region, other.region)
                && technologies.equals(other.technologies) && vendors.equals(other.vendors)
                && Objects.equals(kind, other.kind) && Objects.equals(receivedOn, other.receivedOn)
                && Objects.equals(requestReference, other.requestReference)
                && Objects.equals(campaignId, other.campaignId);
    }

    /** Lower-cases a SHA-256 and checks its shape; the index keys documents by it. */
    static String normalizeSha256(String sha256) {
        String normalized = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(normalized).matches()) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return normalized;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
