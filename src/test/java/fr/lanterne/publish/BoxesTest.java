package fr.lanterne.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Boxes as the tables keep them, and what makes two redacted versions the same. */
class BoxesTest {

    private final PdfRect a = new PdfRect(1, 10.5f, 20.25f, 100, 12);
    private final PdfRect b = new PdfRect(2, 0, 0, 595.28f, 841.89f);

    @Test
    void boxes_are_read_back_as_written_to_the_hundredth_of_a_point() {
        assertThat(Boxes.read(Boxes.write(List.of(a, b)))).containsExactly(a, b);
        assertThat(Boxes.write(List.of(a))).isEqualTo("1 10.50 20.25 100.00 12.00");
        assertThat(Boxes.read("")).isEmpty();
    }

    @Test
    void the_same_boxes_in_any_order_or_twice_make_the_same_version_and_others_do_not() {
        String once = Boxes.canonical(List.of(a, b));
        assertThat(Boxes.canonical(List.of(b, a, b))).isEqualTo(once);
        assertThat(Boxes.digest(once)).hasSize(64).isEqualTo(Boxes.digest(Boxes.canonical(List.of(b, a))));
        assertThat(Boxes.canonical(List.of(a))).isNotEqualTo(once);
        assertThat(Boxes.canonical(List.of())).isEmpty();
    }
}
