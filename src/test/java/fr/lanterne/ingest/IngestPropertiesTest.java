package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;

class IngestPropertiesTest {

    @Test
    void the_defaults_and_tuned_values_are_taken() {
        IngestProperties properties = PropertiesBinding.bind("lanterne.ingest", IngestProperties.class, Map.of(
                "lanterne.ingest.timeout", "PT30S", "lanterne.ingest.ocr-languages", "fra+eng+deu"));

        assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.ocrLanguages()).isEqualTo("fra+eng+deu");
        assertThat(properties.vocabulary()).endsWith(Path.of("config", "vocabulary.yml"));
        assertThat(properties.settings().maxFileBytes()).isEqualTo(IngestSettings.defaults().maxFileBytes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '=', value = {
            "lanterne.ingest.timeout=PT0S",
            "lanterne.ingest.timeout=-PT1M",
            "lanterne.ingest.max-file-bytes=0",
            "lanterne.ingest.max-pages=-1",
            "lanterne.ingest.ocr-languages=fra eng",
            "lanterne.ingest.ocr-languages=French",
            "lanterne.ingest.ocr-languages=fra+"})
    void a_wrong_value_is_refused(String name, String value) {
        assertThatThrownBy(() -> PropertiesBinding.bind("lanterne.ingest", IngestProperties.class,
                Map.of(name, value)))
                .isInstanceOf(BindException.class)
                .hasCauseInstanceOf(BindValidationException.class);
    }
}
