package fr.lanterne.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.requests.LegalDates;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RequestFactsTest {

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static RequestFacts.Builder received(String date) {
        return RequestFacts.builder(date(date), "75");
    }

    @Test
    void refusesAReceiptBeforeSending() {
        assertThatThrownBy(() -> received("2026-03-02").sent(date("2026-03-03")).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("La date de réception (2 mars 2026) précède la date d'envoi (3 mars 2026) : une demande ne "
                        + "peut pas être reçue avant d'avoir été envoyée, vérifiez les deux dates.")
                .satisfies(error -> assertThat(((InvalidInputException) error).details()).containsEntry("field",
                        "received"));
    }

    @Test
    void acceptsAReceiptOnTheDayOfSending() {
        assertThat(received("2026-03-02").sent(date("2026-03-02")).build().sent()).isEqualTo(date("2026-03-02"));
    }

    @Test
    void refusesAMissingReceiptDate() {
        assertThatThrownBy(() -> RequestFacts.builder(null, "75").build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("La date de réception de la demande est obligatoire");
    }

    @Test
    void refusesAnUnknownDepartement() {
        assertThatThrownBy(() -> RequestFacts.builder(date("2026-03-02"), "20"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("« 20 » n'est pas un code de département");
    }

    @Test
    void refusesARefusalBeforeTheRequestWasReceived() {
        assertThatThrownBy(() -> received("2026-03-02").dates(d -> d.withRefusedOn(date("2026-02-27"))).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("La date du refus exprès (27 février 2026) précède la date de réception de la demande "
                        + "(2 mars 2026) : vérifiez les dates.");
    }

    @Test
    void refusesAnOpinionWithoutAReferral() {
        assertThatThrownBy(() -> received("2026-03-02").dates(d -> d.withCadaOpinionOn(date("2026-05-02"))).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Un avis de la CADA suppose une saisine de la CADA : indiquez aussi la date à laquelle la "
                        + "CADA l'a enregistrée.");
    }

    @Test
    void refusesAnOpinionBeforeTheReferral() {
        assertThatThrownBy(() -> received("2026-03-02").dates(d -> d.withCadaRegisteredOn(date("2026-04-10"))
                .withCadaOpinionOn(date("2026-04-09"))).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("La date de l'avis de la CADA (9 avril 2026) précède la date d'enregistrement de la saisine"
                        + " (10 avril 2026) : vérifiez les dates.");
    }

    @Test
    void refusesAFirstRefusalAfterTheReferral() {
        assertThatThrownBy(() -> received("2026-03-02").dates(d -> d.withCadaRegisteredOn(date("2026-04-10"))
                .withRefusedOn(date("2026-04-20"))).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith(": enregistrez-le comme un refus confirmé.");
    }

    @Test
    void refusesAnAnswerAndAWithdrawalTogether() {
        assertThatThrownBy(() -> received("2026-03-02").dates(d -> d.withAnsweredOn(date("2026-03-20"))
                .withWithdrawnOn(date("2026-03-10")))
                .build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Une demande ne peut pas être à la fois entièrement satisfaite et retirée");
    }

    @Test
    void refusesEventsAfterTheEndOfTheChain() {
        assertThatThrownBy(() -> received("2026-03-02").dates(d -> d.withWithdrawnOn(date("2026-03-10"))
                .withRefusedOn(date("2026-03-20"))).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("La demande a été retirée le 10 mars 2026 : aucun autre événement ne peut suivre (vous en "
                        + "avez indiqué un le 20 mars 2026).");
    }

    @Test
    void copiesItselfIntoABuilder() {
        var facts = received("2026-03-02").dates(d -> d.withRefusedOn(date("2026-03-20"))).build();
        assertThat(facts.toBuilder().dates(d -> d.withCadaRegisteredOn(date("2026-04-01"))).build())
                .isEqualTo(new RequestFacts(Departement.of("75"), null, LegalDates.receivedOn(date("2026-03-02"))
                        .withRefusedOn(date("2026-03-20")).withCadaRegisteredOn(date("2026-04-01")), null));
    }

    @Test
    void asRecorded_aConfirmedRefusalAfterTheRegistrationReplacesTheExpressRefusal() {
        LegalDates referred = LegalDates.NONE.withReceivedOn(date("2026-03-02")).withRefusedOn(date("2026-03-20"))
                .withCadaRegisteredOn(date("2026-04-10"));
        Departement paris = Departement.of("75");

        assertThat(RequestFacts.ofRecorded(paris, null, referred, null).dates().refusedOn())
                .isEqualTo(date("2026-03-20"));
        assertThat(RequestFacts.ofRecorded(paris, null, referred.withConfirmedRefusalOn(date("2026-06-15")), null)
                .dates().refusedOn()).isNull();
    }
}
