package fr.lanterne.ingest;

import fr.lanterne.ConflictException;
import fr.lanterne.FrenchCount;
import fr.lanterne.InvalidInputException;
import fr.lanterne.NotFoundException;
import fr.lanterne.UserError;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import fr.lanterne.ingest.DocumentRecords.Details;
import fr.lanterne.ingest.DocumentRecords.Item;
import fr.lanterne.ingest.DocumentRecords.Report;
import fr.lanterne.ingest.DocumentRecords.Reread;
import fr.lanterne.ingest.DocumentRecords.RereadAttempt;
import fr.lanterne.ingest.DocumentRecords.Result;
import fr.lanterne.ingest.DocumentRecords.Source;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentQuery;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.Vendor;
import fr.lanterne.registry.SourceDraft;
import fr.lanterne.registry.Technology;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest module's API: take in what comes back (an uploaded file, an email, a folder's files, a mailbox), keep
 * every byte, extract the text page by page, file each document against its request and the deployment registry,
 * and account for every input: ingested, duplicate, or quarantined with its reason.
 */
@Service
public class Documents {

    private static final Logger log = LoggerFactory.getLogger(Documents.class);

    private final Intake intake;
    private final DocumentStore store;
    private final BlobStore blobs;
    private final DocumentClassifier classifier;
    private final StateAdvisor advisor;
    private final Requests requests;
    private final Authorities authorities;
    private final Registry registry;
    private final IngestProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Documents(Intake intake, DocumentStore store, BlobStore blobs, DocumentClassifier classifier, StateAdvisor advisor,
              Requests requests, Authorities authorities, Registry registry, IngestProperties properties,
              ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.intake = intake;
        this.store = store;
        this.blobs = blobs;
        this.classifier = classifier;
        this.advisor = advisor;
        this.requests = requests;
        this.authorities = authorities;
        this.registry = registry;
        this.properties = properties;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
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
     * A file sent by someone who may act on every request (an administrator, the command line, tests).
     *
     * @param requestReference the request it answers, when they say so (null: matched like any other input)
     */
    @Transactional
    public Report upload(String fileName, byte[] content, String requestReference, String by) {
        return upload(fileName, content, requestReference, by, request -> true);
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
    @Transactional
    public Report upload(String fileName, byte[] content, String requestReference, String by,
                         Predicate<RequestDetails> mayActOn) {
        Objects.requireNonNull(mayActOn, "mayActOn");
        // Browsers on Windows may send the whole path: only its last part names the file.
        String last = fileName == null ? "" : fileName.substring(fileName.replace('\\', '/').lastIndexOf('/') + 1);
        String name = last.isBlank() ? "document" : last.strip();
        // Each upload is a receipt of its own (the same file sent twice is one document with two receipts): its
        // moment is part of its source. An empty file is not refused here: it goes to quarantine like any other.
        return take(intake.receive(name, content), new Source(DocumentRecords.Channel.UPLOAD, "envoi de " + by
                + " le " + clock.instant() + " : " + name + " (" + content.length + " octets)", requestReference, by),
                null, mayActOn);
    }

    /** Takes in one input given as bytes (an upload, an email). */
    @Transactional
    public Report ingest(String fileName, byte[] content, Source source) {
        return take(intake.receive(fileName, content), source, null, request -> true);
    }

    /** Takes in one file (from a folder); a file over the size limit is kept without being read into memory. */
    @Transactional
    public Report ingest(Path file, Source source) {
        return take(intake.receive(file), source, file, request -> true);
    }

    private Report take(Received received, Source source, Path file, Predicate<RequestDetails> mayActOn) {
        Instant now = clock.instant();
        Match match = match(received, source, mayActOn);
        EmailMessage email = received.root().emailMessage().orElse(null);
        String sender = email == null ? null : email.from();
        String subject = email == null ? null : email.subject();
        List<Item> items = new ArrayList<>();
        List<String> ingested = new ArrayList<>();
        List<ReplyDocument> replies = new ArrayList<>();
        for (IntakeItem item : received.items()) {
            if (store.intakeExists(source.channel(), source.source(), item.path(), item.sha256())) {
                items.add(new Item(item.path(), item.sha256(), Result.ALREADY_RECEIVED, null, 0, null, null));
                continue;
            }
            keep(item, file);
            Item result = file(item, match, source, now, ingested, replies);
            store.insertIntake(source, item, result.result(), result.reason(), result.detail(),
                    match.reference(), sender, subject, now);
            items.add(result);
        }
        String suggestion = null;
        if (!replies.isEmpty()) {
            StateSuggestion advice = advisor.suggest(replies);
            // "Lanterne suggère que la demande est satisfaite : la réponse communique …"
            suggestion = "Lanterne suggère que " + advice.state().verdict() + " : " + lowerFirst(advice.reason());
            store.suggestion(ingested, advice.state().name(), advice.reason());
            if (match.reference() != null) {
                requests.documentsReceived(RequestReference.parse(match.reference()), (ingested.isEmpty()
                        ? "Documents déjà connus, reçus à nouveau (" : ingested.size() == 1 ? "Un document reçu ("
                        : ingested.size() + " documents reçus (")
                        + replies.stream().map(r -> r.kind().label()).distinct().collect(Collectors.joining(", "))
                        + "). " + suggestion);
            }
        }
        if (!ingested.isEmpty()) {
            events.publishEvent(new DocumentsIngested(List.copyOf(ingested)));
        }
        return new Report(source.source(), items, match.reference(), match.authorityCode(), suggestion);
    }

    private static String lowerFirst(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** Every byte is kept, quarantined files included, so that they can be retried. */
    private void keep(IntakeItem item, Path file) {
        if (blobs.exists(item.sha256())) {
            return;
        }
        if (item.content() != null) {
            blobs.store(item.sha256(), item.content());
        } else if (file != null && item.depth() == 0) {
            blobs.store(item.sha256(), file);
        }
    }

    private Item file(IntakeItem item, Match match, Source source, Instant now, List<String> ingested,
                      List<ReplyDocument> replies) {
        Outcome outcome = item.outcome();
        if (outcome instanceof Outcome.Quarantined quarantined) {
            return new Item(item.path(), item.sha256(), Result.QUARANTINED, null, 0, quarantined.reason().name(),
                    quarantined.message());
        }
        if (outcome instanceof Outcome.Unpacked unpacked) {
            return new Item(item.path(), item.sha256(), Result.UNPACKED, null, 0, null,
                    (unpacked.parts() == 1 ? "un fichier" : unpacked.parts() + " fichiers") + " à l'intérieur");
        }
        Extraction extraction = ((Outcome.Extracted) outcome).extraction();
        Classification classification = classifier.classify(extraction);
        replies.add(ReplyDocument.of(extraction, classification));
        if (store.documentExists(item.sha256()) || !store.insertDocument(item.sha256(), item.size(), extraction,
                classification.kind(), match.reference(), match.authorityCode(), now)) {
            return new Item(item.path(), item.sha256(), Result.DUPLICATE, classification.kind().name(),
                    extraction.pages().size(), null, "déjà reçu : une réception de plus pour le même document");
        }
        List<fr.lanterne.ingest.Mention> mentions = detector().detect(extraction);
        store.insertMentions(item.sha256(), mentions);
        store.proposeLinks(item.sha256(), relatedDeployments(match, mentions));
        ingested.add(item.sha256());
        return new Item(item.path(), item.sha256(), Result.INGESTED, classification.kind().name(),
                extraction.pages().size(), null, extraction.needsOcr() ? "des pages sans texte attendent l'OCR" : null);
    }

    /**
     * Reference first (given, or found in the email or the documents, most reliable first), then the sender's address,
     * else triage. Only a request the sender of the input may act on is taken: a reference to any other is treated as
     * one no request has.
     */
    private record Match(String reference, String authorityCode) {
    }

    private Match match(Received received, Source source, Predicate<RequestDetails> mayActOn) {
        if (source.requestReference() != null) {
            RequestReference ref = RequestReference.parse(source.requestReference());
            RequestDetails request = requests.find(ref).filter(mayActOn).orElseThrow(() -> new InvalidInputException(
                    "Aucune demande n'a la référence " + ref + ".", Map.of("reference", ref.value())));
            return new Match(request.reference().value(), request.authorityCode());
        }
        for (ReferenceMatch found : received.references()) {
            Optional<RequestDetails> request = requests.find(RequestReference.parse(found.reference()))
                    .filter(mayActOn);
            if (request.isPresent()) {
                return new Match(request.get().reference().value(), request.get().authorityCode());
            }
        }
        Optional<String> sender = received.root().emailMessage().map(EmailMessage::from);
        Optional<Authority> authority = sender.flatMap(authorities::findByEmail);
        return new Match(null, authority.map(Authority::code).orElse(null));
    }

    /** Deployments of the authority's commune whose technology or vendor the document names: to be confirmed. */
    private List<Long> relatedDeployments(Match match, List<fr.lanterne.ingest.Mention> mentions) {
        if (match.authorityCode() == null || mentions.isEmpty()) {
            return List.of();
        }
        Authority authority = authorities.authorityByCode(match.authorityCode());
        if (authority.communeInsee() == null) {
            return List.of();
        }
        Set<Technology> technologies = EnumSet.noneOf(Technology.class);
        Set<String> vendors = new java.util.HashSet<>();
        for (fr.lanterne.ingest.Mention mention : mentions) {
            technologies.addAll(mention.technologies());
            if (mention.vendor() != null) {
                vendors.add(mention.vendor().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return registry.find(DeploymentQuery.ofCommune(authority.communeInsee())).stream()
                .filter(d -> technologies.contains(d.technology())
                        || d.vendor() != null && vendors.contains(d.vendor().toLowerCase(java.util.Locale.ROOT)))
                .map(Deployment::id)
                .toList();
    }

    /** The detector built from the registry's vendors and the vocabulary file, and what it was built from. */
    private record CachedDetector(List<Vendor> vendors, Path file, FileTime modified, VocabularyDetector detector) {
    }

    private volatile CachedDetector cachedDetector;

    /**
     * The vocabulary detector, built again only when the registry's vendors or the vocabulary file changed: compiling
     * its patterns for every file took longer than reading a short PDF.
     */
    private VocabularyDetector detector() {
        List<Vendor> vendors = registry.vendors();
        Path file = properties.vocabulary();
        FileTime modified;
        try {
            modified = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vocabulary " + file, e);
        }
        CachedDetector cached = cachedDetector;
        if (cached != null && cached.vendors().equals(vendors) && cached.file().equals(file)
                && java.util.Objects.equals(cached.modified(), modified)) {
            return cached.detector();
        }
        Vocabulary.Synonyms synonyms;
        try {
            if (modified != null) {
                synonyms = Vocabulary.Synonyms.load(file);
            } else {
                try (InputStream in = Documents.class.getResourceAsStream("/config/vocabulary.yml")) {
                    synonyms = Vocabulary.Synonyms.parse(in, "vocabulary.yml (packaged)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vocabulary " + file, e);
        }
        VocabularyDetector detector = new VocabularyDetector(Vocabulary.of(vendors, synonyms));
        cachedDetector = new CachedDetector(vendors, file, modified, detector);
        return detector;
    }

    // --- reading -----------------------------------------------------------------------------------------------

    public Details details(String sha256) {
        return store.details(checked(sha256)).orElseThrow(() -> notFound(sha256));
    }

    public DocumentRecords.Page page(String sha256, int number) {
        Details details = details(sha256);
        return store.page(sha256, number).orElseThrow(() -> new NotFoundException("Le document n'a que "
                + FrenchCount.of(details.pageCount(), "page", "pages") + " : pas de page " + number + ".",
                Map.of("sha256", sha256, "page", number, "pages", details.pageCount())));
    }

    public List<DocumentRecords.Page> pages(String sha256) {
        details(sha256);
        return store.pages(sha256);
    }

    /** The file as it was received. */
    public Path file(String sha256) {
        String checked = checked(sha256);
        if (!blobs.exists(checked)) {
            throw notFound(sha256);
        }
        return blobs.path(checked);
    }

    public String fileName(String sha256) {
        return store.fileName(checked(sha256)).orElse(sha256);
    }

    public String mediaType(String sha256) {
        return store.mediaType(checked(sha256)).orElse("application/octet-stream");
    }

    public List<DocumentRecords.Quarantined> quarantine(boolean openOnly, int limit) {
        return store.quarantine(openOnly, Math.max(1, Math.min(limit, 1_000)));
    }

    /** Documents waiting for a volunteer to say which request they answer. */
    public List<DocumentRecords.Unmatched> unmatched(int limit) {
        return store.unmatched(Math.max(1, Math.min(limit, 1_000)));
    }

    /** The documents received for a request. */
    public List<DocumentRecords.Summary> ofRequest(String reference) {
        return store.summaries("request_reference", List.of(reference), 500);
    }

    /** The documents received from some authorities (a town's town hall, its préfecture…). */
    public List<DocumentRecords.Summary> ofAuthorities(List<String> authorityCodes) {
        return store.summaries("authority_code", authorityCodes, 500);
    }

    /** Whether visitors may read the document when Lanterne runs in public mode. */
    public boolean published(String sha256) {
        return store.published(sha256);
    }

    /**
     * Shows a document to visitors in public mode, or stops showing it. A volunteer decides, having checked it holds
     * no personal data that the law keeps from publication (CRPA L312-1-2).
     */
    @Transactional
    public void publish(String sha256, boolean published, String by) {
        details(sha256);
        if (published) {
            store.publish(sha256, by, clock.instant());
        } else {
            store.unpublish(sha256);
        }
    }

    /**
     * Some documents by their SHA-256, for the pages that cite them (a deployment's sources); unknown ones are left
     * out.
     */
    public List<DocumentRecords.Summary> summaries(List<String> sha256s) {
        return store.summaries("sha256", sha256s.stream().map(Documents::checked).distinct().toList(), 1_000);
    }

    /** The documents a volunteer confirmed as documenting a deployment. */
    public List<String> documenting(long deploymentId) {
        return store.confirmedLinksTo(deploymentId);
    }

    /** How many pages each document has, by SHA-256: for checking the search index against the database. */
    public Map<String, Integer> pageCounts() {
        return store.pageCounts();
    }

    /** Documents in hash order after one, for rebuilding the search index. */
    public List<String> documentsAfter(String sha256, int limit) {
        return store.documentsAfter(sha256, limit);
    }

    // --- acting on documents -----------------------------------------------------------------------------------

    /**
     * Takes a quarantined file in again, with today's settings and tools (a raised limit, Tesseract installed since).
     */
    @Transactional
    public Report retry(long quarantineId, String by) {
        return retry(quarantineId, by, request -> true);
    }

    /**
     * Takes a quarantined file in again on behalf of someone who may act only on some requests: an uploaded file is
     * then matched as their own upload would be (mail and folders keep their own rules: a reply to a request's
     * plus-address is the authority's, a folder is the operator's).
     */
    @Transactional
    public Report retry(long quarantineId, String by, Predicate<RequestDetails> mayActOn) {
        DocumentRecords.Quarantined entry = store.quarantined(quarantineId).orElseThrow(() -> new NotFoundException(
                "Rien n'a le numéro " + quarantineId + " en quarantaine.", Map.of("id", quarantineId)));
        if (!blobs.exists(entry.sha256())) {
            throw new NotFoundException("Le fichier de l'entrée " + quarantineId + " n'a pas été conservé (il était "
                    + "inclus dans un fichier lui-même illisible) : réimportez l'original.", Map.of("id", quarantineId));
        }
        byte[] content;
        try {
            content = Files.readAllBytes(blobs.path(entry.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Report report = take(intake.receive(entry.fileName(), content),
                new Source(DocumentRecords.Channel.valueOf(entry.channel()), entry.source() + " (nouvel essai "
                        + clock.instant() + ")", null, by), null,
                DocumentRecords.Channel.UPLOAD.name().equals(entry.channel()) ? mayActOn : request -> true);
        if (report.items().stream().noneMatch(i -> i.result() == Result.QUARANTINED)) {
            store.quarantineStatus(quarantineId, "RETRIED");
        }
        return report;
    }

    /**
     * Reads a stored document again with today's settings and tools (Tesseract installed since, an extraction fixed):
     * its pages, metadata, kind and mentions are replaced, deployments it now names are proposed; its receipts, its
     * request and the links a volunteer confirmed or rejected stay. The file is read before the transaction opens,
     * for OCR can take minutes; a file that can no longer be read changes nothing.
     */
    public Reread reread(String sha256, String by) {
        Details before = details(sha256);
        Path file = blobs.path(before.sha256());
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("Le fichier du document « " + before.fileName() + " » manque (" + file
                    + ") : restaurez-le depuis une sauvegarde pour pouvoir le relire.", Map.of("sha256",
                    before.sha256()));
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        if (!Intake.sha256(content).equals(before.sha256())) {
            throw new ConflictException("Le fichier conservé du document « " + before.fileName() + " » ne correspond "
                    + "plus à son empreinte (il a été modifié ou abîmé) : restaurez-le depuis une sauvegarde ; rien "
                    + "n'a changé.", Map.of("sha256", before.sha256(), "file", file.toString()));
        }
        Outcome outcome = intake.read(before.fileName(), content);
        if (!(outcome instanceof Outcome.Extracted extracted)) {
            String why = outcome instanceof Outcome.Quarantined quarantined ? quarantined.message()
                    : "ce n'est pas un document mais une archive.";
            throw new ConflictException("Le document « " + before.fileName() + " » n'a pas pu être relu, rien n'a "
                    + "changé : " + why, Map.of("sha256", before.sha256()));
        }
        Extraction extraction = extracted.extraction();
        Classification classification = classifier.classify(extraction);
        List<fr.lanterne.ingest.Mention> mentions = detector().detect(extraction);
        Reread reread = transaction.execute(status -> replace(before, extraction, classification.kind(), mentions));
        log.info("{} re-read document {} ({}): {} page(s), {} OCRed, {} changed, needs OCR: {}", by, reread.sha256(),
                reread.fileName(), reread.pages(), reread.ocredPages(), reread.changedPages(), reread.needsOcr());
        return reread;
    }

    private Reread replace(Details before, Extraction extraction, DocumentKind kind,
                           List<fr.lanterne.ingest.Mention> mentions) {
        String sha256 = before.sha256();
        Map<Integer, String> oldTexts = store.pages(sha256).stream()
                .collect(Collectors.toMap(DocumentRecords.Page::number, DocumentRecords.Page::text));
        store.replaceExtraction(sha256, extraction, kind);
        store.replaceMentions(sha256, mentions);
        List<Long> related = relatedDeployments(new Match(before.requestReference(), before.authorityCode()), mentions);
        store.proposeLinks(sha256, related);
        events.publishEvent(new DocumentsChanged(List.of(sha256)));

        Set<String> knownMentions = before.mentions().stream().map(m -> m.kind() + "/" + m.name())
                .collect(Collectors.toSet());
        List<String> newMentions = mentions.stream()
                .filter(m -> !knownMentions.contains(m.kind().name() + "/" + m.name()))
                .map(fr.lanterne.ingest.Mention::name).toList();
        Set<Long> linked = before.links().stream().map(DocumentRecords.Link::deploymentId).collect(Collectors.toSet());
        int newLinks = (int) related.stream().distinct().filter(id -> !linked.contains(id)).count();
        DocumentKind previous = DocumentKind.valueOf(before.kind());
        return new Reread(sha256, before.fileName(), extraction.pages().size(), extraction.ocredPages(),
                extraction.needsOcr(), before.needsOcr(), changedPages(oldTexts, extraction), kind.name(),
                kind.label(), previous.name(), previous.label(), newMentions, newLinks);
    }

    /** The pages whose text is not what it was, pages added or gone included. */
    private static int changedPages(Map<Integer, String> oldTexts, Extraction extraction) {
        Map<Integer, String> newTexts = extraction.pages().stream().collect(Collectors.toMap(Page::number, Page::text));
        Set<Integer> numbers = new TreeSet<>(oldTexts.keySet());
        numbers.addAll(newTexts.keySet());
        return (int) numbers.stream().filter(n -> !Objects.equals(oldTexts.get(n), newTexts.get(n))).count();
    }

    /**
     * Reads again, one transaction each, every document that still has pages without text, once Tesseract reads
     * them here; a document that cannot be read is reported and left as it was, and the others go on.
     *
     * @param each told of each document as it is done
     */
    public List<RereadAttempt> rereadNeedingOcr(String by, Consumer<RereadAttempt> each) {
        intake.withoutOcr().ifPresent(why -> {
            throw new ConflictException("Aucun document n'a été relu, car les pages scannées ne seraient toujours "
                    + "pas lues : " + why, Map.of());
        });
        List<RereadAttempt> attempts = new ArrayList<>();
        for (String sha256 : store.needingOcr()) {
            RereadAttempt attempt;
            try {
                attempt = RereadAttempt.done(reread(sha256, by));
            } catch (UserError refused) {
                attempt = RereadAttempt.refused(sha256, refused.getMessage());
            }
            each.accept(attempt);
            attempts.add(attempt);
        }
        return attempts;
    }

    /** A volunteer says which request an unmatched document answers. */
    @Transactional
    public Details assign(String sha256, RequestReference reference, String by) {
        Details details = details(sha256);
        RequestDetails request = requests.details(reference);
        if (!store.assign(details.sha256(), request.reference().value(), request.authorityCode())) {
            // Another request's document (perhaps another group's) is not moved from under it.
            throw new ConflictException("Ce document est déjà rattaché à une autre demande : il ne peut être "
                    + "rattaché qu’à une seule.", Map.of("sha256", details.sha256()));
        }
        requests.documentsReceived(reference, "document « " + details.fileName() + " » rattaché par " + by);
        events.publishEvent(new DocumentsChanged(List.of(details.sha256())));
        return details(sha256);
    }

    /**
     * A volunteer confirms or rejects a proposed link to a deployment; a confirmed document becomes one of the
     * deployment's sources.
     */
    @Transactional
    public Details decideLink(String sha256, long deploymentId, boolean confirmed, String by) {
        Details details = details(sha256);
        registry.deployment(deploymentId);
        store.decideLink(details.sha256(), deploymentId, confirmed ? "CONFIRMED" : "REJECTED", by, clock.instant());
        if (confirmed) {
            registry.addSource(deploymentId, new SourceDraft(null, details.title() != null ? details.title()
                    : details.fileName(), null, details.sha256(), clock.instant().atZone(clock.getZone()).toLocalDate()),
                    by);
        }
        events.publishEvent(new DocumentsChanged(List.of(details.sha256())));
        return details(sha256);
    }

    private static String checked(String sha256) {
        String value = sha256 == null ? "" : sha256.strip().toLowerCase(java.util.Locale.ROOT);
        if (!value.matches("[0-9a-f]{64}")) {
            throw new InvalidInputException("« " + sha256 + " » n'est pas une empreinte SHA-256 (64 caractères "
                    + "hexadécimaux).", Map.of("sha256", String.valueOf(sha256)));
        }
        return value;
    }

    /** The refusal for a hash no document has (or that the asker may not read). */
    public static NotFoundException notFound(String sha256) {
        return new NotFoundException("Aucun document n'a l'empreinte " + sha256 + ".", Map.of("sha256", sha256));
    }
}
