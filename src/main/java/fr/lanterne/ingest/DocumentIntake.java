package fr.lanterne.ingest;

import fr.lanterne.shared.NotFoundException;
import fr.lanterne.ingest.DocumentMatching.Match;
import fr.lanterne.ingest.DocumentRecords.Item;
import fr.lanterne.ingest.DocumentRecords.Report;
import fr.lanterne.ingest.DocumentRecords.Result;
import fr.lanterne.ingest.DocumentRecords.Source;
import fr.lanterne.ingest.Documents.DocumentsIngested;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in what comes back (an upload, an email, a folder's file, a quarantined file retried): keeps every byte, files
 * each document against its request and the registry, suggests the request's new state, and accounts for every
 * input: ingested, duplicate, or quarantined with its reason. One transaction per input.
 */
@Service
class DocumentIntake {

    private final Intake intake;
    private final DocumentStore store;
    private final BlobStore blobs;
    private final DocumentClassifier classifier;
    private final StateAdvisor advisor;
    private final DocumentMatching matching;
    private final VocabularyCache vocabulary;
    private final Requests requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DocumentIntake(Intake intake, DocumentStore store, BlobStore blobs, DocumentClassifier classifier,
                   StateAdvisor advisor, DocumentMatching matching, VocabularyCache vocabulary, Requests requests,
                   ApplicationEventPublisher events, Clock clock) {
        this.intake = intake;
        this.store = store;
        this.blobs = blobs;
        this.classifier = classifier;
        this.advisor = advisor;
        this.matching = matching;
        this.vocabulary = vocabulary;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    /** A file a person sends; see {@link Documents#upload(String, byte[], String, String, Predicate)}. */
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

    /** One input given as bytes (an upload, an email). */
    @Transactional
    public Report ingest(String fileName, byte[] content, Source source) {
        return take(intake.receive(fileName, content), source, null, request -> true);
    }

    /** One file (from a folder); a file over the size limit is kept without being read into memory. */
    @Transactional
    public Report ingest(Path file, Source source) {
        return take(intake.receive(file), source, file, request -> true);
    }

    /** A quarantined file taken in again; see {@link Documents#retry(long, String, Predicate)}. */
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

    private Report take(Received received, Source source, Path file, Predicate<RequestDetails> mayActOn) {
        Instant now = clock.instant();
        Match match = matching.match(received, source, mayActOn);
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
            Item result = file(item, match, now, ingested, replies);
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

    private Item file(IntakeItem item, Match match, Instant now, List<String> ingested, List<ReplyDocument> replies) {
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
        List<Mention> mentions = vocabulary.mentionsIn(extraction);
        store.insertMentions(item.sha256(), mentions);
        store.proposeLinks(item.sha256(), matching.relatedDeployments(match.authorityCode(), mentions));
        ingested.add(item.sha256());
        return new Item(item.path(), item.sha256(), Result.INGESTED, classification.kind().name(),
                extraction.pages().size(), null, extraction.needsOcr() ? "des pages sans texte attendent l'OCR" : null);
    }
}
