package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;

class MailboxPropertiesTest {

    @Test
    void no_host_means_no_mailbox_and_the_defaults_hold() {
        MailboxProperties properties = PropertiesBinding.bind("lanterne.mailbox", MailboxProperties.class, Map.of());

        assertThat(properties.configured()).isFalse();
        assertThat(properties.port()).isEqualTo(993);
        assertThat(properties.protocol()).isEqualTo("imaps");
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '=', value = {
            "lanterne.mailbox.port=0",
            "lanterne.mailbox.port=70000",
            "lanterne.mailbox.protocol=pop3",
            "lanterne.mailbox.folder=' '",
            "lanterne.mailbox.poll-interval=PT0S"})
    void a_wrong_value_is_refused(String name, String value) {
        assertThatThrownBy(() -> PropertiesBinding.bind("lanterne.mailbox", MailboxProperties.class,
                Map.of("lanterne.mailbox.host", "imap.example.org", name, value)))
                .isInstanceOf(BindException.class)
                .hasCauseInstanceOf(BindValidationException.class);
    }
}
