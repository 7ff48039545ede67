package fr.lanterne.authorities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the authorities' addresses: every contact recorded, by source, and which one is in force. */
@Repository
class ContactStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ContactStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A recorded contact, one per source and authority that is not superseded. */
    record ContactRecord(long id, long authorityId, ContactSource source, String reference, LocalDate sourceDate,
                         ContactDetails details, Provenance provenance) {

        boolean sameAs(ContactDetails other) {
            return details.equals(other);
        }
    }

    Map<Long, List<ContactRecord>> currentContacts(Collection<Long> authorityIds) {
        Map<Long, List<ContactRecord>> contacts = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(List.copyOf(authorityIds))) {
            jdbc.sql("""
                            SELECT id, authority_id, source, source_reference, source_date, email, postal_address,
                                   phone, website, prada_address, recorded_at, recorded_by
                            FROM authority_contact WHERE superseded_at IS NULL AND authority_id IN ("""
                            + InLists.placeholders(chunk) + ")")
                    .params(chunk)
                    .query(ContactStore::contactRecord)
                    .list()
                    .forEach(c -> contacts.computeIfAbsent(c.authorityId(), k -> new ArrayList<>()).add(c));
        }
        return contacts;
    }

    private static ContactRecord contactRecord(ResultSet rs, int row) throws SQLException {
        ContactSource source = ContactSource.valueOf(rs.getString("source"));
        LocalDate sourceDate = rs.getObject("source_date", LocalDate.class);
        // Rows are written through ContactDetails, so they hold at least an email or an address.
        ContactDetails details = new ContactDetails(rs.getString("email"), rs.getString("postal_address"),
                rs.getString("phone"), rs.getString("website"), rs.getString("prada_address"));
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
        Optional<ContactRecord> prada = first(byPriority, r -> r.details().pradaAddress());
        return new Contact(
                email.map(r -> r.details().email()).orElse(null), email.map(ContactRecord::provenance).orElse(null),
                address.map(r -> r.details().postalAddress()).orElse(null),
                address.map(ContactRecord::provenance).orElse(null),
                first(byPriority, r -> r.details().phone()).map(r -> r.details().phone()).orElse(null),
                first(byPriority, r -> r.details().website()).map(r -> r.details().website()).orElse(null),
                prada.map(r -> r.details().pradaAddress()).orElse(null),
                prada.map(ContactRecord::provenance).orElse(null));
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
        Map<Long, List<ContactRecord>> current =
                currentContacts(contacts.stream().map(NewContact::authorityId).toList());
        List<Long> supersede = new ArrayList<>();
        List<NewContact> insert = new ArrayList<>();
        for (NewContact contact : contacts) {
            Optional<ContactRecord> same = current.getOrDefault(contact.authorityId(), List.of()).stream()
                    .filter(r -> r.source() == contact.source())
                    .findFirst();
            if (same.isPresent() && same.get().sameAs(contact.details())) {
                continue;
            }
            same.ifPresent(r -> supersede.add(r.id()));
            insert.add(contact);
        }
        batch.batchUpdate("UPDATE authority_contact SET superseded_at = ? WHERE id = ?", supersede, InLists.SIZE,
                (ps, id) -> {
                    ps.setTimestamp(1, now);
                    ps.setLong(2, id);
                });
        batch.batchUpdate("""
                        INSERT INTO authority_contact (authority_id, source, source_reference, source_date, email,
                            postal_address, phone, website, prada_address, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", insert, InLists.SIZE, (ps, contact) -> {
                    ContactDetails d = contact.details();
                    ps.setLong(1, contact.authorityId());
                    ps.setString(2, contact.source().name());
                    ps.setString(3, contact.reference());
                    ps.setObject(4, contact.sourceDate());
                    ps.setString(5, d.email());
                    ps.setString(6, d.postalAddress());
                    ps.setString(7, d.phone());
                    ps.setString(8, d.website());
                    ps.setString(9, d.pradaAddress());
                    ps.setTimestamp(10, now);
                    ps.setString(11, recordedBy);
                });
        return insert.size();
    }

    List<ContactRecord> contactHistory(long authorityId) {
        return jdbc.sql("""
                        SELECT id, authority_id, source, source_reference, source_date, email, postal_address, phone,
                               website, prada_address, recorded_at, recorded_by
                        FROM authority_contact WHERE authority_id = ? ORDER BY recorded_at DESC, id DESC""")
                .param(authorityId)
                .query(ContactStore::contactRecord)
                .list();
    }
}
