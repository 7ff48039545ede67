package fr.lanterne.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.database.EmbeddedMariaDb;
import fr.lanterne.database.ScratchDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Importing town-hall addresses into a scratch database that holds only the town halls of the sample files, so
 * that every count is exact.
 */
class ContactImportIT {

    private static final List<String> TOWN_HALLS = List.of("06088", "42218", "04088", "01033", "12138", "92073", "59512");
    private static EmbeddedMariaDb server;
    private static ScratchDatabase database;
    private static ContactImporter importer;
    private static AuthorityStore store;
    private static ContactStore contacts;

    @BeforeAll
    static void prepare() {
        server = EmbeddedMariaDb.open(Path.of("target", "contact-import-it").toAbsolutePath(),
                Path.of("target", "mariadb-binaries"), 0, false);
        database = ScratchDatabase.create(server, "contacts");
        contacts = new ContactStore(database.jdbc(), database.jdbcTemplate());
        store = new AuthorityStore(database.jdbc(), contacts);
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
        importer = new ContactImporter(store, contacts, database.transactions(), clock);
        Timestamp now = Timestamp.from(clock.instant());
        for (String insee : TOWN_HALLS) {
            store.upsertAuthority(AuthorityCodes.townHall(insee), AuthorityKind.TOWN_HALL, "Mairie " + insee, insee,
                    insee.substring(0, 2), "00", now);
        }
    }

    @AfterAll
    static void stop() {
        database.close();
        server.close();
    }

    @Test
    void the_official_directory_imports_once_with_its_source_and_date() {
        ContactImportReport first = importer.importFile("annuaire-mairies.csv", resource("annuaire-mairies.csv"), "alice");
        assertThat(first.entries()).as("Nice, Saint-Étienne, Forcalquier, Valserhône").isEqualTo(4);
        assertThat(first.recorded()).isEqualTo(4);
        assertThat(first.skipped()).anyMatch(s -> s.contains("99999"));

        ContactImportReport again = importer.importFile("annuaire-mairies.csv", resource("annuaire-mairies.csv"), "alice");
        assertThat(again.recorded()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        ContactImportReport json = importer.importFile("annuaire-mairies.json", resource("annuaire-mairies.json"), "bob");
        assertThat(json.recorded()).as("the JSON export holds the same data").isZero();

        Contact nice = contactOf("06088");
        assertThat(nice.email()).isEqualTo("contact@mairie-nice.example");
        assertThat(nice.emailProvenance().source()).isEqualTo(ContactSource.OFFICIAL_DIRECTORY);
        assertThat(nice.emailProvenance().sourceDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(nice.emailProvenance().recordedBy()).isEqualTo("alice");
        assertThat(nice.emailProvenance().reference()).contains("3f1c7a52-0001");
    }

    @Test
    void a_volunteer_correction_wins_over_the_directory_and_a_manual_entry_over_both() {
        importer.importFile("annuaire-mairies.csv", resource("annuaire-mairies.csv"), "alice");
        String volunteerList = "insee,email,postal_address,source\n42218,dpo@saint-etienne.example,,appel du 2026-11-02\n";
        ContactImportReport report = importer.importFile("corrections.csv", bytes(volunteerList), "camille");
        assertThat(report.recorded()).isEqualTo(1);

        Contact stEtienne = contactOf("42218");
        assertThat(stEtienne.email()).isEqualTo("dpo@saint-etienne.example");
        assertThat(stEtienne.emailProvenance().source()).isEqualTo(ContactSource.VOLUNTEER_LIST);
        assertThat(stEtienne.postalAddress()).as("the directory still gives the address").contains("CS 34205");
        assertThat(stEtienne.addressProvenance().source()).isEqualTo(ContactSource.OFFICIAL_DIRECTORY);

        long id = store.authorityByCode("mairie-42218").orElseThrow().id();
        contacts.recordContacts(List.of(new ContactStore.NewContact(id, ContactSource.MANUAL, "dominique", null,
                new ContactDetails(null, "Hôtel de ville\n42000 Saint-Étienne", null, null))), "dominique",
                Timestamp.from(Instant.parse("2026-11-28T11:00:00Z")));
        assertThat(contactOf("42218").postalAddress()).isEqualTo("Hôtel de ville\n42000 Saint-Étienne");
        assertThat(contactOf("42218").email()).isEqualTo("dpo@saint-etienne.example");
    }

    @Test
    void a_changed_address_supersedes_the_old_one_which_stays_in_the_history() {
        importer.importFile("benevoles.csv", resource("benevoles.csv"), "camille");
        String moved = "insee,email,postal_address,source\n92073,,\"Hôtel de ville / 2 rue Carnot / 92151 Suresnes Cedex\",nouveau\n";
        importer.importFile("benevoles-2.csv", bytes(moved), "camille");
        long id = store.authorityByCode("mairie-92073").orElseThrow().id();
        List<ContactStore.ContactRecord> history = contacts.contactHistory(id);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).details().postalAddress()).endsWith("92151 Suresnes Cedex");
        assertThat(history.get(1).details().postalAddress()).endsWith("92150 Suresnes");
        assertThat(contactOf("92073").postalAddress()).endsWith("92151 Suresnes Cedex");
    }

    @Test
    void a_faulty_file_writes_nothing_and_names_every_faulty_line() {
        long before = rows();
        assertThatThrownBy(() -> importer.importFile("benevoles-erreurs.csv", resource("benevoles-erreurs.csv"), "x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ligne 3")
                .hasMessageContaining("ligne 6");
        String unknownCommune = "insee,email,postal_address,source\n12138,a@b.example,,ok\n97999,c@d.example,,inconnue\n";
        assertThatThrownBy(() -> importer.importFile("inconnue.csv", bytes(unknownCommune), "x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ligne 3 : aucune commune actuelle n'a le code INSEE 97999");
        assertThat(rows()).as("nothing half-imported").isEqualTo(before);
    }

    @Test
    void refuses_files_it_cannot_read_with_a_sentence() {
        assertThatThrownBy(() -> importer.importFile("vide.csv", bytes("  \n"), "x"))
                .hasMessageContaining("est vide");
        assertThatThrownBy(() -> importer.importFile("latin1.csv",
                new ByteArrayInputStream("insee,email\n06088,mairie@nîmes.example\n".getBytes(StandardCharsets.ISO_8859_1)), "x"))
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> importer.importFile("autre.csv", bytes("nom,ville\nx,y\n"), "x"))
                .hasMessageContaining("non reconnu");
    }

    /**
     * A real export: some 38,000 town halls and 2,000 annexes, each line carrying the JSON cells that make the file
     * weigh (addresses, opening hours). It must import in reasonable time, telling its progress line by line, and
     * importing it again must change nothing.
     */
    @Test
    void a_directory_export_of_forty_thousand_lines_imports_in_reasonable_time() {
        // Codes the other tests do not use (they keep 97999 and 99999 unknown).
        List<String> codes = new ArrayList<>();
        for (int code = 10_000; codes.size() < 38_000; code++) {
            if (!TOWN_HALLS.contains(String.valueOf(code))) {
                codes.add(String.valueOf(code));
            }
        }
        Timestamp now = Timestamp.from(Instant.parse("2026-11-28T10:00:00Z"));
        List<Object[]> rows = codes.stream().map(code -> new Object[] {AuthorityCodes.townHall(code), "TOWN_HALL",
                "Mairie " + code, code, code.substring(0, 2), "00", now}).toList();
        for (List<Object[]> chunk : InLists.chunks(rows)) {
            database.jdbcTemplate().batchUpdate("""
                    INSERT IGNORE INTO authority (code, kind, name, commune_insee, departement, region, active, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)""", chunk);
        }
        String hours = "\"[{\"\"nom_jour_debut\"\": \"\"Lundi\"\", \"\"nom_jour_fin\"\": \"\"Vendredi\"\", "
                + "\"\"valeur_heure_debut_1\"\": \"\"08:30:00\"\", \"\"valeur_heure_fin_1\"\": \"\"12:00:00\"\", "
                + "\"\"valeur_heure_debut_2\"\": \"\"13:30:00\"\", \"\"valeur_heure_fin_2\"\": \"\"17:30:00\"\", "
                + "\"\"commentaire\"\": \"\"\"\"}]\"";
        StringBuilder csv = new StringBuilder("id;nom;pivot;code_insee_commune;adresse_courriel;telephone;adresse;"
                + "site_internet;type_organisme;categorie;url_service_public;date_modification;plage_ouverture;siret\n");
        for (int i = 0; i < 40_000; i++) {
            String code = codes.get(i % codes.size());
            String name = i < codes.size() ? "Mairie - Commune " + code : "Mairie annexe - Quartier " + i;
            csv.append(String.format("3f1c7a52-0000-4d7e-9a10-%012d;%s;\"[{\"\"type_service_local\"\": \"\"mairie\"\", "
                    + "\"\"code_insee_commune\"\": [\"\"%s\"\"]}]\";%s;mairie-%d@commune.example;"
                    + "\"[{\"\"valeur\"\": \"\"04 00 00 00 00\"\", \"\"description\"\": \"\"\"\"}]\";"
                    + "\"[{\"\"type_adresse\"\": \"\"Adresse\"\", \"\"complement1\"\": \"\"Hôtel de ville\"\", "
                    + "\"\"numero_voie\"\": \"\"1 place de la Mairie\"\", \"\"code_postal\"\": \"\"%s\"\", "
                    + "\"\"nom_commune\"\": \"\"Commune %s\"\", \"\"longitude\"\": \"\"4.39\"\", "
                    + "\"\"latitude\"\": \"\"45.43\"\"}]\";;Administration territoriale;SL;"
                    + "https://lannuaire.service-public.fr/mairie-%s;2026-03-02 09:14:51;%s;\n",
                    i, name, code, code, i, code, code, code, hours));
        }
        int[] progress = new int[2];
        ContactImportProgress counting = new ContactImportProgress() {
            @Override
            public void read(int lines, int total) {
                progress[0] = lines;
                progress[1] = total;
            }
        };

        long started = System.nanoTime();
        ContactImportReport report = importer.importFile("annuaire-complet.csv", bytes(csv.toString()), "alice",
                counting);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("40,000-line directory export (%.1f MB): imported in %d ms%n",
                csv.length() / 1_048_576.0, millis);

        assertThat(report.lines()).isEqualTo(40_001);
        assertThat(report.entries()).as("one per commune, the main town hall kept").isEqualTo(38_000);
        assertThat(report.recorded()).isEqualTo(38_000);
        assertThat(progress).containsExactly(40_001, 40_001);
        assertThat(millis).as("a full export imports in well under two minutes").isLessThan(120_000);
        assertThat(contactOf(codes.get(0)).email()).isEqualTo("mairie-0@commune.example");

        ContactImportReport again = importer.importFile("annuaire-complet.csv", bytes(csv.toString()), "alice");
        assertThat(again.recorded()).isZero();
        assertThat(again.unchanged()).isEqualTo(38_000);
    }

    private static Contact contactOf(String insee) {
        return store.authorityByCode(AuthorityCodes.townHall(insee)).orElseThrow().contact();
    }

    private static long rows() {
        return database.jdbc().sql("SELECT COUNT(*) FROM authority_contact").query(Long.class).single();
    }

    private static InputStream resource(String name) {
        return ContactImportIT.class.getResourceAsStream("/contacts/" + name);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
