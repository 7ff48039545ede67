package fr.lanterne.authorities;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestData;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sender of a reply tells which authority it comes from (ingest files what has no reference this way). */
@LanterneIntegrationTest
class AuthorityEmailIT {

    @Autowired
    Authorities authorities;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void mende() {
        TestData.forgetContacts(jdbc, List.of("mairie-48095"));
        authorities.setContact("mairie-48095", new ContactDetails("accueil@mende-mairie.test", null, null, null),
                "test");
    }

    @Test
    void an_authority_by_its_email_or_its_domain() {
        assertThat(authorities.findByEmail("Accueil@Mende-Mairie.test")).map(Authority::code)
                .contains("mairie-48095");
        assertThat(authorities.findByEmail("secretariat@mende-mairie.test")).map(Authority::code)
                .contains("mairie-48095");
        assertThat(authorities.findByEmail("secretariat@ailleurs.test")).isEmpty();
    }
}
