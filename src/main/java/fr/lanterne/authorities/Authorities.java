package fr.lanterne.authorities;

import fr.lanterne.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The authorities module's API: communes of the official list, the bodies requests are sent to, their addresses.
 */
@Service
public class Authorities {

    private static final int MAX_RESULTS = 50;

    private final CommuneStore communeStore;
    private final AuthorityStore store;
    private final ContactStore contactStore;
    private final CommuneImporter communeImporter;
    private final EpciImporter epciImporter;
    private final ContactImporter contactImporter;
    private final Clock clock;

    Authorities(CommuneStore communeStore, AuthorityStore store, ContactStore contactStore,
                CommuneImporter communeImporter, EpciImporter epciImporter, ContactImporter contactImporter,
                Clock clock) {
        this.communeStore = communeStore;
        this.store = store;
        this.contactStore = contactStore;
        this.communeImporter = communeImporter;
        this.epciImporter = epciImporter;
        this.contactImporter = contactImporter;
        this.clock = clock;
    }

    /** The commune with this INSEE code (of kind {@link CommuneKind#COMMUNE}), current or not. */
    public Optional<Commune> findCommune(String insee) {
        return InseeCode.isValid(insee) ? communeStore.commune(InseeCode.of(insee).value()) : Optional.empty();
    }

    public Commune commune(String insee) {
        return findCommune(insee).orElseThrow(() -> CommuneNotFoundException.forInsee(insee));
    }

    /** The current commune that took over a code that disappeared in a merger. */
    public Optional<String> successorOf(String formerInsee) {
        return InseeCode.isValid(formerInsee)
                ? communeStore.successorOf(InseeCode.of(formerInsee).value())
                : Optional.empty();
    }

    /**
     * Communes by name (accents, case and punctuation ignored, "st" read as "saint"), INSEE code or postal code;
     * best match first.
     */
    public List<Commune> search(String query, int limit) {
        int max = Math.max(1, Math.min(limit, MAX_RESULTS));
        String trimmed = query == null ? "" : query.strip();
        if (trimmed.matches("\\d{5}") || trimmed.toUpperCase(Locale.ROOT).matches("2[AB]\\d{3}")) {
            return communeStore.searchByCode(trimmed.toUpperCase(Locale.ROOT), max);
        }
        String folded = SearchText.fold(trimmed);
        return folded.isEmpty() ? List.of() : communeStore.searchByName(folded, max);
    }

    /** One search result: a commune or an intercommunalité (exactly one of the two). */
    public record SearchHit(Commune commune, Epci epci) {
    }

    /**
     * Communes and intercommunalités together: a query of nine digits is an EPCI's SIREN; by name, both lists are
     * merged by how well the name matches (exact, starts with the query, has a word starting with it, contains it),
     * a commune before an EPCI that matches as well.
     */
    public List<SearchHit> searchWithEpci(String query, int limit) {
        int max = Math.max(1, Math.min(limit, MAX_RESULTS));
        String trimmed = query == null ? "" : query.strip();
        if (trimmed.matches("\\d{9}")) {
            return findEpci(trimmed).filter(Epci::current).map(e -> List.of(new SearchHit(null, e))).orElse(List.of());
        }
        List<Commune> communes = search(trimmed, max);
        if (trimmed.matches("\\d{5}") || trimmed.toUpperCase(Locale.ROOT).matches("2[AB]\\d{3}")) {
            return communes.stream().map(c -> new SearchHit(c, null)).toList();
        }
        String folded = SearchText.fold(trimmed);
        List<Epci> epcis = searchEpci(trimmed, max);
        List<SearchHit> merged = new java.util.ArrayList<>(communes.size() + epcis.size());
        int i = 0;
        int j = 0;
        while (merged.size() < max && (i < communes.size() || j < epcis.size())) {
            boolean takeCommune = j >= epcis.size() || (i < communes.size()
                    && rank(communes.get(i).name(), folded) <= rank(epcis.get(j).name(), folded));
            merged.add(takeCommune ? new SearchHit(communes.get(i++), null) : new SearchHit(null, epcis.get(j++)));
        }
        return merged;
    }

    private static int rank(String name, String foldedQuery) {
        String folded = SearchText.fold(name);
        if (folded.equals(foldedQuery)) {
            return 0;
        }
        if (folded.startsWith(foldedQuery)) {
            return 1;
        }
        return folded.contains(" " + foldedQuery) ? 2 : 3;
    }

    /** Whether the authority must have a PRADA and publish online what it communicates (town halls and EPCI). */
    public AuthorityDuties duties(Authority authority) {
        if (authority.kind() == AuthorityKind.TOWN_HALL && authority.communeInsee() != null) {
            return communeStore.commune(authority.communeInsee())
                    .map(c -> new AuthorityDuties(c.prada(), c.publicationDuty()))
                    .orElse(AuthorityDuties.UNDETERMINED);
        }
        if (authority.kind() == AuthorityKind.EPCI && authority.code().startsWith("epci-")) {
            return communeStore.epci(authority.code().substring("epci-".length()))
                    .map(e -> new AuthorityDuties(e.prada(), e.publicationDuty()))
                    .orElse(AuthorityDuties.UNDETERMINED);
        }
        return AuthorityDuties.UNDETERMINED;
    }

    /** The intercommunalité with this SIREN, with its members, current or not. */
    public Optional<Epci> findEpci(String siren) {
        return siren != null && siren.strip().matches("\\d{9}") ? communeStore.epci(siren.strip()) : Optional.empty();
    }

    public Epci epci(String siren) {
        return findEpci(siren).orElseThrow(() -> AuthorityNotFoundException.forCode(AuthorityCodes.epci(siren)));
    }

    /** Current intercommunalités by name, folded as commune names are ("metropole nice"); without their members. */
    public List<Epci> searchEpci(String query, int limit) {
        String folded = SearchText.fold(query);
        return folded.isEmpty()
                ? List.of()
                : communeStore.searchEpci(folded, Math.max(1, Math.min(limit, MAX_RESULTS)));
    }

    /** The intercommunalité a commune belongs to, if the list has one. */
    public Optional<Epci.Ref> epciOf(String insee) {
        return InseeCode.isValid(insee) ? communeStore.epciOf(InseeCode.of(insee).value()) : Optional.empty();
    }

    /** SIRENs of the current intercommunalités with a member commune in the département, for campaigns. */
    public List<String> epciSirensOfDepartement(String departement) {
        if (communeStore.departementName(departement).isEmpty()) {
            throw new InvalidInputException("Le département « " + departement + " » n’existe pas (exemples : 06, 2A, 974).",
                    Map.of("epciDepartement", departement));
        }
        return communeStore.epciSirensOfDepartement(departement);
    }

    /** INSEE codes of the current communes of a département and/or above a population, for campaigns. */
    public List<String> communeCodes(String departement, Integer minPopulation) {
        if (departement != null && communeStore.departementName(departement).isEmpty()) {
            throw new InvalidInputException("Le département « " + departement + " » n'existe pas (exemples : 06, 2A, 974).",
                    Map.of("departement", departement));
        }
        return communeStore.communeCodes(departement, minPopulation);
    }

    /** Every département of the commune list loaded, in the official order, for a list to choose from. */
    public List<DepartementName> departements() {
        return communeStore.departements();
    }

    /** The names of the régions by code ("93" → "Provence-Alpes-Côte d'Azur"). */
    public Map<String, String> regionNames() {
        return communeStore.regionNames();
    }

    /** The edition of the commune list in the database, as its package version ("6.0.0"). */
    public Optional<String> loadedEdition() {
        return communeImporter.loadedEdition();
    }

    public int countCurrentCommunes() {
        return communeStore.countCurrentCommunes();
    }

    public Authority townHall(String insee) {
        Commune commune = commune(insee);
        return authorityByCode(AuthorityCodes.townHall(commune.insee()));
    }

    public Optional<Authority> findAuthority(String code) {
        return store.authorityByCode(code);
    }

    public Authority authorityByCode(String code) {
        return store.authorityByCode(code).orElseThrow(() -> AuthorityNotFoundException.forCode(code));
    }

    public Authority authority(long id) {
        return store.authorityById(id).orElseThrow(() -> AuthorityNotFoundException.forCode("#" + id));
    }

    /**
     * The authority an email comes from: the one with that address, or else the only one with an address at the
     * same domain (a reply from secretariat@ville-x.fr to a request sent to mairie@ville-x.fr). Webmail domains shared
     * by many are ambiguous and give nothing.
     */
    public Optional<Authority> findByEmail(String email) {
        if (email == null || !email.contains("@")) {
            return Optional.empty();
        }
        List<String> exact = store.authorityCodesByEmail(email, false);
        if (exact.size() == 1) {
            return store.authorityByCode(exact.get(0));
        }
        List<String> sameDomain = exact.isEmpty() ? store.authorityCodesByEmail(email, true) : List.of();
        return sameDomain.size() == 1 ? store.authorityByCode(sameDomain.get(0)) : Optional.empty();
    }

    /** Many authorities with their addresses at once, by code; unknown codes are absent from the map. */
    public Map<String, Authority> authoritiesByCode(java.util.Collection<String> codes) {
        return codes.isEmpty() ? Map.of() : store.authoritiesByCode(codes);
    }

    /** Many authorities with their addresses at once, by id. */
    public Map<Long, Authority> authoritiesById(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : store.authoritiesById(ids);
    }

    /** Names and codes of many authorities at once, for lists (no addresses). */
    public Map<Long, AuthorityRef> authorityRefs(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : store.authorityRefs(ids);
    }

    /** Names of many communes at once, by INSEE code. */
    public Map<String, String> communeNames(java.util.Collection<String> insees) {
        return insees.isEmpty() ? Map.of() : communeStore.communeNames(insees);
    }

    /** The préfecture and the regional council above a commune, to which some requests go instead. */
    public List<Authority> bodiesAbove(Commune commune) {
        return store.bodiesAbove(commune.departement(), commune.region());
    }

    /** Records an address typed by a person; it takes precedence over every imported one. */
    @Transactional
    public Authority setContact(String authorityCode, ContactDetails details, String recordedBy) {
        Authority authority = authorityByCode(authorityCode);
        contactStore.recordContacts(List.of(new ContactStore.NewContact(authority.id(), ContactSource.MANUAL,
                recordedBy, clock.instant().atZone(clock.getZone()).toLocalDate(), details)), recordedBy, now());
        return authorityByCode(authorityCode);
    }

    /** Every address ever recorded for an authority, newest first. */
    public List<Provenanced> contactHistory(String authorityCode) {
        Authority authority = authorityByCode(authorityCode);
        return contactStore.contactHistory(authority.id()).stream()
                .map(r -> new Provenanced(r.details(), r.provenance()))
                .toList();
    }

    /** One recorded contact and where it came from. */
    public record Provenanced(ContactDetails details, Provenance provenance) {
    }

    public ContactImportReport importContacts(Path file, String importedBy) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("Le fichier « " + file + " » n'existe pas.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return contactImporter.importFile(file.getFileName().toString(), in, importedBy);
        } catch (IOException e) {
            throw new InvalidInputException("Impossible de lire " + file + " : " + e.getMessage());
        }
    }

    public ContactImportReport importContacts(String fileName, InputStream content, String importedBy) {
        return contactImporter.importFile(fileName, content, importedBy);
    }

    /** The same import, telling {@code progress} how far it has gone (for a page that shows it). */
    public ContactImportReport importContacts(String fileName, InputStream content, String importedBy,
                                              ContactImportProgress progress) {
        return contactImporter.importFile(fileName, content, importedBy, progress);
    }

    /** Loads the commune list and the other bodies shipped with Lanterne, unless already loaded. */
    @Transactional
    public EditionLoad loadBundledReferenceData() {
        CommuneImporter.Result result = communeImporter.importEdition(CommuneDataset.bundled(), false);
        epciImporter.importList(EpciDataset.bundled(), result.edition(), !result.alreadyLoaded());
        loadOtherBodies();
        return EditionLoad.of(result);
    }

    /** Loads another edition of the commune list: the {@code .tgz} of {@code npm pack}, or its unpacked folder. */
    public EditionLoad loadCommuneEdition(Path source, boolean force) {
        CommuneImporter.Result result = communeImporter.importEdition(CommuneDataset.read(source), force);
        // A new commune list rewrites the EPCI too, so that their départements follow the communes.
        EpciDataset.read(source).ifPresent(list -> epciImporter.importList(list, result.edition(),
                force || !result.alreadyLoaded()));
        return EditionLoad.of(result);
    }

    /** What loading an edition of the commune list did. */
    public record EditionLoad(String edition, boolean alreadyLoaded, int entries, int added, int renamed, int removed,
                              long millis) {
        static EditionLoad of(CommuneImporter.Result r) {
            return new EditionLoad(r.edition(), r.alreadyLoaded(), r.entries(), r.added(), r.renamed(), r.removed(),
                    r.took().toMillis());
        }
    }

    @SuppressWarnings("unchecked")
    private void loadOtherBodies() {
        Map<String, Object> document;
        try (InputStream in = Authorities.class.getResourceAsStream("/authorities/other-bodies.yaml")) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled other-bodies.yaml", e);
        }
        Timestamp now = now();
        for (Map<String, Object> body : (List<Map<String, Object>>) document.get("bodies")) {
            String communeInsee = (String) body.get("commune");
            Optional<Commune> commune = Optional.ofNullable(communeInsee).flatMap(communeStore::commune);
            long id = store.upsertAuthority((String) body.get("code"), AuthorityKind.valueOf((String) body.get("kind")),
                    (String) body.get("name"), communeInsee, commune.map(Commune::departement).orElse(null),
                    commune.map(Commune::region).orElse(null), now);
            ContactDetails details = new ContactDetails((String) body.get("email"), (String) body.get("postal_address"),
                    null, null);
            contactStore.recordContacts(List.of(new ContactStore.NewContact(id, ContactSource.REFERENCE,
                    (String) body.get("source"), null, details)), "lanterne", now);
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
