package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebPropertiesTest {

    @Test
    void a_public_url_is_kept_without_its_trailing_slash() {
        assertThat(new WebProperties(false, URI.create("https://lanterne.example.org/")).publicUrl())
                .isEqualTo(URI.create("https://lanterne.example.org"));
        assertThat(new WebProperties(false, URI.create("http://10.0.0.5:8080/lanterne")).publicUrl())
                .isEqualTo(URI.create("http://10.0.0.5:8080/lanterne"));
        assertThat(new WebProperties(false, null).publicUrl()).isNull();
    }

    @Test
    void a_public_url_must_be_a_full_web_address() {
        for (String wrong : new String[] {"lanterne.example.org", "/lanterne", "ftp://lanterne.example.org",
                "https://lanterne.example.org/?x=1", "https://lanterne.example.org/#top",
                "https://alice:secret@lanterne.example.org"}) {
            assertThatThrownBy(() -> new WebProperties(false, URI.create(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lanterne.web.public-url").hasMessageContaining("https://lanterne.example.org");
        }
    }
}
