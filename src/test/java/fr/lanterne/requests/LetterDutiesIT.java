package fr.lanterne.requests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityCodes;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.letters.Letter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Request letters follow the addressee's duties as the authorities module reads them from its population. */
@LanterneIntegrationTest
class LetterDutiesIT {

    @Autowired
    LetterWriter letterWriter;

    @Autowired
    Authorities authorities;

    @Test
    void a_town_of_20000_gets_the_prada_line_and_the_publication_question_one_of_2000_neither() {
        Letter vence = preview("06157");
        assertThat(vence.attention()).contains("personne responsable de l’accès aux documents administratifs");
        assertThat(String.join("\n", vence.body())).contains("sont ou seront publiés", "L312-1-1");

        Letter miserieux = preview("01250");
        assertThat(miserieux.attention()).isNull();
        assertThat(String.join("\n", miserieux.body())).doesNotContain("sont ou seront publiés");
    }

    @Test
    void a_metropole_gets_both() {
        authorities.setContact("epci-200030195", new ContactDetails("contact@nicecotedazur.example", null, null,
                null), "test");
        Letter letter = letterWriter.preview(RequestReference.of(2026, 999_001), "vsa",
                authorities.authorityByCode("epci-200030195"), LocalDate.of(2026, 12, 2));
        assertThat(letter.attention()).isNotNull();
        assertThat(String.join("\n", letter.body())).contains("sont ou seront publiés");
    }

    private Letter preview(String insee) {
        String code = AuthorityCodes.townHall(insee);
        authorities.setContact(code, new ContactDetails("mairie-" + insee + "@example.org", null, null, null), "test");
        return letterWriter.preview(RequestReference.of(2026, 999_000), "vsa", authorities.authorityByCode(code),
                LocalDate.of(2026, 12, 2));
    }
}
