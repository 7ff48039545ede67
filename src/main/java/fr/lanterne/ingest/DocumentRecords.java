package fr.lanterne.ingest;

import java.time.Instant;
import java.util.List;

/** The values of the ingest module's API. */
public final class DocumentRecords {

    private DocumentRecords() {
    }

    /** How a file reached Lanterne. */
    public enum Channel {
        UPLOAD, FOLDER, EMAIL_FILE, MAILBOX,
        /**
         * A stored file found without its record at start-up (the process stopped before its transaction committed).
         */
        RECOVERED
    }

    /**
     * Where an input comes from.
     *
     * @param source what was received, as it identifies it: a file's path, an email's Message-ID, an upload's name
     * @param requestReference the request it answers, when the person uploading it says so
     */
    public record Source(Channel channel, String source, String requestReference, String receivedBy) {
    }

    /** What became of one file of an input. */
    public enum Result {
        /** A new document. */
        INGESTED,
        /** Bytes already known: one document, one more receipt. */
        DUPLICATE,
        /** An email or an archive: its files are listed after it. */
        UNPACKED,
        /** Kept aside with its reason, to be retried after a fix. */
        QUARANTINED,
        /** The same file from the same source was already taken in: nothing added. */
        ALREADY_RECEIVED
    }

    public record Item(String path, String sha256, Result result, String kind, int pages, String reason,
                       String detail) {
    }

    /**
     * What an input gave.
     *
     * @param requestReference the request it was matched to, or null (then it waits in the triage queue)
     * @param suggestion the state the request could move to, for a volunteer to confirm
     */
    public record Report(String source, List<Item> items, String requestReference, String authorityCode,
                         String suggestion) {

        public long count(Result result) {
            return items.stream().filter(i -> i.result() == result).count();
        }
    }

    public record Mention(String kind, String name, String vendor, List<String> technologies, List<Integer> pages) {
    }

    public record Link(long deploymentId, String status) {
    }

    public record Receipt(Instant receivedAt, String channel, String source, String path, String sender,
                          String subject, String receivedBy) {
    }

    /** A stored document with what was found in it. */
    public record Details(String sha256, String fileName, String mediaType, long size, String title, String author,
                          Instant created, Instant modified, String producer, int pageCount, boolean needsOcr,
                          int ocredPages, String kind, String kindLabel, String requestReference,
                          String authorityCode, String suggestedState, String suggestionReason, List<String> notices,
                          List<Mention> mentions, List<Link> links, List<Receipt> receipts) {
    }

    public record Page(String sha256, int number, int of, String text, boolean ocred, boolean needsOcr) {
    }

    /**
     * What reading a stored document again changed.
     *
     * @param pages        its pages now
     * @param ocredPages   the pages read by OCR now
     * @param needsOcr     whether some page is still an image without text
     * @param neededOcr    whether some page was before
     * @param changedPages the pages whose text changed (pages added or gone included)
     * @param newMentions  vendors, products and technologies found now that were not before
     * @param newLinks     deployments newly proposed as documented by it
     */
    public record Reread(String sha256, String fileName, int pages, int ocredPages, boolean needsOcr,
                         boolean neededOcr, int changedPages, String kind, String kindLabel, String previousKind,
                         String previousKindLabel, List<String> newMentions, int newLinks) {

        public Reread {
            newMentions = List.copyOf(newMentions);
        }

        public boolean kindChanged() {
            return !kind.equals(previousKind);
        }
    }

    /** One document of a batch re-reading: what changed, or why it could not be read (then nothing changed). */
    public record RereadAttempt(String sha256, Reread reread, String refusal) {

        public static RereadAttempt done(Reread reread) {
            return new RereadAttempt(reread.sha256(), reread, null);
        }

        public static RereadAttempt refused(String sha256, String refusal) {
            return new RereadAttempt(sha256, null, refusal);
        }

        public boolean isDone() {
            return reread != null;
        }
    }

    /** A file kept aside, with why and what to do. */
    public record Quarantined(long id, Instant receivedAt, String channel, String source, String path,
                              String fileName, long size, String sha256, String reason, String explanation,
                              String detail, String status) {
    }

    /** A document in a list. */
    public record Summary(String sha256, String fileName, String title, String kind, String kindLabel, int pages,
                          Instant receivedAt, String requestReference, String authorityCode, boolean needsOcr,
                          boolean published) {
    }

    /** A document that came with no reference and from no known address: a volunteer assigns it. */
    public record Unmatched(String sha256, String fileName, String title, String kind, Instant receivedAt,
                            String sender, String subject) {
    }

    /**
     * A document visitors may read in public mode, with when a volunteer published it.
     *
     * @param requestReference the request it answers, or null
     * @param authorityCode    the authority it came from, or null
     * @param receivedAt       when Lanterne first received it
     */
    public record Publication(String sha256, String fileName, String title, String kind, String kindLabel, int pages,
                              String mediaType, String requestReference, String authorityCode, Instant publishedAt,
                              Instant receivedAt) {
    }

    /**
     * A request that has documents visitors may read: when the last one was published, and how many there are.
     *
     * @param authorityCode the authority its documents came from
     */
    public record PublishedRequest(String requestReference, String authorityCode, Instant lastPublishedAt,
                                   int documents) {
    }
}
