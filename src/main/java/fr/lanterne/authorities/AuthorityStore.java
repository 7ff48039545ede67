package fr.lanterne.authorities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the authorities module. */
@Repository
class AuthorityStore {

    private static final String COMMUNE_COLUMNS = """
            SELECT c.insee, c.kind, c.name, c.departement, d.name AS departement_name, c.region,
                   r.name AS region_name, c.population, c.postal_codes, c.siren, c.current, c.parent_insee,
                   p.name AS parent_name, c.last_edition
            FROM commune c
            LEFT JOIN departement d ON d.code = c.departement
            LEFT JOIN region r ON r.code = c.region
            LEFT JOIN commune p ON p.insee = c.parent_insee AND p.kind = 'COMMUNE'
            """;

    private static final String AUTHORITY_COLUMNS = """
            SELECT id, code, kind, name, commune_insee, departement, region, active FROM authority
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuthorityStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<Commune> commune(String insee) {
        return jdbc.sql(COMMUNE_COLUMNS + " WHERE c.insee = ? AND c.kind = 'COMMUNE'")
                .param(insee)
                .query(this::mapCommune)
                .optional()
                .map(c -> withFormerCodes(c, formerCodesOf(insee)));
    }

    List<String> formerCodesOf(String insee) {
        return jdbc.sql("SELECT former_insee FROM commune_former_code WHERE insee = ? ORDER BY former_insee")
                .param(insee)
                .query(String.class)
                .list();
    }

    /** The current commune that took over a code that disappeared (merger), if any. */
    Optional<String> successorOf(String formerInsee) {
        return jdbc.sql("""
                        SELECT f.insee FROM commune_former_code f
                        JOIN commune c ON c.insee = f.insee AND c.kind = 'COMMUNE' AND c.current
                        WHERE f.former_insee = ? AND f.insee <> f.former_insee
                        ORDER BY f.edition DESC LIMIT 1""")
                .param(formerInsee)
                .query(String.class)
                .optional();
    }

    /**
     * Current entries whose folded name contains every word of the folded query; exact names first, then names
     * starting with the query, then names with a word starting with it; communes before their parts; larger first.
     */
    List<Commune> searchByName(String folded, int limit) {
        List<String> words = Arrays.stream(folded.split(" ")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(COMMUNE_COLUMNS).append(" WHERE c.current");
        List<Object> params = new ArrayList<>();
        for (String word : words) {
            sql.append(" AND c.search_name LIKE ?");
            params.add("%" + word + "%");
        }
        sql.append("""
                 ORDER BY CASE WHEN c.search_name = ? THEN 0 WHEN c.search_name LIKE ? THEN 1
                               WHEN c.search_name LIKE ? THEN 2 ELSE 3 END,
                          CASE WHEN c.kind = 'COMMUNE' THEN 0 ELSE 1 END,
                          c.population DESC, c.name
                 LIMIT ?""");
        params.addAll(List.of(folded, folded + "%", "% " + folded + "%", limit));
        return jdbc.sql(sql.toString()).params(params).query(this::mapCommune).list();
    }

    /** A five-character code: the commune with that INSEE code, or the communes served by that postal code. */
    List<Commune> searchByCode(String code, int limit) {
        return jdbc.sql(COMMUNE_COLUMNS + """
                         WHERE c.current AND (c.insee = ? OR EXISTS (
                             SELECT 1 FROM commune_postal_code pc
                             WHERE pc.postal_code = ? AND pc.insee = c.insee AND pc.kind = c.kind))
                         ORDER BY CASE WHEN c.insee = ? THEN 0 ELSE 1 END,
                                  CASE WHEN c.kind = 'COMMUNE' THEN 0 ELSE 1 END, c.population DESC, c.name
                         LIMIT ?""")
                .params(code, code, code, limit)
                .query(this::mapCommune)
                .list();
    }

    List<String> communeCodes(String departement, Integer minPopulation) {
        StringBuilder sql = new StringBuilder("SELECT insee FROM commune WHERE kind = 'COMMUNE' AND current");
        List<Object> params = new ArrayList<>();
        if (departement != null) {
            sql.append(" AND departement = ?");
            params.add(departement);
        }
        if (minPopulation != null && minPopulation > 0) {
            sql.append(" AND population >= ?");
            params.add(minPopulation);
        }
        return jdbc.sql(sql.append(" ORDER BY insee").toString()).params(params).query(String.class).list();
    }

    int countCurrentCommunes() {
        return jdbc.sql("SELECT COUNT(*) FROM commune WHERE kind = 'COMMUNE' AND current").query(Integer.class).single();
    }

    /** In the official order: 01 to 19, 2A, 2B, 21 to 95, then overseas. */
    List<DepartementName> departements() {
        return jdbc.sql("""
                        SELECT code, name FROM departement
                        ORDER BY CASE code WHEN '2A' THEN '20A' WHEN '2B' THEN '20B' ELSE code END""")
                .query((rs, n) -> new DepartementName(rs.getString("code"), rs.getString("name")))
                .list();
    }

    Map<String, String> regionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name FROM region ORDER BY code")
                .query((rs, n) -> names.put(rs.getString("code"), rs.getString("name"))).list();
        return names;
    }

    Optional<String> departementName(String code) {
        return jdbc.sql("SELECT name FROM departement WHERE code = ?").param(code).query(String.class).optional();
    }

    private Commune mapCommune(ResultSet rs, int row) throws SQLException {
        String postalCodes = rs.getString("postal_codes");
        return new Commune(rs.getString("insee"), CommuneKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("departement"), rs.getString("departement_name"), rs.getString("region"),
                rs.getString("region_name"), (Integer) rs.getObject("population", Integer.class),
                postalCodes == null || postalCodes.isBlank() ? List.of() : List.of(postalCodes.split(" ")),
                rs.getString("siren"), rs.getBoolean("current"), rs.getString("parent_insee"),
                rs.getString("parent_name"), List.of(), rs.getString("last_edition"));
    }

    private static Commune withFormerCodes(Commune c, List<String> formerCodes) {
        return new Commune(c.insee(), c.kind(), c.name(), c.departement(), c.departementName(), c.region(),
                c.regionName(), c.population(), c.postalCodes(), c.siren(), c.current(), c.parentInsee(),
                c.parentName(), formerCodes, c.edition());
    }

    // --- intercommunalités -------------------------------------------------------------------------------------

    private static final String EPCI_COLUMNS = """
            SELECT e.siren, e.name, e.type, e.population_total, e.population_municipal, e.departement,
                   d.name AS departement_name, e.region, e.current
            FROM epci e LEFT JOIN departement d ON d.code = e.departement
            """;

    Optional<Epci> epci(String siren) {
        return jdbc.sql(EPCI_COLUMNS + " WHERE e.siren = ?").param(siren).query(this::mapEpci).optional()
                .map(e -> new Epci(e.siren(), e.name(), e.type(), e.populationTotal(), e.populationMunicipal(),
                        e.departement(), e.departementName(), e.region(), e.current(), epciMembers(siren)));
    }

    private List<Epci.Member> epciMembers(String siren) {
        return jdbc.sql("""
                        SELECT insee, name, population_total, population_municipal FROM epci_member
                        WHERE epci_siren = ? ORDER BY population_total DESC, name""")
                .param(siren)
                .query((rs, n) -> new Epci.Member(rs.getString(1), rs.getString(2),
                        rs.getObject(3, Integer.class), rs.getObject(4, Integer.class)))
                .list();
    }

    /** Current EPCI whose folded name holds every word of the query, best match first; without their members. */
    List<Epci> searchEpci(String folded, int limit) {
        List<String> words = Arrays.stream(folded.split(" ")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(EPCI_COLUMNS).append(" WHERE e.current");
        List<Object> params = new ArrayList<>();
        for (String word : words) {
            sql.append(" AND e.search_name LIKE ?");
            params.add("%" + word + "%");
        }
        sql.append("""
                 ORDER BY CASE WHEN e.search_name = ? THEN 0 WHEN e.search_name LIKE ? THEN 1
                               WHEN e.search_name LIKE ? THEN 2 ELSE 3 END,
                          e.population_total DESC, e.name
                 LIMIT ?""");
        params.addAll(List.of(folded, folded + "%", "% " + folded + "%", limit));
        return jdbc.sql(sql.toString()).params(params).query(this::mapEpci).list();
    }

    /** The current EPCI a commune belongs to (one at most in the DGCL list; the first by SIREN otherwise). */
    Optional<Epci.Ref> epciOf(String insee) {
        return jdbc.sql("""
                        SELECT e.siren, e.name, e.type FROM epci_member m JOIN epci e ON e.siren = m.epci_siren
                        WHERE m.insee = ? AND e.current ORDER BY e.siren LIMIT 1""")
                .param(insee)
                .query((rs, n) -> new Epci.Ref(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** SIRENs of the current EPCI with at least one member commune in the département. */
    List<String> epciSirensOfDepartement(String departement) {
        return jdbc.sql("""
                        SELECT DISTINCT e.siren FROM epci e JOIN epci_member m ON m.epci_siren = e.siren
                        JOIN commune c ON c.insee = m.insee AND c.kind = 'COMMUNE'
                        WHERE e.current AND c.departement = ? ORDER BY e.siren""")
                .param(departement)
                .query(String.class)
                .list();
    }

    private Epci mapEpci(ResultSet rs, int row) throws SQLException {
        return new Epci(rs.getString("siren"), rs.getString("name"), rs.getString("type"),
                rs.getObject("population_total", Integer.class), rs.getObject("population_municipal", Integer.class),
                rs.getString("departement"), rs.getString("departement_name"), rs.getString("region"),
                rs.getBoolean("current"), List.of());
    }

    // --- authorities -------------------------------------------------------------------------------------------

    Optional<Authority> authorityByCode(String code) {
        return jdbc.sql(AUTHORITY_COLUMNS + " WHERE code = ?").param(code).query(this::authorityRow).optional()
                .map(this::withContact);
    }

    Optional<Authority> authorityById(long id) {
        return jdbc.sql(AUTHORITY_COLUMNS + " WHERE id = ?").param(id).query(this::authorityRow).optional()
                .map(this::withContact);
    }

    /** Many authorities with their addresses, in a few queries (campaigns address thousands). */
    Map<String, Authority> authoritiesByCode(Collection<String> codes) {
        Map<String, Authority> found = new HashMap<>();
        authorities("code", codes).forEach(a -> found.put(a.code(), a));
        return found;
    }

    Map<Long, Authority> authoritiesById(Collection<Long> ids) {
        Map<Long, Authority> found = new HashMap<>();
        authorities("id", ids).forEach(a -> found.put(a.id(), a));
        return found;
    }

    private List<Authority> authorities(String column, Collection<?> keys) {
        List<Authority> found = new ArrayList<>();
        for (List<?> chunk : chunks(List.copyOf(keys))) {
            List<AuthorityRow> rows = jdbc.sql(AUTHORITY_COLUMNS + " WHERE " + column + " IN (" + placeholders(chunk) + ")")
                    .params(chunk)
                    .query(this::authorityRow)
                    .list();
            Map<Long, List<ContactRecord>> contacts = currentContacts(rows.stream().map(AuthorityRow::id).toList());
            for (AuthorityRow row : rows) {
                found.add(new Authority(row.id(), row.code(), row.kind(), row.name(), row.communeInsee(),
                        row.departement(), row.region(), row.active(),
                        effectiveContact(contacts.getOrDefault(row.id(), List.of()))));
            }
        }
        return found;
    }

    /** Authorities whose current address is this email, or (when none) whose email is at this domain. */
    List<String> authorityCodesByEmail(String email, boolean domainOnly) {
        String value = email.strip().toLowerCase(java.util.Locale.ROOT);
        String condition = domainOnly ? "LOWER(c.email) LIKE ?" : "LOWER(c.email) = ?";
        String parameter = domainOnly ? "%@" + value.substring(value.indexOf('@') + 1) : value;
        return jdbc.sql("""
                        SELECT DISTINCT a.code FROM authority_contact c JOIN authority a ON a.id = c.authority_id
                        WHERE c.superseded_at IS NULL AND\s""" + condition + " ORDER BY a.code LIMIT 3")
                .param(parameter)
                .query(String.class)
                .list();
    }

    /** The préfecture of the département and the council of the région of a commune. */
    List<Authority> bodiesAbove(String departement, String region) {
        return jdbc.sql(AUTHORITY_COLUMNS + " WHERE code IN (?, ?) ORDER BY kind")
                .params(AuthorityCodes.prefecture(departement), AuthorityCodes.region(region))
                .query(this::authorityRow)
                .list()
                .stream()
                .map(this::withContact)
                .toList();
    }

    List<Authority> authoritiesOfKinds(Collection<AuthorityKind> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(AUTHORITY_COLUMNS + " WHERE kind IN (" + placeholders(List.copyOf(kinds)) + ") ORDER BY name")
                .params(kinds.stream().map(Enum::name).toList())
                .query(this::authorityRow)
                .list()
                .stream()
                .map(this::withContact)
                .toList();
    }

    Map<Long, AuthorityRef> authorityRefs(Collection<Long> ids) {
        Map<Long, AuthorityRef> refs = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(ids))) {
            jdbc.sql("SELECT id, code, kind, name, commune_insee FROM authority WHERE id IN (" + placeholders(chunk) + ")")
                    .params(chunk)
                    .query((rs, n) -> new AuthorityRef(rs.getLong(1), rs.getString(2),
                            AuthorityKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)))
                    .list()
                    .forEach(ref -> refs.put(ref.id(), ref));
        }
        return refs;
    }

    Map<String, String> communeNames(Collection<String> insees) {
        Map<String, String> names = new HashMap<>();
        for (List<String> chunk : chunks(List.copyOf(insees))) {
            jdbc.sql("SELECT insee, name FROM commune WHERE kind = 'COMMUNE' AND insee IN (" + placeholders(chunk) + ")")
                    .params(chunk)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .list()
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
        }
        return names;
    }

    /** IN lists and batches stay at a size the server and the driver handle well. */
    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 1_000) {
            chunks.add(all.subList(from, Math.min(all.size(), from + 1_000)));
        }
        return chunks;
    }

    private static String placeholders(List<?> values) {
        return String.join(", ", values.stream().map(v -> "?").toList());
    }

    Map<String, Long> authorityIdsByCode(Collection<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(List.copyOf(codes))) {
            jdbc.sql("SELECT code, id FROM authority WHERE code IN (" + placeholders(chunk) + ")")
                    .params(chunk)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .list()
                    .forEach(e -> ids.put(e.getKey(), e.getValue()));
        }
        return ids;
    }

    /** Inserts or renames bodies that are not derived from the commune list (RATP, CADA...). */
    long upsertAuthority(String code, AuthorityKind kind, String name, String communeInsee, String departement,
                         String region, Timestamp now) {
        jdbc.sql("""
                        INSERT INTO authority (code, kind, name, commune_insee, departement, region, active, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)
                        ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name),
                            commune_insee = VALUES(commune_insee), departement = VALUES(departement),
                            region = VALUES(region)""")
                .params(code, kind.name(), name, communeInsee, departement, region, now)
                .update();
        return jdbc.sql("SELECT id FROM authority WHERE code = ?").param(code).query(Long.class).single();
    }

    private record AuthorityRow(long id, String code, AuthorityKind kind, String name, String communeInsee,
                                String departement, String region, boolean active) {
    }

    private AuthorityRow authorityRow(ResultSet rs, int row) throws SQLException {
        return new AuthorityRow(rs.getLong("id"), rs.getString("code"), AuthorityKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("commune_insee"), rs.getString("departement"),
                rs.getString("region"), rs.getBoolean("active"));
    }

    private Authority withContact(AuthorityRow row) {
        return new Authority(row.id(), row.code(), row.kind(), row.name(), row.communeInsee(), row.departement(),
                row.region(), row.active(), effectiveContact(currentContacts(List.of(row.id())).getOrDefault(row.id(),
                List.of())));
    }

    // --- contacts ----------------------------------------------------------------------------------------------

    /** A recorded contact, one per source and authority that is not superseded. */
    record ContactRecord(long id, long authorityId, ContactSource source, String reference, LocalDate sourceDate,
                         ContactDetails details, Provenance provenance) {

        boolean sameAs(ContactDetails other) {
            return details.equals(other);
        }
    }

    Map<Long, List<ContactRecord>> currentContacts(Collection<Long> authorityIds) {
        Map<Long, List<ContactRecord>> contacts = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(authorityIds))) {
            jdbc.sql("""
                            SELECT id, authority_id, source, source_reference, source_date, email, postal_address,
                                   phone, website, recorded_at, recorded_by
                            FROM authority_contact WHERE superseded_at IS NULL AND authority_id IN (""" + placeholders(chunk) + ")")
                    .params(chunk)
                    .query(AuthorityStore::contactRecord)
                    .list()
                    .forEach(c -> contacts.computeIfAbsent(c.authorityId(), k -> new ArrayList<>()).add(c));
        }
        return contacts;
    }

    Map<Long, ContactRecord> currentContactsOfSource(ContactSource source) {
        Map<Long, ContactRecord> contacts = new HashMap<>();
        jdbc.sql("""
                        SELECT id, authority_id, source, source_reference, source_date, email, postal_address, phone,
                               website, recorded_at, recorded_by
                        FROM authority_contact WHERE superseded_at IS NULL AND source = ?""")
                .param(source.name())
                .query(AuthorityStore::contactRecord)
                .list()
                .forEach(c -> contacts.put(c.authorityId(), c));
        return contacts;
    }

    private static ContactRecord contactRecord(ResultSet rs, int row) throws SQLException {
        ContactSource source = ContactSource.valueOf(rs.getString("source"));
        LocalDate sourceDate = rs.getObject("source_date", LocalDate.class);
        // Rows are written through ContactDetails, so they hold at least an email or an address.
        ContactDetails details = new ContactDetails(rs.getString("email"), rs.getString("postal_address"),
                rs.getString("phone"), rs.getString("website"));
        Provenance provenance = new Provenance(source, rs.getString("source_reference"), sourceDate,
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
        return new ContactRecord(rs.getLong("id"), rs.getLong("authority_id"), source, rs.getString("source_reference"),
                sourceDate, details, provenance);
    }

    /** Each field from the highest-priority source that has it. */
    static Contact effectiveContact(List<ContactRecord> records) {
        List<ContactRecord> byPriority = records.stream()
                .sorted(Comparator.comparingInt((ContactRecord r) -> r.source().priority()).reversed())
                .toList();
        Optional<ContactRecord> email = first(byPriority, r -> r.details().email());
        Optional<ContactRecord> address = first(byPriority, r -> r.details().postalAddress());
        return new Contact(
                email.map(r -> r.details().email()).orElse(null), email.map(ContactRecord::provenance).orElse(null),
                address.map(r -> r.details().postalAddress()).orElse(null),
                address.map(ContactRecord::provenance).orElse(null),
                first(byPriority, r -> r.details().phone()).map(r -> r.details().phone()).orElse(null),
                first(byPriority, r -> r.details().website()).map(r -> r.details().website()).orElse(null));
    }

    private static Optional<ContactRecord> first(List<ContactRecord> records, Function<ContactRecord, String> field) {
        return records.stream().filter(r -> field.apply(r) != null).findFirst();
    }

    /** A contact to record for one authority; identical to the current one of its source, it changes nothing. */
    record NewContact(long authorityId, ContactSource source, String reference, LocalDate sourceDate,
                      ContactDetails details) {
    }

    /**
     * Records contacts, superseding the current record of the same source and authority when it differs.
     *
     * @return how many were recorded (the others were unchanged)
     */
    int recordContacts(List<NewContact> contacts, String recordedBy, Timestamp now) {
        Map<Long, List<ContactRecord>> current = currentContacts(contacts.stream().map(NewContact::authorityId).toList());
        List<Object[]> supersede = new ArrayList<>();
        List<Object[]> insert = new ArrayList<>();
        for (NewContact contact : contacts) {
            Optional<ContactRecord> same = current.getOrDefault(contact.authorityId(), List.of()).stream()
                    .filter(r -> r.source() == contact.source())
                    .findFirst();
            if (same.isPresent() && same.get().sameAs(contact.details())) {
                continue;
            }
            same.ifPresent(r -> supersede.add(new Object[] {now, r.id()}));
            ContactDetails d = contact.details();
            insert.add(new Object[] {contact.authorityId(), contact.source().name(), contact.reference(),
                    contact.sourceDate(), d.email(), d.postalAddress(), d.phone(), d.website(), now, recordedBy});
        }
        for (List<Object[]> chunk : chunks(supersede)) {
            batch.batchUpdate("UPDATE authority_contact SET superseded_at = ? WHERE id = ?", chunk);
        }
        for (List<Object[]> chunk : chunks(insert)) {
            batch.batchUpdate("""
                            INSERT INTO authority_contact (authority_id, source, source_reference, source_date, email,
                                postal_address, phone, website, recorded_at, recorded_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", chunk);
        }
        return insert.size();
    }

    List<ContactRecord> contactHistory(long authorityId) {
        return jdbc.sql("""
                        SELECT id, authority_id, source, source_reference, source_date, email, postal_address, phone,
                               website, recorded_at, recorded_by
                        FROM authority_contact WHERE authority_id = ? ORDER BY recorded_at DESC, id DESC""")
                .param(authorityId)
                .query(AuthorityStore::contactRecord)
                .list();
    }
}
