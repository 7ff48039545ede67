package fr.lanterne.registry;

import fr.lanterne.shared.ConflictException;
import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityCodes;
import fr.lanterne.authorities.AuthorityRef;
import fr.lanterne.authorities.Commune;
import fr.lanterne.authorities.InseeCode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment registry's API: which authority deploys which technology, from which vendor, documented by which
 * sources. Every change is recorded in the deployment's history with its author.
 */
@Service
public class Registry {

    private final RegistryStore store;
    private final Authorities authorities;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registry(RegistryStore store, Authorities authorities, JsonMapper json, ApplicationEventPublisher events,
             Clock clock) {
        this.store = store;
        this.authorities = authorities;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A deployment's technology, vendor or other facts changed, or it was deleted: what cites it (the documents linked
     * to it, in the search index) is out of date. Published inside the transaction that changes it.
     */
    public record DeploymentChanged(long deploymentId) {
    }

    @Transactional(readOnly = true)
    public List<Deployment> find(DeploymentQuery query) {
        DeploymentQuery normalised = query;
        if (query.insee() != null) {
            String insee = InseeCode.of(query.insee()).value();
            normalised = new DeploymentQuery(insee, query.departement(), query.vendor(), query.technology(),
                    query.status(), query.authorityId(), query.limit(), query.offset());
        }
        return toDeployments(store.find(normalised));
    }

    /** INSEE codes of the communes where the registry documents at least one deployment. */
    @Transactional(readOnly = true)
    public List<String> communesWithDeployments() {
        return store.communesWithDeployments();
    }

    @Transactional(readOnly = true)
    public Deployment deployment(long id) {
        return store.row(id)
                .filter(row -> !row.deleted())
                .map(row -> toDeployments(List.of(row)).get(0))
                .orElseThrow(() -> DeploymentNotFoundException.forId(id));
    }

    @Transactional
    public Deployment create(DeploymentDraft draft, String author) {
        long id = insert(draft, null, author);
        return deployment(id);
    }

    @Transactional
    public Deployment update(long id, DeploymentChanges changes, String author) {
        RegistryStore.Row before = liveRow(id);
        if (changes.expectedVersion() == null) {
            throw new InvalidInputException("Indiquez la version du déploiement que vous modifiez (champ « version »), "
                    + "pour ne pas écraser une modification faite entre-temps.");
        }
        Timestamp now = now();
        String vendor = changes.vendor() == null ? before.vendor() : emptyToNull(changes.vendor());
        String product = changes.product() == null ? before.product() : emptyToNull(changes.product());
        if (product != null && vendor == null) {
            throw new InvalidInputException("Un produit se rattache à un fournisseur : précisez le fournisseur.",
                    Map.of("field", "vendor"));
        }
        Long vendorId = vendor == null ? null : store.ensureVendor(vendor.strip(), now);
        Long productId = product == null ? null : store.ensureProduct(vendorId, product.strip());
        RegistryStore.Row after = new RegistryStore.Row(before.id(), before.authorityId(), before.communeInsee(),
                changes.technology() == null ? before.technology() : changes.technology(),
                vendorId, vendor == null ? null : vendor.strip(), productId, product == null ? null : product.strip(),
                changes.status() == null ? before.status() : changes.status(),
                changes.since() == null ? before.since() : changes.since(),
                changes.place() == null ? before.place() : emptyToNull(changes.place()),
                changes.cameraCount() == null ? before.cameraCount() : changes.cameraCount(),
                changes.summary() == null ? before.summary() : emptyToNull(changes.summary()),
                false, before.version(), before.createdAt(), now);
        Map<String, Object> diff = diff(before, after);
        if (diff.isEmpty()) {
            return deployment(id);
        }
        if (!store.update(after, changes.expectedVersion(), now)) {
            throw editedMeanwhile(id, changes.expectedVersion(), before.version());
        }
        store.insertHistory(id, "UPDATED", toJson(diff), author, now);
        events.publishEvent(new DeploymentChanged(id));
        return deployment(id);
    }

    @Transactional
    public void delete(long id, int expectedVersion, String author) {
        RegistryStore.Row before = liveRow(id);
        Timestamp now = now();
        if (!store.markDeleted(id, expectedVersion, now)) {
            throw editedMeanwhile(id, expectedVersion, before.version());
        }
        store.insertHistory(id, "DELETED", toJson(snapshot(before)), author, now);
        events.publishEvent(new DeploymentChanged(id));
    }

    @Transactional
    public Deployment addSource(long id, SourceDraft source, String author) {
        liveRow(id);
        Timestamp now = now();
        store.insertSource(id, source, author, now);
        store.touch(id, now);
        store.insertHistory(id, "SOURCE_ADDED", toJson(sourceSnapshot(source)), author, now);
        return deployment(id);
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long id) {
        store.row(id).orElseThrow(() -> DeploymentNotFoundException.forId(id));
        return store.history(id).stream()
                .map(h -> new HistoryEntry(h.changedAt().toInstant(), h.changedBy(), h.action(),
                        json.readValue(h.changes(), new TypeReference<Map<String, Object>>() { })))
                .toList();
    }

    /**
     * Loads the deployments shipped with Lanterne ({@code registry-seed.yaml}) that were never loaded.
     *
     * @return the number of entries in the seed
     */
    @Transactional
    public int loadBundledSeed() {
        RegistrySeed seed = RegistrySeed.bundled();
        seed.vendors().forEach(v -> registerVendor(v.name(), v.technologies(), v.products()));
        for (RegistrySeed.Entry entry : seed.deployments()) {
            insert(entry.draft(insee -> authorities.commune(insee).region()), entry.seedKey(), RegistrySeed.AUTHOR);
        }
        return seed.deployments().size();
    }

    @Transactional(readOnly = true)
    public List<Vendor> vendors() {
        return store.vendors();
    }

    /**
     * Ensures a vendor exists with the given technologies and products, for the seed and for document detection.
     */
    @Transactional
    public void registerVendor(String name, List<Technology> technologies, List<String> products) {
        Timestamp now = now();
        long vendorId = store.ensureVendor(name, now);
        technologies.forEach(t -> store.addVendorTechnology(vendorId, t));
        products.forEach(p -> store.ensureProduct(vendorId, p));
    }

    /**
     * Inserts a deployment; with a {@code seedKey}, only if no deployment ever had that key (a seeded entry a
     * volunteer deleted stays deleted).
     *
     * @return the new deployment's id, or the existing one's for a seed key already used
     */
    long insert(DeploymentDraft draft, String seedKey, String author) {
        if (seedKey != null) {
            Optional<Long> existing = store.idBySeedKey(seedKey);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Timestamp now = now();
        AuthorityRef operator = operator(draft);
        String communeInsee = draft.insee() == null || draft.insee().isBlank()
                ? operator.communeInsee()
                : authorities.commune(draft.insee()).insee();
        Long vendorId = draft.vendor() == null || draft.vendor().isBlank() ? null
                : store.ensureVendor(draft.vendor().strip(), now);
        Long productId = draft.product() == null || draft.product().isBlank() ? null
                : store.ensureProduct(vendorId, draft.product().strip());
        if (vendorId != null) {
            store.addVendorTechnology(vendorId, draft.technology());
        }
        long id = store.insert(operator.id(), communeInsee, draft.technology(), vendorId, productId, draft.status(),
                draft.since(), emptyToNull(draft.place()), draft.cameraCount(), emptyToNull(draft.summary()), seedKey,
                now);
        for (SourceDraft source : draft.sources()) {
            store.insertSource(id, source, author, now);
        }
        Map<String, Object> created = snapshot(store.row(id).orElseThrow());
        created.put("sources", draft.sources().stream().map(Registry::sourceSnapshot).toList());
        store.insertHistory(id, "CREATED", toJson(created), author, now);
        return id;
    }

    private AuthorityRef operator(DeploymentDraft draft) {
        String code;
        if (draft.authorityCode() != null && !draft.authorityCode().isBlank()) {
            code = draft.authorityCode().strip();
        } else {
            Commune commune = authorities.commune(draft.insee());
            code = AuthorityCodes.townHall(commune.insee());
        }
        long id = authorities.authorityByCode(code).id();
        return authorities.authorityRefs(List.of(id)).get(id);
    }

    private RegistryStore.Row liveRow(long id) {
        return store.row(id).filter(r -> !r.deleted()).orElseThrow(() -> DeploymentNotFoundException.forId(id));
    }

    private List<Deployment> toDeployments(List<RegistryStore.Row> rows) {
        List<Long> ids = rows.stream().map(RegistryStore.Row::id).toList();
        Map<Long, List<Source>> sources = store.sources(ids);
        Map<Long, AuthorityRef> operators = authorities.authorityRefs(
                rows.stream().map(RegistryStore.Row::authorityId).distinct().toList());
        Map<String, String> communes = authorities.communeNames(
                rows.stream().map(RegistryStore.Row::communeInsee).filter(Objects::nonNull).distinct().toList());
        List<Deployment> deployments = new ArrayList<>(rows.size());
        for (RegistryStore.Row r : rows) {
            AuthorityRef operator = operators.get(r.authorityId());
            deployments.add(new Deployment(r.id(), operator.code(), operator.name(), r.communeInsee(),
                    communes.get(r.communeInsee()), r.technology(), r.vendor(), r.product(), r.status(), r.since(),
                    r.place(), r.cameraCount(), r.summary(), List.copyOf(sources.getOrDefault(r.id(), List.of())),
                    r.version(), r.createdAt().toInstant(), r.updatedAt().toInstant()));
        }
        return deployments;
    }

    private static Map<String, Object> snapshot(RegistryStore.Row row) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("technology", row.technology().name());
        values.put("vendor", row.vendor());
        values.put("product", row.product());
        values.put("status", row.status().name());
        values.put("since", row.since());
        values.put("place", row.place());
        values.put("cameraCount", row.cameraCount());
        values.put("summary", row.summary());
        values.put("communeInsee", row.communeInsee());
        return values;
    }

    private static Map<String, Object> diff(RegistryStore.Row before, RegistryStore.Row after) {
        Map<String, Object> old = snapshot(before);
        Map<String, Object> now = snapshot(after);
        Map<String, Object> diff = new LinkedHashMap<>();
        for (String field : old.keySet()) {
            if (!Objects.equals(old.get(field), now.get(field))) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", old.get(field));
                change.put("to", now.get(field));
                diff.put(field, change);
            }
        }
        return diff;
    }

    private static Map<String, Object> sourceSnapshot(SourceDraft source) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("url", source.url());
        values.put("title", source.title());
        values.put("quote", source.quote());
        values.put("documentSha256", source.documentSha256());
        values.put("seenOn", source.seenOn() == null ? null : source.seenOn().toString());
        return values;
    }

    private static ConflictException editedMeanwhile(long id, int expected, int actual) {
        return new ConflictException("Le déploiement " + id + " a été modifié entre-temps (version " + actual
                + ", vous modifiiez la version " + expected + "). Rechargez-le et refaites votre modification.",
                Map.of("id", id, "currentVersion", actual));
    }

    private String toJson(Map<String, Object> values) {
        return json.writeValueAsString(values);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
