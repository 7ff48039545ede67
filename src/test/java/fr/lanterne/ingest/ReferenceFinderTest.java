package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceFinderTest {

    private final ReferenceFinder finder = new ReferenceFinder();

    private static EmailMessage email(List<String> replyTo, List<String> to, String subject, String body) {
        return new EmailMessage("Mairie <prada@mairie.fr>", replyTo, to, subject, null, null, body, null, List.of());
    }

    @Test
    void the_plus_address_wins_over_the_subject_and_the_body() {
        EmailMessage reply = email(List.of(), List.of("demandes+LNT-2026-000123@lanterne.example.org"),
                "RE: demande LNT-2026-000999", "Suite à votre demande LNT-2025-000001…");

        assertThat(finder.find(reply)).containsExactly(
                new ReferenceMatch("LNT-2026-000123", ReferenceMatch.Where.REPLY_ADDRESS),
                new ReferenceMatch("LNT-2026-000999", ReferenceMatch.Where.SUBJECT),
                new ReferenceMatch("LNT-2025-000001", ReferenceMatch.Where.BODY));
        assertThat(finder.best(reply)).contains("LNT-2026-000123");
    }

    @Test
    void reply_to_is_read_too_and_case_does_not_matter() {
        EmailMessage reply = email(List.of("Demandes+lnt-2026-000042@lanterne.example.org"), List.of("x@y.fr"), "", null);

        assertThat(finder.best(reply)).contains("LNT-2026-000042");
    }

    @Test
    void retyped_references_are_recognised_and_written_canonically() {
        assertThat(finder.find("Vos réf. : lnt 2026 000123 et LNT-2026-45 ; LNT_2026_000046.", ReferenceMatch.Where.BODY))
                .extracting(ReferenceMatch::reference)
                .containsExactly("LNT-2026-000123", "LNT-2026-000045", "LNT-2026-000046");
    }

    @Test
    void the_quick_look_for_lnt_ignores_case_and_nothing_else() {
        assertThat(ReferenceFinder.mentionsLnt("réf. LnT 2026 12")).isTrue();
        assertThat(ReferenceFinder.mentionsLnt("…lnt")).isTrue();
        assertThat(ReferenceFinder.mentionsLnt("L N T, LN, nt, l'entente")).isFalse();
        assertThat(finder.find("Votre demande Lnt-2026-7.", ReferenceMatch.Where.BODY))
                .extracting(ReferenceMatch::reference).containsExactly("LNT-2026-000007");
    }

    @Test
    void look_alikes_are_not_references() {
        assertThat(finder.find("PLNT-2026-000123, LNT-2026-0001234, LNT-26-000123, ELNT 2026 1",
                ReferenceMatch.Where.BODY)).isEmpty();
    }

    @Test
    void each_reference_is_reported_once_at_its_best_place() {
        EmailMessage reply = email(List.of(), List.of("demandes+LNT-2026-000123@lanterne.example.org"),
                "LNT-2026-000123", "LNT-2026-000123");

        assertThat(finder.find(reply)).singleElement().extracting(ReferenceMatch::foundIn)
                .isEqualTo(ReferenceMatch.Where.REPLY_ADDRESS);
    }

    @Test
    void a_match_holds_only_canonical_references() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ReferenceMatch("LNT-2026-123", ReferenceMatch.Where.BODY));
    }
}
