package fr.lanterne.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestTextTest {

    private static final LocalDate NIGHT = LocalDate.of(2026, 3, 20);
    private static final List<NoticeStore.Stored> NOTICES = List.of(new NoticeStore.Stored(1, new Notice(
            "REMINDER:LNT-2026-000123", NoticeKind.REMINDER_DRAFTED, 7L, "LNT-2026-000123", null, "alice",
            LocalDate.of(2026, 4, 2), "LNT-2026-000123 : pas encore de réponse.", "brouillons/relance.pdf"), NIGHT));

    @Test
    void with_the_public_address_each_request_comes_with_its_link() {
        String body = DigestsStep.body(Optional.empty(), NIGHT, NOTICES,
                Optional.of(URI.create("https://lanterne.example.org")));

        assertThat(body).contains("  • LNT-2026-000123 : pas encore de réponse.\n"
                + "    Lettre prête : brouillons/relance.pdf\n"
                + "    https://lanterne.example.org/demandes/LNT-2026-000123\n")
                .contains("Tout ce qui vous attend : https://lanterne.example.org/travail\n");
    }

    @Test
    void without_it_the_digest_has_no_half_links() {
        String body = DigestsStep.body(Optional.empty(), NIGHT, NOTICES, Optional.empty());

        assertThat(body).contains("LNT-2026-000123 : pas encore de réponse.").doesNotContain("http")
                .doesNotContain("/demandes/").doesNotContain("VOTRE-SERVEUR");
    }
}
