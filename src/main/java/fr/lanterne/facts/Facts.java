package fr.lanterne.facts;

import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentChanges;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.SourceDraft;
import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts module's API: the facts read in a document, each with its page and sentence, and a volunteer's
 * confirmation of one into the deployment it documents, the document and its page becoming a source of it.
 */
@Service
public class Facts {

    private final Documents documents;
    private final Registry registry;
    private final FactReading reading;
    private final FactStore store;
    private final Clock clock;

    Facts(Documents documents, Registry registry, FactReading reading, FactStore store, Clock clock) {
        this.documents = documents;
        this.registry = registry;
        this.reading = reading;
        this.store = store;
        this.clock = clock;
    }

    /**
     * The document's facts, page by page; read now if they never were, or by older rules.
     *
     * @throws NotFoundException for a hash no document has
     */
    @Transactional
    public List<Fact> of(String sha256) {
        String document = documents.details(sha256).sha256();
        if (!reading.upToDate(document)) {
            reading.read(document);
        }
        return store.facts(document);
    }

    /** The facts a volunteer confirmed into a deployment (its amounts, for the vendor's page), page order. */
    @Transactional(readOnly = true)
    public List<Fact> confirmedInto(long deploymentId) {
        return store.confirmedInto(deploymentId);
    }

    /** How many SIRET or SIREN the document quotes with a wrong key: set aside, not proposed. */
    @Transactional(readOnly = true)
    public int invalidKeys(String sha256) {
        return store.invalidKeys(documents.details(sha256).sha256());
    }

    /**
     * A volunteer says the fact describes a deployment: its vendor, product, start year or camera count is written
     * into it (an amount, which the registry has no field for, is kept in the source's quotation), and the document's
     * page becomes one of its sources, quoting the sentence.
     */
    @Transactional
    public Fact confirm(String sha256, long factId, long deploymentId, String by) {
        DocumentRecords.Details details = documents.details(sha256);
        Fact fact = store.fact(details.sha256(), factId).orElseThrow(() -> new NotFoundException(
                "Ce document n’a pas de fait n° " + factId + " : il a peut-être été relu depuis ; rechargez la page.",
                Map.of("sha256", details.sha256(), "fact", factId)));
        Deployment deployment = registry.deployment(deploymentId);
        DeploymentChanges changes = changes(fact, deployment);
        if (changes != null) {
            registry.update(deploymentId, changes, by);
        }
        registry.addSource(deploymentId, new SourceDraft(null, "« " + details.fileName() + " », page " + fact.page(),
                fact.passage(), details.sha256(), null), by);
        store.confirm(fact.id(), deploymentId, by, clock.instant());
        return store.fact(details.sha256(), factId).orElseThrow();
    }

    private static DeploymentChanges changes(Fact fact, Deployment deployment) {
        int version = deployment.version();
        return switch (fact.kind()) {
            case VENDOR -> new DeploymentChanges(version, null, fact.value(), null, null, null, null, null, null);
            case PRODUCT -> new DeploymentChanges(version, null, fact.qualifier(), fact.value(), null, null, null,
                    null, null);
            case CAMERA_COUNT -> new DeploymentChanges(version, null, null, null, null, null, null,
                    Integer.valueOf(fact.value()), null);
            case DATE -> {
                if ("END".equals(fact.qualifier()) || "NOTIFICATION".equals(fact.qualifier())) {
                    throw new InvalidInputException("Seule une date de début se reporte dans un déploiement (son "
                            + "année de début) ; celle-ci est une date de "
                            + ("END".equals(fact.qualifier()) ? "fin." : "notification."), Map.of("fact", fact.id()));
                }
                yield new DeploymentChanges(version, null, null, null, null,
                        Integer.valueOf(fact.value().substring(0, 4)), null, null, null);
            }
            case AMOUNT -> null;
            default -> throw new ConflictException("Un fait de ce genre (" + fact.kind() + ") ne se reporte pas dans "
                    + "un déploiement : seuls le fournisseur, le produit, un montant, la date de début et le nombre "
                    + "de caméras s’y reportent.", Map.of("fact", fact.id()));
        };
    }
}
