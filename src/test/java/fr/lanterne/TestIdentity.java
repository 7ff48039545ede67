package fr.lanterne;

import fr.lanterne.settings.IdentityDraft;
import fr.lanterne.settings.Settings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The requester identity the integration tests sign with (the one {@link LanterneIntegrationTest}'s properties
 * suggest): stored when the test context starts, since nothing leaves without it. A test that clears or changes it
 * puts it back with {@link #restore} in its {@code @AfterEach}, for the tests that share the context after it.
 */
public final class TestIdentity {

    public static final IdentityDraft CAMILLE = new IdentityDraft("NATURAL_PERSON", "Martin", "Camille",
            "12 rue de la Préfecture\n06300 Nice", null, null, null, null, null, null, "demandes@lanterne.test",
            "Nice");

    private TestIdentity() {
    }

    public static void restore(Settings settings) {
        settings.saveIdentity(CAMILLE, "tests");
    }

    /** Imported by {@link LanterneIntegrationTest}: once every bean (Liquibase's included) is ready. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class AtStart {
        @Bean
        SmartInitializingSingleton testIdentity(ObjectProvider<Settings> settings) {
            return () -> restore(settings.getObject());
        }
    }
}
