package fr.lanterne.ingest;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.NotFoundException;
import fr.lanterne.shared.UserError;
import fr.lanterne.ingest.DocumentRecords.Details;
import fr.lanterne.ingest.DocumentRecords.Reread;
import fr.lanterne.ingest.DocumentRecords.RereadAttempt;
import fr.lanterne.ingest.Documents.DocumentsChanged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads stored documents again with today's settings and tools (Tesseract installed since, an extraction fixed): their
 * pages, metadata, kind and mentions are replaced, deployments they now name are proposed; their receipts, their
 * request and the links a volunteer confirmed or rejected stay.
 */
@Service
class DocumentRereading {

    private static final Logger log = LoggerFactory.getLogger(DocumentRereading.class);

    private final Intake intake;
    private final DocumentQueries queries;
    private final DocumentStore store;
    private final BlobStore blobs;
    private final DocumentClassifier classifier;
    private final DocumentMatching matching;
    private final VocabularyCache vocabulary;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    DocumentRereading(Intake intake, DocumentQueries queries, DocumentStore store, BlobStore blobs,
                      DocumentClassifier classifier, DocumentMatching matching, VocabularyCache vocabulary,
                      ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.intake = intake;
        this.queries = queries;
        this.store = store;
        this.blobs = blobs;
        this.classifier = classifier;
        this.matching = matching;
        this.vocabulary = vocabulary;
        this.events = events;
        this.transaction = transaction;
    }

    /**
     * Reads one document again. The file is read before the transaction opens, for OCR can take minutes; a file that
     * can no longer be read changes nothing.
     */
    Reread reread(String sha256, String by) {
        Details before = queries.details(sha256);
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
        List<Mention> mentions = vocabulary.mentionsIn(extraction);
        Reread reread = transaction.execute(status -> replace(before, extraction, classification.kind(), mentions));
        log.info("{} re-read document {} ({}): {} page(s), {} OCRed, {} changed, needs OCR: {}", by, reread.sha256(),
                reread.fileName(), reread.pages(), reread.ocredPages(), reread.changedPages(), reread.needsOcr());
        return reread;
    }

    private Reread replace(Details before, Extraction extraction, DocumentKind kind, List<Mention> mentions) {
        String sha256 = before.sha256();
        Map<Integer, String> oldTexts = store.pages(sha256).stream()
                .collect(Collectors.toMap(DocumentRecords.Page::number, DocumentRecords.Page::text));
        store.replaceExtraction(sha256, extraction, kind);
        store.replaceMentions(sha256, mentions);
        List<Long> related = matching.relatedDeployments(before.authorityCode(), mentions);
        store.proposeLinks(sha256, related);
        events.publishEvent(new DocumentsChanged(List.of(sha256)));

        Set<String> knownMentions = before.mentions().stream().map(m -> m.kind() + "/" + m.name())
                .collect(Collectors.toSet());
        List<String> newMentions = mentions.stream()
                .filter(m -> !knownMentions.contains(m.kind().name() + "/" + m.name()))
                .map(Mention::name).toList();
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
     */
    List<RereadAttempt> rereadNeedingOcr(String by, Consumer<RereadAttempt> each) {
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
}
