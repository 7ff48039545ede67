package fr.lanterne.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Receives Tika's XHTML and cuts the body's text into pages at each {@code <div class="page">} (one per PDF page),
 * {@code
 * <div class="sheet">} (spreadsheets) or {@code <div class="slide-content">} (presentations), noting the pages whose
 * text came from OCR ({@code <div class="ocr">} inside the page). It
 * also enforces the limits from inside the parse: time, pages and characters.
 *
 * <p>Completed pages are kept in a list that another thread may copy while the parse runs (for a partial result after
 * a timeout); the page under construction belongs to the parsing thread alone.
 */
final class PageCollector extends DefaultHandler {

    record RawPage(String text, boolean ocred) {
    }

    private static final Set<String> PAGE_CLASSES = Set.of("page", "sheet", "slide-content");

    private final Metadata metadata;
    private final ParseBudget budget;
    private final IngestSettings settings;
    private final List<RawPage> pages = new ArrayList<>();

    private final StringBuilder outside = new StringBuilder();
    private StringBuilder current;
    private boolean currentOcred;
    private boolean outsideOcred;
    private volatile StopParsing stopped;
    private int depth;
    private int pageDepth = -1;
    private int bodyDepth = -1;
    private int characters;
    private boolean pageCountChecked;

    PageCollector(Metadata metadata, ParseBudget budget, IngestSettings settings) {
        this.metadata = metadata;
        this.budget = budget;
        this.settings = settings;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        checkTime();
        depth++;
        String name = localName.isEmpty() ? qName : localName;
        if ("body".equals(name) && bodyDepth < 0) {
            bodyDepth = depth;
            return;
        }
        if (!"div".equals(name)) {
            return;
        }
        String cssClass = atts.getValue("class");
        if (PAGE_CLASSES.contains(cssClass) && pageDepth < 0 && bodyDepth >= 0) {
            checkDeclaredPageCount();
            if (pages.size() >= settings.maxPages()) {
                throw stop(tooManyPages(String.format(Locale.FRANCE, "plus de %,d", settings.maxPages())));
            }
            current = new StringBuilder();
            currentOcred = false;
            pageDepth = depth;
        } else if ("ocr".equals(cssClass)) {
            if (current != null) {
                currentOcred = true;
            } else {
                outsideOcred = true;
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (depth == pageDepth && current != null) {
            synchronized (pages) {
                pages.add(new RawPage(current.toString().strip(), currentOcred));
            }
            current = null;
            pageDepth = -1;
        }
        if (depth == bodyDepth) {
            bodyDepth = -2;
        }
        depth--;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        checkTime();
        append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        append(ch, start, length);
    }

    private void append(char[] ch, int start, int length) throws SAXException {
        if (bodyDepth < 0 || length == 0) {
            return;
        }
        characters += length;
        if (characters > settings.maxCharacters()) {
            throw stop(new StopParsing(QuarantineReason.TOO_MUCH_TEXT, String.format(Locale.FRANCE,
                    "Le texte dépasse %,d caractères (limite : %,d).", settings.maxCharacters(),
                    settings.maxCharacters())));
        }
        (current != null ? current : outside).append(ch, start, length);
    }

    private void checkTime() throws SAXException {
        if (budget.expired()) {
            throw stop(new StopParsing(QuarantineReason.TIMEOUT, String.format(Locale.FRANCE,
                    "La lecture a été interrompue après %,d secondes (limite : %,d s, plus le temps accordé à l'OCR).",
                    budget.elapsedMillis() / 1000, settings.timeout().toSeconds())));
        }
    }

    /** Remembers why the parse was stopped, in case a parser swallows the exception and ends as if complete. */
    private StopParsing stop(StopParsing stop) {
        if (stopped == null) {
            stopped = stop;
        }
        return stop;
    }

    /** The limit that stopped the parse, or null when it was not stopped. */
    StopParsing stopped() {
        return stopped;
    }

    /** Refuses a PDF that declares too many pages before reading any: Tika has read its page tree by now. */
    private void checkDeclaredPageCount() throws SAXException {
        if (pageCountChecked) {
            return;
        }
        pageCountChecked = true;
        Integer declared = metadata.getInt(PagedText.N_PAGES);
        if (declared != null && declared > settings.maxPages()) {
            throw stop(tooManyPages(String.format(Locale.FRANCE, "%,d", declared)));
        }
    }

    private StopParsing tooManyPages(String count) {
        return new StopParsing(QuarantineReason.TOO_MANY_PAGES, String.format(Locale.FRANCE,
                "Le document compte %s pages (limite : %,d).", count, settings.maxPages()));
    }

    /** The pages read so far (all of them once the parse has ended), with text outside any page kept on the last. */
    List<RawPage> pages() {
        List<RawPage> copy;
        synchronized (pages) {
            copy = new ArrayList<>(pages);
        }
        String rest = outside.toString().strip();
        if (copy.isEmpty()) {
            copy.add(new RawPage(rest, outsideOcred));
        } else if (!rest.isEmpty()) {
            // Text outside the page divs (a PDF's attached files, parsed at the end) stays with the last page.
            RawPage last = copy.remove(copy.size() - 1);
            copy.add(new RawPage(last.text() + "\n\n" + rest, last.ocred()));
        }
        return copy;
    }

    /** The pages completed so far, safe to call while the parse still runs on another thread. */
    List<RawPage> completedPages() {
        synchronized (pages) {
            return new ArrayList<>(pages);
        }
    }
}
