package fr.lanterne.ingest;

import fr.lanterne.shared.NotFoundException;
import fr.lanterne.ingest.DocumentRecords.Details;
import fr.lanterne.ingest.DocumentRecords.Report;
import fr.lanterne.ingest.DocumentRecords.Reread;
import fr.lanterne.ingest.DocumentRecords.RereadAttempt;
import fr.lanterne.ingest.DocumentRecords.Source;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * The ingest module's API: take in what comes back (an uploaded file, an email, a folder's files, a mailbox), keep
 * every byte, extract the text page by page, file each document against its request and the deployment registry,
 * and account for every input: ingested, duplicate, or quarantined with its reason. The work is done by
 * {@link DocumentIntake}, {@link DocumentRereading}, {@link DocumentDecisions} and {@link DocumentQueries}.
 */
@Service
public class Documents {

    private final DocumentIntake intake;
    private final DocumentRereading rereading;
    private final DocumentDecisions decisions;
    private final DocumentQueries queries;
    private final PublishedDocuments publications;

    Documents(DocumentIntake intake, DocumentRereading rereading, DocumentDecisions decisions,
              DocumentQueries queries, PublishedDocuments publications) {
        this.intake = intake;
        this.rereading = rereading;
        this.decisions = decisions;
        this.queries = queries;
        this.publications = publications;
    }

    /** Documents were taken in: their pages can be indexed. Published inside the transaction that stores them. */
    public record DocumentsIngested(List<String> sha256s) {
    }

    /**
     * Documents whose request, authority or registry links changed: their search entries are out of date. Published
     * inside the transaction that changes them.
     */
    public record DocumentsChanged(List<String> sha256s) {
    }

    /**
     * A volunteer published a document as received, or stopped publishing it ({@link #publish}): what visitors may
     * search changes. Published inside the transaction that records it.
     */
    public record DocumentPublished(String sha256, boolean published) {
    }

    // --- taking in ---------------------------------------------------------------------------------------------

    /**
     * A file sent by someone who may act on every request (an administrator, the command line, tests).
     *
     * @param requestReference the request it answers, when they say so (null: matched like any other input)
     */
    public Report upload(String fileName, byte[] content, String requestReference, String by) {
        return intake.upload(fileName, content, requestReference, by, request -> true);
    }

    /**
     * A file a person sends through a page or the API (a scanned letter, a file received by hand). A reference the
     * file's text or name quotes ties it only to a request this person may act on; any other reference, whether or not
     * a request has it, leaves the document waiting in triage ({@link #unmatched}) for someone who may, and the answer
     * is the same in both cases: an upload must not tell which references exist nor write into another group's
     * request.
     *
     * @param requestReference the request it answers, when they say so (null: matched like any other input); one this
     *                         person may not act on is refused as if it did not exist
     * @param mayActOn         whether this person may act on a request (their own, their group's; all for an
     *                         administrator)
     */
    public Report upload(String fileName, byte[] content, String requestReference, String by,
                         Predicate<RequestDetails> mayActOn) {
        return intake.upload(fileName, content, requestReference, by, mayActOn);
    }

    /** Takes in one input given as bytes (an upload, an email). */
    public Report ingest(String fileName, byte[] content, Source source) {
        return intake.ingest(fileName, content, source);
    }

    /** Takes in one file (from a folder); a file over the size limit is kept without being read into memory. */
    public Report ingest(Path file, Source source) {
        return intake.ingest(file, source);
    }

    /**
     * Takes a quarantined file in again, with today's settings and tools (a raised limit, Tesseract installed since).
     */
    public Report retry(long quarantineId, String by) {
        return intake.retry(quarantineId, by, request -> true);
    }

    /**
     * Takes a quarantined file in again on behalf of someone who may act only on some requests: an uploaded file is
     * then matched as their own upload would be (mail and folders keep their own rules: a reply to a request's
     * plus-address is the authority's, a folder is the operator's).
     */
    public Report retry(long quarantineId, String by, Predicate<RequestDetails> mayActOn) {
        return intake.retry(quarantineId, by, mayActOn);
    }

    // --- reading again -----------------------------------------------------------------------------------------

    /**
     * Reads a stored document again with today's settings and tools (Tesseract installed since, an extraction fixed):
     * its pages, metadata, kind and mentions are replaced, deployments it now names are proposed; its receipts, its
     * request and the links a volunteer confirmed or rejected stay. The file is read before the transaction opens,
     * for OCR can take minutes; a file that can no longer be read changes nothing.
     */
    public Reread reread(String sha256, String by) {
        return rereading.reread(sha256, by);
    }

    /**
     * Reads again, one transaction each, every document that still has pages without text, once Tesseract reads
     * them here; a document that cannot be read is reported and left as it was, and the others go on.
     *
     * @param each told of each document as it is done
     */
    public List<RereadAttempt> rereadNeedingOcr(String by, Consumer<RereadAttempt> each) {
        return rereading.rereadNeedingOcr(by, each);
    }

    // --- a volunteer's decisions -------------------------------------------------------------------------------

    /** A volunteer says which request an unmatched document answers. */
    public Details assign(String sha256, RequestReference reference, String by) {
        return decisions.assign(sha256, reference, by);
    }

    /**
     * A volunteer confirms or rejects a proposed link to a deployment; a confirmed document becomes one of the
     * deployment's sources.
     */
    public Details decideLink(String sha256, long deploymentId, boolean confirmed, String by) {
        return decisions.decideLink(sha256, deploymentId, confirmed, by);
    }

    /**
     * Shows a document to visitors in public mode, or stops showing it. A volunteer decides, having checked it holds
     * no personal data that the law keeps from publication (CRPA L312-1-2).
     */
    public void publish(String sha256, boolean published, String by) {
        decisions.publish(sha256, published, by);
    }

    /**
     * Keeps a file made from a document, such as its redacted version, beside the received files (named by its
     * SHA-256, stored once); the document itself is not changed.
     *
     * @return the SHA-256 of the file kept
     */
    public String storeDerived(String fromSha256, byte[] content) {
        return decisions.storeDerived(fromSha256, content);
    }

    /** A file kept by {@link #storeDerived}. */
    public Path derivedFile(String sha256) {
        return queries.derivedFile(sha256);
    }

    // --- reading -----------------------------------------------------------------------------------------------

    public Details details(String sha256) {
        return queries.details(sha256);
    }

    public DocumentRecords.Page page(String sha256, int number) {
        return queries.page(sha256, number);
    }

    public List<DocumentRecords.Page> pages(String sha256) {
        return queries.pages(sha256);
    }

    /** The file as it was received. */
    public Path file(String sha256) {
        return queries.file(sha256);
    }

    public String fileName(String sha256) {
        return queries.fileName(sha256);
    }

    public String mediaType(String sha256) {
        return queries.mediaType(sha256);
    }

    public List<DocumentRecords.Quarantined> quarantine(boolean openOnly, int limit) {
        return queries.quarantine(openOnly, limit);
    }

    /** Documents waiting for a volunteer to say which request they answer. */
    public List<DocumentRecords.Unmatched> unmatched(int limit) {
        return queries.unmatched(limit);
    }

    /** The documents received for a request. */
    public List<DocumentRecords.Summary> ofRequest(String reference) {
        return queries.ofRequest(reference);
    }

    /** The documents received from some authorities (a town's town hall, its préfecture…). */
    public List<DocumentRecords.Summary> ofAuthorities(List<String> authorityCodes) {
        return queries.ofAuthorities(authorityCodes);
    }

    /** Whether visitors may read the document when Lanterne runs in public mode. */
    public boolean published(String sha256) {
        return queries.published(sha256);
    }

    /** The documents published last, newest first: for the feed of publications. */
    public List<DocumentRecords.Publication> latestPublications(int limit) {
        return publications.latest(limit);
    }

    /** The published documents of a request, newest publication first (none: the request is not public). */
    public List<DocumentRecords.Publication> publicationsOf(RequestReference reference) {
        return publications.ofRequest(reference.value());
    }

    /**
     * The requests with published documents, the latest publication first, a page at a time.
     *
     * @param authorityCodes only those whose documents came from these authorities (a town's, a département's);
     *                       null for all
     */
    public List<DocumentRecords.PublishedRequest> publishedRequests(List<String> authorityCodes, int offset,
                                                                    int limit) {
        return publications.requests(authorityCodes, offset, limit);
    }

    /** How many requests {@link #publishedRequests} would list in all. */
    public int countPublishedRequests(List<String> authorityCodes) {
        return publications.countRequests(authorityCodes);
    }

    /**
     * Some documents by their SHA-256, for the pages that cite them (a deployment's sources); unknown ones are left
     * out.
     */
    public List<DocumentRecords.Summary> summaries(List<String> sha256s) {
        return queries.summaries(sha256s);
    }

    /** The documents a volunteer confirmed as documenting a deployment. */
    public List<String> documenting(long deploymentId) {
        return queries.documenting(deploymentId);
    }

    /** How many pages each document has, by SHA-256: for checking the search index against the database. */
    public Map<String, Integer> pageCounts() {
        return queries.pageCounts();
    }

    /** Documents in hash order after one, for rebuilding the search index. */
    public List<String> documentsAfter(String sha256, int limit) {
        return queries.documentsAfter(sha256, limit);
    }

    /** The refusal for a hash no document has (or that the asker may not read). */
    public static NotFoundException notFound(String sha256) {
        return DocumentQueries.notFound(sha256);
    }
}
