package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

class PageCollectorTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private final Metadata metadata = new Metadata();
    private final ParseBudget budget = new ParseBudget(Duration.ofMinutes(1).toNanos(), 0);

    private PageCollector collector(IngestSettings settings) {
        return new PageCollector(metadata, budget, settings);
    }

    private static void start(PageCollector c, String element, String cssClass) throws SAXException {
        AttributesImpl attributes = new AttributesImpl();
        if (cssClass != null) {
            attributes.addAttribute("", "class", "class", "CDATA", cssClass);
        }
        c.startElement(XHTML, element, element, attributes);
    }

    private static void end(PageCollector c, String element) throws SAXException {
        c.endElement(XHTML, element, element);
    }

    private static void text(PageCollector c, String text) throws SAXException {
        c.characters(text.toCharArray(), 0, text.length());
    }

    @Test
    void cuts_the_body_at_page_divs_and_keeps_nested_divs_inside_their_page() throws SAXException {
        PageCollector c = collector(IngestSettings.defaults());
        start(c, "html", null);
        start(c, "head", null);
        start(c, "title", null);
        text(c, "Titre (métadonnée, pas du texte)");
        end(c, "title");
        end(c, "head");
        start(c, "body", null);
        start(c, "div", "page");
        text(c, "Première page");
        start(c, "div", "annotation");
        text(c, " et sa note");
        end(c, "div");
        end(c, "div");
        start(c, "div", "page");
        start(c, "div", "ocr");
        text(c, "Deuxième page, scannée");
        end(c, "div");
        end(c, "div");
        end(c, "body");
        end(c, "html");

        assertThat(c.pages()).containsExactly(new PageCollector.RawPage("Première page et sa note", false),
                new PageCollector.RawPage("Deuxième page, scannée", true));
        assertThat(c.stopped()).isNull();
    }

    @Test
    void a_document_without_pages_is_one_page_and_ocr_outside_pages_counts() throws SAXException {
        PageCollector c = collector(IngestSettings.defaults());
        start(c, "body", null);
        start(c, "div", "ocr");
        text(c, "Texte lu sur une image");
        end(c, "div");
        end(c, "body");

        assertThat(c.pages()).containsExactly(new PageCollector.RawPage("Texte lu sur une image", true));
    }

    @Test
    void stops_when_the_text_exceeds_its_limit() throws SAXException {
        IngestSettings settings = new IngestSettings(1 << 20, 10, 10, Duration.ofMinutes(1), false, "fra",
                Duration.ofMinutes(1), 1, 1 << 20, 1, 1, 1 << 20, 10, 1, 1);
        PageCollector c = collector(settings);
        start(c, "body", null);

        assertThatThrownBy(() -> text(c, "douze lettres")).isInstanceOfSatisfying(StopParsing.class,
                stop -> assertThat(stop.reason()).isEqualTo(QuarantineReason.TOO_MUCH_TEXT));
        assertThat(c.stopped()).isNotNull();
    }

    @Test
    void stops_at_the_first_page_when_the_document_declares_too_many() throws SAXException {
        metadata.set(PagedText.N_PAGES, 2_001);
        PageCollector c = collector(IngestSettings.defaults());
        start(c, "body", null);

        assertThatThrownBy(() -> start(c, "div", "page")).isInstanceOfSatisfying(StopParsing.class,
                stop -> assertThat(stop.detail()).contains("2\u202f001 pages"));
    }

    @Test
    void stops_when_time_is_up() throws SAXException {
        ParseBudget spent = new ParseBudget(0, 0);
        PageCollector c = new PageCollector(metadata, spent, IngestSettings.defaults());

        assertThatThrownBy(() -> start(c, "body", null)).isInstanceOfSatisfying(StopParsing.class,
                stop -> assertThat(stop.reason()).isEqualTo(QuarantineReason.TIMEOUT));
    }
}
