package fr.lanterne.web.pages.registry;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.registry.HistoryEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class HistoryLinesTest {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    @Test
    void an_update_shows_each_field_before_and_after_in_the_readers_language() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", Map.of("from", "ANNOUNCED", "to", "DEPLOYED"));
        changes.put("product", mapOf("from", null, "to", "Anafi"));
        HistoryEntry entry = new HistoryEntry(Instant.parse("2026-03-01T09:30:00Z"), "alice", "UPDATED", changes);

        HistoryLines.Line french = new HistoryLines(MESSAGES, Locale.FRENCH).of(List.of(entry)).get(0);
        assertThat(french.at().toLocalTime()).hasToString("10:30");
        assertThat(french.by()).isEqualTo("alice");
        assertThat(french.action()).isEqualTo("Modification");
        assertThat(french.changes()).containsExactly(
                new HistoryLines.Change("Statut", "annoncé", "déployé", true),
                new HistoryLines.Change("Produit", null, "Anafi", true));

        HistoryLines.Line english = new HistoryLines(MESSAGES, Locale.ENGLISH).of(List.of(entry)).get(0);
        assertThat(english.changes().get(0)).isEqualTo(new HistoryLines.Change("Status", "announced", "deployed",
                true));
    }

    @Test
    void a_creation_lists_its_values_and_sources_newest_entry_first() {
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("technology", "DRONES");
        created.put("vendor", null);
        created.put("sources", List.of(mapOf("url", "https://example.org/a", "title", "Arrêté", "quote", null)));
        HistoryEntry creation = new HistoryEntry(Instant.parse("2026-01-01T12:00:00Z"), "bob", "CREATED", created);
        HistoryEntry source = new HistoryEntry(Instant.parse("2026-02-01T12:00:00Z"), "carol", "SOURCE_ADDED",
                mapOf("url", null, "documentSha256", "ab".repeat(32)));

        List<HistoryLines.Line> lines = new HistoryLines(MESSAGES, Locale.FRENCH).of(List.of(creation, source));

        assertThat(lines).extracting(HistoryLines.Line::action).containsExactly("Source ajoutée", "Création");
        assertThat(lines.get(0).changes()).containsExactly(
                new HistoryLines.Change("Document (empreinte)", null, "ab".repeat(32), false));
        assertThat(lines.get(1).changes()).containsExactly(
                new HistoryLines.Change("Technologie", null, "drones", false),
                new HistoryLines.Change("Source", null, "https://example.org/a — Arrêté", false));
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
