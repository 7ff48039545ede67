package fr.lanterne.letters;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.Paris;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays a {@link Letter} out on A4 pages and writes the PDF. The recipient block sits where the window of a French
 * DL envelope (window 100 × 45 mm, 20 mm from the right, 15 mm from the bottom) shows it once the page is folded in
 * three; fold marks in the left margin show where to fold. Thread-safe: each call builds its own document.
 */
final class PdfLetterRenderer {

    static final float MM = 72f / 25.4f;
    private static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();

    private static final float LEFT = 25 * MM;
    private static final float RIGHT = PAGE_WIDTH - 20 * MM;
    private static final float TEXT_WIDTH = RIGHT - LEFT;
    /** Recipient, place and date and signature start here: inside the envelope window, right half of the page. */
    private static final float RIGHT_BLOCK = 110 * MM;
    private static final float RIGHT_BLOCK_WIDTH = RIGHT - RIGHT_BLOCK;
    private static final float SENDER_WIDTH = RIGHT_BLOCK - LEFT - 5 * MM;

    private static final float SENDER_SIZE = 10;
    private static final float SENDER_LEADING = 12.5f;
    private static final float SENDER_TOP = 20 * MM;
    private static final float RECIPIENT_SIZE = 11;
    private static final float RECIPIENT_LEADING = 13.5f;
    /** Top of the first recipient line: safely inside the window whether the sheet rides up or down in the envelope. */
    private static final float RECIPIENT_TOP = 50 * MM;
    static final int RECIPIENT_MAX_LINES = 7;
    private static final float DATE_BASELINE = 97 * MM;
    private static final float BODY_SIZE = 11;
    private static final float BODY_LEADING = 14;
    private static final float PARAGRAPH_GAP = 7;
    private static final float SIGNATURE_GAP = 2 * BODY_LEADING;
    private static final float NEXT_PAGE_TOP = 25 * MM;
    /** No body line below this baseline. */
    private static final float BOTTOM = 25 * MM;
    private static final float FOOTER_SIZE = 9;
    private static final float FOOTER_BASELINE = 12 * MM;
    /** A sheet folded in three for a DL envelope folds 99 mm and 198 mm from the top. */
    private static final float[] FOLDS = {99 * MM, 198 * MM};

    static final String PRODUCER = "Lanterne";

    private final LetterFont font;
    private final Clock clock;

    PdfLetterRenderer(LetterFont font, Clock clock) {
        this.font = font;
        this.clock = clock;
    }

    /** One positioned line of text; y is the baseline, from the bottom of the page as PDF counts. */
    record Line(float x, float y, float size, String text) {
    }

    /** What one page shows, in drawing order (which is also reading order, so text extraction follows it). */
    record Page(List<Line> lines, boolean first) {
    }

    byte[] render(Letter letter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        write(letter, out);
        return out.toByteArray();
    }

    void write(Letter letter, OutputStream out) {
        List<Page> pages = layout(letter);
        TrueTypeFont ttf = font.borrow();
        try (PDDocument document = new PDDocument()) {
            PDType0Font pdfFont = PDType0Font.load(document, ttf, true);
            draw(document, pdfFont, pages);
            describe(document, letter.subject(), letter.author());
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PDF of letter " + letter.reference(), e);
        } finally {
            font.giveBack(ttf);
        }
    }

    /** The width of a placed line, for checks of the layout. */
    float width(Line line) {
        return font.width(line.text(), line.size());
    }

    /** Places every line of the letter on pages. */
    List<Page> layout(Letter letter) {
        List<List<Line>> pages = new ArrayList<>();
        List<Line> first = new ArrayList<>(80);
        pages.add(first);

        float y = PAGE_HEIGHT - SENDER_TOP - SENDER_SIZE;
        for (String line : letter.sender()) {
            for (Segment segment : wrap(line, SENDER_SIZE, SENDER_WIDTH)) {
                first.add(new Line(LEFT + segment.indent(), y, SENDER_SIZE, segment.text()));
                y -= SENDER_LEADING;
            }
        }

        List<Segment> recipient = recipientBlock(letter, letter.attention());
        if (recipient.size() > RECIPIENT_MAX_LINES && letter.attention() != null) {
            recipient = recipientBlock(letter, Letter.SHORT_PRADA_ATTENTION);
        }
        if (recipient.size() > RECIPIENT_MAX_LINES) {
            throw new InvalidInputException("L'adresse du destinataire occupe " + recipient.size() + " lignes : "
                    + RECIPIENT_MAX_LINES + " au plus tiennent dans la fenêtre de l'enveloppe. Raccourcissez-la.");
        }
        y = PAGE_HEIGHT - RECIPIENT_TOP - RECIPIENT_SIZE;
        for (Segment segment : recipient) {
            first.add(new Line(RIGHT_BLOCK + segment.indent(), y, RECIPIENT_SIZE, segment.text()));
            y -= RECIPIENT_LEADING;
        }

        y = PAGE_HEIGHT - DATE_BASELINE;
        for (Segment segment : wrap(letter.dateLine(), BODY_SIZE, RIGHT_BLOCK_WIDTH)) {
            first.add(new Line(RIGHT_BLOCK, y, BODY_SIZE, segment.text()));
            y -= BODY_LEADING;
        }
        y -= BODY_LEADING;
        for (String line : List.of(letter.referenceLine(), letter.subjectLine())) {
            // The subject's continuation lines align after "Objet : ".
            for (Segment segment : wrap(line, BODY_SIZE, TEXT_WIDTH, labelWidth(line))) {
                first.add(new Line(LEFT + segment.indent(), y, BODY_SIZE, segment.text()));
                y -= BODY_LEADING;
            }
        }
        y -= BODY_LEADING;

        Flow flow = new Flow(pages, y);
        List<String> body = letter.body();
        for (int p = 0; p < body.size(); p++) {
            List<Segment> lines = new ArrayList<>();
            for (String line : body.get(p).split("\n")) {
                lines.addAll(wrap(line, BODY_SIZE, TEXT_WIDTH));
            }
            boolean last = p == body.size() - 1;
            float signatureHeight = SIGNATURE_GAP + letter.signature().size() * BODY_LEADING;
            if (last && !flow.fits(lines.size(), signatureHeight) && flow.fitsOnNewPage(lines.size(), signatureHeight)) {
                flow.newPage(); // the closing paragraph and the signature stay together
            }
            flow.paragraph(lines);
        }
        flow.signature(letter.signature());

        List<Page> result = new ArrayList<>(pages.size());
        int total = pages.size();
        for (int i = 0; i < total; i++) {
            List<Line> lines = pages.get(i);
            if (total > 1) {
                String number = (i + 1) + "/" + total;
                lines.add(new Line(RIGHT - font.width(number, FOOTER_SIZE), FOOTER_BASELINE, FOOTER_SIZE, number));
            }
            result.add(new Page(List.copyOf(lines), i == 0));
        }
        return result;
    }

    /** The body's running position: fills pages top to bottom, avoiding a paragraph's lone first or last line. */
    private static final class Flow {

        private final List<List<Line>> pages;
        private List<Line> page;
        private float y;

        Flow(List<List<Line>> pages, float y) {
            this.pages = pages;
            this.page = pages.get(pages.size() - 1);
            this.y = y;
        }

        int room() {
            return y < BOTTOM ? 0 : (int) ((y - BOTTOM) / BODY_LEADING) + 1;
        }

        boolean fits(int lines, float extra) {
            return y - (lines - 1) * BODY_LEADING - extra >= BOTTOM;
        }

        static boolean fitsOnNewPage(int lines, float extra) {
            return PAGE_HEIGHT - NEXT_PAGE_TOP - BODY_SIZE - (lines - 1) * BODY_LEADING - extra >= BOTTOM;
        }

        void newPage() {
            page = new ArrayList<>(60);
            pages.add(page);
            y = PAGE_HEIGHT - NEXT_PAGE_TOP - BODY_SIZE;
        }

        void paragraph(List<Segment> lines) {
            int next = 0;
            while (next < lines.size()) {
                int remaining = lines.size() - next;
                int room = room();
                int take;
                if (remaining <= room) {
                    take = remaining;
                } else if (room < 2 || remaining >= 2 && room - 1 < 2 && remaining - room < 2) {
                    take = 0; // a lone first line at the foot of a page, or a lone last line on the next
                } else {
                    take = remaining - room < 2 ? room - 1 : room;
                }
                if (take == 0 && page.isEmpty()) {
                    take = Math.min(remaining, Math.max(room, 1)); // a fresh page takes what it can
                }
                for (int i = 0; i < take; i++) {
                    Segment segment = lines.get(next + i);
                    page.add(new Line(LEFT + segment.indent(), y, BODY_SIZE, segment.text()));
                    y -= BODY_LEADING;
                }
                next += take;
                if (next < lines.size()) {
                    newPage();
                }
            }
            y -= PARAGRAPH_GAP;
        }

        void signature(List<String> signature) {
            y -= SIGNATURE_GAP - PARAGRAPH_GAP;
            if (!fits(signature.size(), 0)) {
                newPage();
            }
            for (String line : signature) {
                page.add(new Line(RIGHT_BLOCK, y, BODY_SIZE, line));
                y -= BODY_LEADING;
            }
        }
    }

    /** A piece of a line after wrapping, with its indent from the block's left edge. */
    record Segment(String text, float indent) {
    }

    List<Segment> wrap(String line, float size, float width) {
        return wrap(line, size, width, listIndent(line, size));
    }

    /**
     * Breaks {@code line} at spaces (never at a no-break space) into pieces no wider than {@code width}; pieces after
     * the first are indented by {@code hanging}. A word wider than the line is cut where it must.
     */
    List<Segment> wrap(String line, float size, float width, float hanging) {
        font.checkPrintable(line);
        List<Segment> segments = new ArrayList<>(4);
        if (font.width(line, size) <= width) {
            segments.add(new Segment(line, 0));
            return segments;
        }
        float space = font.width(' ', size);
        StringBuilder current = new StringBuilder(line.length());
        float currentWidth = 0;
        int start = 0;
        int length = line.length();
        while (start < length) {
            int end = line.indexOf(' ', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                String word = line.substring(start, end);
                float wordWidth = font.width(word, size);
                float available = width - (segments.isEmpty() ? 0 : hanging);
                if (current.length() > 0 && currentWidth + space + wordWidth <= available) {
                    current.append(' ').append(word);
                    currentWidth += space + wordWidth;
                } else {
                    if (current.length() > 0) {
                        segments.add(new Segment(current.toString(), segments.isEmpty() ? 0 : hanging));
                        current.setLength(0);
                        available = width - hanging;
                    }
                    // A word longer than a whole line (a long URL) is cut into pieces that fit.
                    while (wordWidth > available && word.length() > 1) {
                        int cut = fittingPrefix(word, size, available);
                        segments.add(new Segment(word.substring(0, cut), segments.isEmpty() ? 0 : hanging));
                        word = word.substring(cut);
                        wordWidth = font.width(word, size);
                        available = width - hanging;
                    }
                    current.append(word);
                    currentWidth = wordWidth;
                }
            }
            start = end + 1;
        }
        if (current.length() > 0) {
            segments.add(new Segment(current.toString(), segments.isEmpty() ? 0 : hanging));
        }
        return segments;
    }

    private int fittingPrefix(String word, float size, float available) {
        float total = 0;
        for (int i = 0; i < word.length(); i++) {
            total += font.width(word.charAt(i), size);
            if (total > available) {
                return Math.max(i, 1);
            }
        }
        return word.length();
    }

    /** The width of a list marker ("1. ", "– ") that starts {@code line}, so wrapped lines align after it. */
    private float listIndent(String line, float size) {
        int i = 0;
        while (i < line.length() && i < 4 && Character.isDigit(line.charAt(i))) {
            i++;
        }
        if (i > 0 && i + 1 < line.length() && (line.charAt(i) == '.' || line.charAt(i) == ')')
                && line.charAt(i + 1) == ' ') {
            return font.width(line.substring(0, i + 2), size);
        }
        if (line.length() > 2 && (line.charAt(0) == '-' || line.charAt(0) == '–' || line.charAt(0) == '•')
                && line.charAt(1) == ' ') {
            return font.width(line.substring(0, 2), size);
        }
        return 0;
    }

    /** The width of "Objet : " in front of a subject, for its continuation lines. */
    private float labelWidth(String line) {
        int colon = line.indexOf(": ");
        return colon > 0 && colon < 8 ? font.width(line.substring(0, colon + 2), BODY_SIZE) : 0;
    }

    private static void draw(PDDocument document, PDType0Font pdfFont, List<Page> pages) throws IOException {
        for (Page content : pages) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                if (content.first()) {
                    stream.setLineWidth(0.3f);
                    for (float fold : FOLDS) {
                        stream.moveTo(5 * MM, PAGE_HEIGHT - fold);
                        stream.lineTo(9 * MM, PAGE_HEIGHT - fold);
                    }
                    stream.stroke();
                }
                stream.beginText();
                float size = -1;
                for (Line line : content.lines()) {
                    if (line.size() != size) {
                        size = line.size();
                        stream.setFont(pdfFont, size);
                    }
                    stream.setTextMatrix(Matrix.getTranslateInstance(line.x(), line.y()));
                    stream.showText(line.text());
                }
                stream.endText();
            }
        }
    }

    void describe(PDDocument document, String title, String author) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(GregorianCalendar.from(ZonedDateTime.now(clock.withZone(Paris.ZONE))));
        document.getDocumentCatalog().setLanguage("fr-FR");
    }

    /** The name, the attention line if any, then the address, wrapped to the window's width. */
    private List<Segment> recipientBlock(Letter letter, String attention) {
        List<Segment> block = new ArrayList<>();
        for (int i = 0; i < letter.recipient().size(); i++) {
            block.addAll(wrap(letter.recipient().get(i), RECIPIENT_SIZE, RIGHT_BLOCK_WIDTH));
            if (i == 0 && attention != null) {
                block.addAll(wrap(attention, RECIPIENT_SIZE, RIGHT_BLOCK_WIDTH));
            }
        }
        return block;
    }
}
