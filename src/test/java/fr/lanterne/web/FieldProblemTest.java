package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.registry.DeploymentDraft;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.SourceDraft;
import fr.lanterne.registry.Technology;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The French sentences of refused fields, and the constraints of real records read by a real validator. */
class FieldProblemTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Size           | place     | 600 | « place » : 600 caractères, 255 au plus.
            Size           | place     | 1   | « place » : 1 caractère, 255 au plus.
            NotBlank       | authority |     | « authority » est obligatoire.
            NotNull        | confirmed |     | « confirmed » est obligatoire.
            PositiveOrZero | count     | -3  | « count » : -3, il faut au moins 0.
            Pattern        | code      | x   | « code » : « x » ne convient pas.
            Email          | email     | x   | « email » : « x » n’est pas une adresse électronique (nom@exemple.fr).
            """)
    void sentences(String constraint, String field, String value, String sentence) {
        Object rejected = constraint.equals("Size") ? "a".repeat(Integer.parseInt(value))
                : constraint.equals("PositiveOrZero") ? Integer.parseInt(value) : value;
        Map<String, Object> attributes = constraint.equals("Size") && value.equals("1")
                ? Map.of("min", 2, "max", 255, "message", "{jakarta.validation.constraints.Size.message}")
                : Map.of("min", 0, "max", 255, "message", "{jakarta.validation.constraints." + constraint + ".message}");
        String expected = constraint.equals("Size") && value.equals("1") ? "« place » : 1 caractère, 2 au moins."
                : sentence;
        assertThat(FieldProblem.sentence(field, constraint, rejected, attributes)).isEqualTo(expected);
    }

    @Test
    void a_message_written_in_words_says_what_is_expected() {
        assertThat(FieldProblem.sentence("departement", "Pattern", "0A6",
                Map.of("message", "un code de département (06, 2A, 974)")))
                .isEqualTo("« departement » : « 0A6 » ne convient pas : il faut un code de département (06, 2A, 974).");
    }

    @Test
    void lists_count_their_elements() {
        assertThat(FieldProblem.sentence("templates", "Size", List.of("a", "b", "c"), Map.of("min", 0, "max", 2)))
                .isEqualTo("« templates » : 3 éléments, 2 au plus.");
    }

    @Test
    void an_over_long_field_of_a_real_record_is_named_with_its_length_and_its_limit() {
        DeploymentDraft draft = new DeploymentDraft("06088", null, Technology.VSA, "v".repeat(1000), null,
                DeploymentStatus.DEPLOYED, null, "p".repeat(600), null, null,
                List.of(new SourceDraft(null, null, "q".repeat(70_000), null, null)));

        List<String> sentences = VALIDATOR.validate(draft).stream().map(FieldProblem::of)
                .map(FieldProblem::detail).sorted().toList();

        // Each once: a constraint on a record component reaches its field, accessor and parameter.
        assertThat(sentences).containsExactly(
                "« place » : 600 caractères, 500 au plus.",
                "« sources[0].quote » : 70000 caractères, 10000 au plus.",
                "« vendor » : 1000 caractères, 120 au plus.");
    }

    @Test
    void a_source_seen_in_the_future_is_refused() {
        SourceDraft source = new SourceDraft("https://example.org", null, null, null, LocalDate.of(2999, 1, 1));

        assertThat(VALIDATOR.validate(source)).map(FieldProblem::of).map(FieldProblem::detail)
                .containsExactly("« seenOn » : 2999-01-01 est dans le futur ; une date passée convient (AAAA-MM-JJ).");
    }
}
