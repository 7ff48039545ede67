package fr.lanterne.web.pages.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SvgChartTest {

    @Test
    void a_bar_chart_is_an_image_with_its_title() throws Exception {
        String svg = SvgChart.bars("etats", "Demandes par état", List.of(new SvgChart.Bar("envoyée", 12)),
                Locale.FRENCH);

        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo("Demandes par état");
        assertThat(text(doc, "/*[local-name()='svg']/*[local-name()='title']")).isEqualTo("Demandes par état");
        assertThat(text(doc, "//*[local-name()='g']/*[local-name()='title']")).isEqualTo("envoyée : 12");
    }

    @Test
    void bars_are_proportional_to_their_values() throws Exception {
        Document doc = parse(SvgChart.bars("etats", "t", List.of(new SvgChart.Bar("a", 40),
                new SvgChart.Bar("b", 10), new SvgChart.Bar("c", 0)), Locale.FRENCH));

        List<Integer> widths = rects(doc).stream().map(r -> Integer.parseInt(r.getAttribute("width"))).toList();
        assertThat(widths).containsExactly(390, 98, 0);
    }

    @Test
    void a_small_value_beside_a_large_one_stays_visible() throws Exception {
        Document doc = parse(SvgChart.bars("etats", "t", List.of(new SvgChart.Bar("a", 100_000),
                new SvgChart.Bar("b", 1)), Locale.FRENCH));

        assertThat(rects(doc).get(1).getAttribute("width")).isEqualTo("1");
    }

    @Test
    void numbers_are_written_the_french_way() {
        String svg = SvgChart.bars("etats", "t", List.of(new SvgChart.Bar("a", 12_345)), Locale.FRENCH);

        assertThat(svg).contains("a : 12\u202f345").contains(">12\u202f345</text>");
    }

    @Test
    void english_puts_no_space_before_a_colon() {
        assertThat(SvgChart.bars("states", "t", List.of(new SvgChart.Bar("sent", 1_234)), Locale.ENGLISH))
                .contains("<title>sent: 1,234</title>");
    }

    @Test
    void hostile_labels_are_escaped() throws Exception {
        String hostile = "<script>alert('x')</script> & \"co\"\u0007";
        String svg = SvgChart.bars("etats", hostile, List.of(new SvgChart.Bar(hostile, 1)), Locale.FRENCH)
                + SvgChart.columns("mois", hostile, List.of(hostile), List.of(new SvgChart.Series(hostile, List.of(2))),
                Locale.FRENCH);

        assertThat(svg).doesNotContain("<script").doesNotContain("\u0007")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;");
        parse(SvgChart.columns("mois", hostile, List.of(hostile), List.of(new SvgChart.Series(hostile, List.of(2))),
                Locale.FRENCH));
    }

    @Test
    void columns_side_by_side_for_each_month_with_a_legend() throws Exception {
        Document doc = parse(SvgChart.columns("mois", "Refus implicites et saisines",
                List.of("janv. 2026", "févr. 2026", "mars 2026"),
                List.of(new SvgChart.Series("refus implicites", List.of(4, 0, 8)),
                        new SvgChart.Series("saisines de la CADA", List.of(1, 2, 0))),
                Locale.FRENCH));

        List<Element> rects = rects(doc);
        // Two legend keys, then one column per month and series.
        assertThat(rects).hasSize(2 + 6);
        List<Element> columns = rects.subList(2, 8);
        assertThat(columns).extracting(r -> r.getAttribute("height")).containsExactly("100", "25", "0", "50", "200", "0");
        assertThat(columns.get(4).getTextContent()).isEqualTo("mars 2026 — refus implicites : 8");
        assertThat(texts(doc)).contains("refus implicites", "saisines de la CADA", "janv. 2026", "0", "2", "4", "6",
                "8");
    }

    @Test
    void nothing_to_draw_draws_an_empty_scale() throws Exception {
        Document doc = parse(SvgChart.columns("mois", "t", List.of("janv. 2026"),
                List.of(new SvgChart.Series("a", List.of(0))), Locale.FRENCH));

        assertThat(rects(doc).get(1).getAttribute("height")).isEqualTo("0");
        parse(SvgChart.bars("etats", "t", List.of(), Locale.FRENCH));
    }

    @Test
    void gridline_steps_are_round() {
        assertThat(SvgChart.step(0)).isEqualTo(1);
        assertThat(SvgChart.step(3)).isEqualTo(1);
        assertThat(SvgChart.step(8)).isEqualTo(2);
        assertThat(SvgChart.step(17)).isEqualTo(5);
        assertThat(SvgChart.step(40)).isEqualTo(10);
        assertThat(SvgChart.step(45)).isEqualTo(20);
        assertThat(SvgChart.step(1_900)).isEqualTo(500);
    }

    @Test
    void series_and_categories_must_agree() {
        assertThatThrownBy(() -> SvgChart.columns("mois", "t", List.of("a", "b"),
                List.of(new SvgChart.Series("s", List.of(1))), Locale.FRENCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SvgChart.bars("\"><script>", "t", List.of(), Locale.FRENCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static String text(Document doc, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
    }

    private static List<Element> rects(Document doc) {
        return elements(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect"));
    }

    private static List<String> texts(Document doc) {
        return elements(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text")).stream()
                .map(Element::getTextContent).toList();
    }

    private static List<Element> elements(NodeList nodes) {
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }
}
