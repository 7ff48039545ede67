package fr.lanterne.authorities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the authorities: the bodies requests are sent to, each with its address in force. */
@Repository
class AuthorityStore {

    private static final String AUTHORITY_COLUMNS = """
            SELECT id, code, kind, name, commune_insee, departement, region, active FROM authority
            """;

    private final JdbcClient jdbc;
    private final ContactStore contacts;

    AuthorityStore(JdbcClient jdbc, ContactStore contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

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
        for (List<?> chunk : InLists.chunks(List.copyOf(keys))) {
            List<AuthorityRow> rows = jdbc.sql(AUTHORITY_COLUMNS + " WHERE " + column + " IN ("
                            + InLists.placeholders(chunk) + ")")
                    .params(chunk)
                    .query(this::authorityRow)
                    .list();
            Map<Long, List<ContactStore.ContactRecord>> current =
                    contacts.currentContacts(rows.stream().map(AuthorityRow::id).toList());
            for (AuthorityRow row : rows) {
                found.add(new Authority(row.id(), row.code(), row.kind(), row.name(), row.communeInsee(),
                        row.departement(), row.region(), row.active(),
                        ContactStore.effectiveContact(current.getOrDefault(row.id(), List.of()))));
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

    Map<Long, AuthorityRef> authorityRefs(Collection<Long> ids) {
        Map<Long, AuthorityRef> refs = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(List.copyOf(ids))) {
            jdbc.sql("SELECT id, code, kind, name, commune_insee FROM authority WHERE id IN ("
                            + InLists.placeholders(chunk) + ")")
                    .params(chunk)
                    .query((rs, n) -> new AuthorityRef(rs.getLong(1), rs.getString(2),
                            AuthorityKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)))
                    .list()
                    .forEach(ref -> refs.put(ref.id(), ref));
        }
        return refs;
    }

    Map<String, Long> authorityIdsByCode(Collection<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : InLists.chunks(List.copyOf(codes))) {
            jdbc.sql("SELECT code, id FROM authority WHERE code IN (" + InLists.placeholders(chunk) + ")")
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
                row.region(), row.active(), ContactStore.effectiveContact(
                        contacts.currentContacts(List.of(row.id())).getOrDefault(row.id(), List.of())));
    }
}
