package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The README's API examples are found, and each body is JSON (its placeholders quoted). */
class ReadmeExamplesTest {

    @Test
    void every_example_body_is_json() throws IOException {
        List<ReadmeApiExamplesIT.Example> examples = ReadmeApiExamplesIT.examples(Files.readString(Path.of("README.md")));

        assertThat(examples).extracting(e -> e.method() + " " + e.path()).contains(
                "POST /api/requests/{reference}/sent", "POST /api/requests/{reference}/withdrawal",
                "POST /api/documents/{sha256}/request", "POST /api/deployments");
        JsonMapper json = JsonMapper.builder().build();
        for (ReadmeApiExamplesIT.Example example : examples) {
            assertThat(json.readTree(example.body()).isObject()).as(example.toString()).isTrue();
        }
    }
}
