package fr.lanterne.requests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetListTest {

    @Test
    void one_code_per_line_in_the_first_column() {
        TargetList list = TargetList.parse("06088;Nice\n2a004,Ajaccio\nprefecture-06\tPréfecture\n\"ratp\"\n");

        assertThat(list.errors()).isEmpty();
        assertThat(list.codes()).containsExactly("06088", "2a004", "prefecture-06", "ratp");
        assertThat(list.lines()).extracting(TargetList.Line::number).containsExactly(1, 2, 3, 4);
    }

    @Test
    void a_header_a_byte_order_mark_and_blank_lines_are_skipped_and_lines_keep_their_numbers() {
        TargetList list = TargetList.parse("\uFEFFinsee;nom\r\n06088;Nice\r\n\r\n   \r\n42218;Saint-Étienne\r\n");

        assertThat(list.errors()).isEmpty();
        assertThat(list.lines()).containsExactly(new TargetList.Line(2, "06088"), new TargetList.Line(5, "42218"));
    }

    @Test
    void a_header_is_only_a_header_on_the_first_line() {
        TargetList list = TargetList.parse("06088\ncode\n");

        assertThat(list.codes()).containsExactly("06088", "code");
    }

    @Test
    void every_line_that_is_not_a_code_is_reported_with_its_number() {
        TargetList list = TargetList.parse("06088\nNice (06)\n\n1\n42218\nmairie de Lyon\n");

        assertThat(list.codes()).containsExactly("06088", "42218");
        assertThat(list.errors()).containsExactly(
                "ligne 2 : « Nice (06) » n'est ni un code INSEE ni un code d'organisme.",
                "ligne 4 : « 1 » n'est ni un code INSEE ni un code d'organisme.",
                "ligne 6 : « mairie de Lyon » n'est ni un code INSEE ni un code d'organisme.");
    }

    @Test
    void a_long_line_is_shortened_in_its_error() {
        TargetList list = TargetList.parse("x".repeat(61) + " y");

        assertThat(list.errors()).containsExactly("ligne 1 : « " + "x".repeat(60)
                + "… » n'est ni un code INSEE ni un code d'organisme.");
    }

    @Test
    void nothing_supplied_is_an_empty_list() {
        assertThat(TargetList.parse(null).isEmpty()).isTrue();
        assertThat(TargetList.parse("").isEmpty()).isTrue();
        assertThat(TargetList.parse("insee\n\n").isEmpty()).isTrue();
        assertThat(TargetList.parse("?").isEmpty()).isFalse();
    }
}
