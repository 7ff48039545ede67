package fr.lanterne.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fields of the search results' CSV export: text from documents no one here wrote, opened in a spreadsheet. */
class CsvFieldTest {

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("Délibération n° 2021-045", "\"Délibération n° 2021-045\""),
                Arguments.of("le service R&D \"innovation\"", "\"le service R&D \"\"innovation\"\"\""),
                Arguments.of("un; deux", "\"un; deux\""),
                // A spreadsheet would run these as formulas: an apostrophe keeps them text.
                Arguments.of("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
                Arguments.of("+33 4 92 00 00 00", "\"'+33 4 92 00 00 00\""),
                Arguments.of("-1", "\"'-1\""),
                Arguments.of("@SUM(A1)", "\"'@SUM(A1)\""),
                Arguments.of("", "\"\""),
                Arguments.of(null, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void fields_are_quoted_and_formulas_defused(String value, String field) {
        assertThat(SearchPageController.csvField(value)).isEqualTo(field);
    }
}
