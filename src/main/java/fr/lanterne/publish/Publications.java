package fr.lanterne.publish;

import fr.lanterne.ingest.DocumentRecords.Details;
import fr.lanterne.ingest.Documents;
import fr.lanterne.publish.RedactionStore.NewRedaction;
import fr.lanterne.publish.RedactionStore.Version;
import fr.lanterne.search.Search;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publish module's API: what a document occults before it is published (CRPA L312-1-2) — the proposals Lanterne
 * makes once, on first access, the boxes volunteers draw, the decisions — its redacted versions (the original is
 * never changed) and its publication, as a redacted version or as received, with an optional second look
 * ({@link PublicationProperties#reviewRequired()}). Changes to one document are made one at a time; the tables'
 * unique keys keep a proposal, a version and a publication once each even so.
 */
@Service
public class Publications {

    /** Who proposes what Lanterne finds by itself. */
    static final String LANTERNE = "lanterne";
    private static final float TOLERANCE = 0.5f;

    private final Documents documents;
    private final StoredPdfPages pages;
    private final RedactionStore store;
    private final RedactionProposals proposals;
    private final Redactor redactor;
    private final PublicationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** One lock per stripe of documents: changes to one document are made one at a time. */
    private final List<Object> locks = Stream.generate(Object::new).limit(64).toList();
    private final Search search;

    Publications(Documents documents, StoredPdfPages pages, RedactionStore store, RedactionProposals proposals,
                 Redactor redactor, PublicationProperties properties, TransactionTemplate transaction, Clock clock,
                 Search search) {
        this.documents = documents;
        this.pages = pages;
        this.store = store;
        this.proposals = proposals;
        this.redactor = redactor;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.search = search;
    }

    // --- what is occulted ---------------------------------------------------------------------------------------

    /** The proposals and boxes of a PDF with their decisions; the proposals are made on the first call. */
    public RedactionSheet sheet(String sha256) {
        Details details = pdf(sha256);
        proposeOnce(details.sha256());
        return sheetOf(details.sha256());
    }

    /** A box a volunteer drew: occulted (accepted) at once. */
    public RedactionSheet addBox(String sha256, PdfRect box, String by) {
        Details details = pdf(sha256);
        List<PageText> words = pages.words(details.sha256());
        if (box.page() > words.size()) {
            throw RedactionRefused.noSuchPage(box.page(), words.size());
        }
        PageText page = words.get(box.page() - 1);
        if (!box.within(page.width(), page.height(), TOLERANCE)) {
            throw RedactionRefused.outsidePage(box, page.width(), page.height());
        }
        String covered = page.words().stream().filter(w -> w.box().overlaps(box, 0))
                .map(PageWord::text).collect(Collectors.joining(" "));
        synchronized (lock(details.sha256())) {
            proposeOnce(details.sha256());
            transaction.executeWithoutResult(status -> store.insert(details.sha256(), new NewRedaction(
                    Redaction.MANUAL, null, covered, List.of(box), RedactionStatus.ACCEPTED), by, clock.instant()));
        }
        return sheetOf(details.sha256());
    }

    /** Accepts or rejects one proposal (or box); a decision may be changed until the document is published again. */
    public RedactionSheet decide(String sha256, long id, boolean accept, String by) {
        Details details = pdf(sha256);
        proposeOnce(details.sha256());
        store.redaction(details.sha256(), id).orElseThrow(() -> PublicationRefused.noSuchRedaction(sha256, id));
        store.decide(details.sha256(), id, accept ? RedactionStatus.ACCEPTED : RedactionStatus.REJECTED, by,
                clock.instant());
        return sheetOf(details.sha256());
    }

    /** Accepts every pending proposal. */
    public RedactionSheet acceptAll(String sha256, String by) {
        Details details = pdf(sha256);
        proposeOnce(details.sha256());
        store.acceptPending(details.sha256(), by, clock.instant());
        return sheetOf(details.sha256());
    }

    /**
     * Saves a rule for every document whose proposals are made from now on, and, given a document, proposes what it
     * finds there at once.
     *
     * @param sha256 the document being edited, or null
     */
    public Optional<RedactionSheet> saveRule(SavedRule rule, String sha256, String by) {
        Details details = sha256 == null ? null : pdf(sha256);
        store.saveRule(rule, by, clock.instant());
        if (details == null) {
            return Optional.empty();
        }
        synchronized (lock(details.sha256())) {
            proposeOnce(details.sha256());
            List<RedactionProposal> found = proposals.propose(pages.words(details.sha256()), List.of(rule)).stream()
                    .filter(p -> p.kind() == ProposalKind.SAVED_RULE).toList();
            transaction.executeWithoutResult(status -> found.forEach(p -> store.insert(details.sha256(),
                    new NewRedaction(Redaction.PROPOSAL, p.kind(), p.text(), p.boxes(), RedactionStatus.PENDING), by,
                    clock.instant())));
        }
        return Optional.of(sheetOf(details.sha256()));
    }

    public List<SavedRule> rules() {
        return store.rules();
    }

    /** The words of a PDF with where they are drawn, for selecting them in the editor. */
    public List<PageText> words(String sha256) {
        return pages.words(pdf(sha256).sha256());
    }

    /** Page {@code page} of a PDF as a PNG image. */
    public byte[] pageImage(String sha256, int page) {
        Details details = pdf(sha256);
        if (page < 1 || page > details.pageCount()) {
            throw PublicationRefused.noSuchPage(details.sha256(), page, details.pageCount());
        }
        return pages.image(details.sha256(), page);
    }

    // --- publication --------------------------------------------------------------------------------------------

    /**
     * Publishes a document as its redacted version (every proposal decided, the accepted ones and the boxes drawn
     * occulted), or as received when a volunteer declares it has nothing to occult. When a second look is required,
     * the first call asks for it and a call by someone else approves it. The same call made again changes nothing.
     */
    public PublicationState publish(String sha256, boolean asReceived, String by) {
        Details details = documents.details(sha256);
        String sha = details.sha256();
        synchronized (lock(sha)) {
            Long versionId = null;
            if (asReceived) {
                if (isPdf(details) && store.proposed(sha)) {
                    int accepted = sheetOf(sha).accepted();
                    if (accepted > 0) {
                        throw PublicationRefused.boxesAccepted(accepted);
                    }
                }
            } else {
                versionId = version(pdf(sha256), by).id();
            }
            Long target = versionId;
            return transaction.execute(status -> settle(sha, target, asReceived, by));
        }
    }

    /** Stops showing a document to visitors; its versions are kept. */
    public void withdraw(String sha256, String by) {
        Details details = documents.details(sha256);
        synchronized (lock(details.sha256())) {
            transaction.executeWithoutResult(status -> {
                documents.publish(details.sha256(), false, by);
                store.withdraw(details.sha256());
            });
        }
    }

    public Optional<PublicationState> publication(String sha256) {
        return store.publication(documents.details(sha256).sha256());
    }

    /**
     * What visitors read of a document that is published: its redacted version, or the file as received (published
     * so, or before redaction existed). Whether it is published is the caller's to check ({@link Documents#published}).
     */
    public PublishedFile publishedFile(String sha256) {
        Details details = documents.details(sha256);
        Optional<PublicationState> publication = store.publication(details.sha256())
                .filter(PublicationState::published);
        // The name a file was received under may hold a person's name: visitors get a neutral one.
        String name = "document-" + details.sha256().substring(0, 12);
        if (publication.isPresent() && publication.get().redactedSha256() != null) {
            return new PublishedFile(documents.derivedFile(publication.get().redactedSha256()), name + "-occulte.pdf",
                    "application/pdf", true);
        }
        return new PublishedFile(documents.file(details.sha256()), name + extension(details.fileName()),
                details.mediaType(), false);
    }

    private static String extension(String fileName) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.[A-Za-z0-9]{1,8}$")
                .matcher(fileName == null ? "" : fileName);
        return m.find() ? m.group().toLowerCase(java.util.Locale.ROOT) : "";
    }

    /** The text of each page of the published redacted version, if the document is published as one. */
    public Optional<List<String>> publishedText(String sha256) {
        return store.publication(documents.details(sha256).sha256()).filter(PublicationState::published)
                .map(PublicationState::redactedSha256)
                .map(redacted -> pages.derivedWords(redacted).stream().map(Publications::text).toList());
    }

    /** How many redacted versions a document has. */
    public int versions(String sha256) {
        return store.versionCount(documents.details(sha256).sha256());
    }

    /** Publishes, asks for the second look, or gives it; the same call again changes nothing. */
    private PublicationState settle(String sha256, Long versionId, boolean asReceived, String by) {
        Optional<PublicationState> existing = store.publication(sha256);
        boolean sameTarget = existing.isPresent() && existing.get().asReceived() == asReceived
                && Objects.equals(existing.get().versionId(), versionId);
        if (sameTarget && existing.get().published()) {
            documents.publish(sha256, true, existing.get().approvedBy());
            return existing.get();
        }
        Instant now = clock.instant();
        if (properties.reviewRequired()) {
            if (sameTarget && existing.get().requestedBy().equals(by)) {
                // Asked again by the same volunteer: it still waits for someone else.
                return existing.get();
            }
            if (!sameTarget) {
                store.savePublication(sha256, versionId, asReceived, PublicationState.Status.AWAITING_REVIEW, by, now,
                        null, null);
                return store.publication(sha256).orElseThrow();
            }
            store.savePublication(sha256, versionId, asReceived, PublicationState.Status.PUBLISHED,
                    existing.get().requestedBy(), existing.get().requestedAt(), by, now);
        } else {
            store.savePublication(sha256, versionId, asReceived, PublicationState.Status.PUBLISHED, by, now, by, now);
        }
        documents.publish(sha256, true, by);
        // Visitors search what they may read: the redacted version's text, never the original's.
        if (versionId == null) {
            search.publishAsReceived(sha256);
        } else {
            search.publish(sha256, publishedText(sha256).orElseThrow());
        }
        return store.publication(sha256).orElseThrow();
    }

    /** The redacted version of what is accepted now, made if it does not exist yet. */
    private Version version(Details details, String by) {
        String sha256 = details.sha256();
        proposeOnce(sha256);
        RedactionSheet sheet = sheetOf(sha256);
        if (sheet.pending() > 0) {
            throw PublicationRefused.pending(sheet.pending());
        }
        List<PdfRect> boxes = new ArrayList<>();
        sheet.redactions().stream().filter(r -> r.status() == RedactionStatus.ACCEPTED)
                .forEach(r -> boxes.addAll(r.boxes()));
        String canonical = Boxes.canonical(boxes);
        Optional<Version> existing = store.version(sha256, Boxes.digest(canonical));
        if (existing.isPresent()) {
            return existing.get();
        }
        List<PdfRect> applied = Boxes.read(canonical);
        RedactedPdf redacted = redactor.redact(pages.bytes(documents.file(sha256)), applied, pages.words(sha256));
        return transaction.execute(status -> {
            String file = documents.storeDerived(sha256, redacted.pdf());
            store.insertVersion(sha256, canonical, file, redacted, applied.size(), by, clock.instant());
            return store.version(sha256, Boxes.digest(canonical)).orElseThrow();
        });
    }

    private void proposeOnce(String sha256) {
        if (store.proposed(sha256)) {
            return;
        }
        synchronized (lock(sha256)) {
            if (store.proposed(sha256)) {
                return;
            }
            List<RedactionProposal> found = proposals.propose(pages.words(sha256), store.rules());
            transaction.executeWithoutResult(status -> {
                if (store.markProposed(sha256, clock.instant())) {
                    found.forEach(p -> store.insert(sha256, new NewRedaction(Redaction.PROPOSAL, p.kind(), p.text(),
                            p.boxes(), RedactionStatus.PENDING), LANTERNE, clock.instant()));
                }
            });
        }
    }

    private RedactionSheet sheetOf(String sha256) {
        List<RedactionSheet.PageSize> sizes = pages.words(sha256).stream()
                .map(p -> new RedactionSheet.PageSize(p.page(), p.width(), p.height())).toList();
        List<Redaction> redactions = store.redactions(sha256);
        return new RedactionSheet(sha256, sizes, redactions, count(redactions, RedactionStatus.PENDING),
                count(redactions, RedactionStatus.ACCEPTED), count(redactions, RedactionStatus.REJECTED),
                store.publication(sha256).orElse(null));
    }

    private static int count(List<Redaction> redactions, RedactionStatus status) {
        return (int) redactions.stream().filter(r -> r.status() == status).count();
    }

    private Details pdf(String sha256) {
        Details details = documents.details(sha256);
        if (!isPdf(details)) {
            throw PublicationRefused.notAPdf(details.mediaType() == null ? "type inconnu" : details.mediaType());
        }
        return details;
    }

    private static boolean isPdf(Details details) {
        return details.mediaType() != null && details.mediaType().startsWith("application/pdf");
    }

    private Object lock(String sha256) {
        return locks.get(Math.floorMod(sha256.hashCode(), locks.size()));
    }

    /** A page's words in lines: a new line where a word starts below the previous one. */
    private static String text(PageText page) {
        StringBuilder text = new StringBuilder();
        PageWord previous = null;
        for (PageWord word : page.words()) {
            if (previous != null) {
                boolean newLine = word.box().y() > previous.box().y() + previous.box().height() / 2;
                text.append(newLine ? '\n' : ' ');
            }
            text.append(word.text());
            previous = word;
        }
        return text.toString();
    }
}
