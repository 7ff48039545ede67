package fr.lanterne.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserDecorator;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Stands in the parse context as "the" parser, through which Tika's PDF parser sends each page it renders for OCR:
 * counts those pages (each extends the time budget), and skips OCR past the per-file limit so those pages are marked as
 * still needing it. Everything else goes straight through.
 */
final class OcrGate extends ParserDecorator {

    private static final long serialVersionUID = 1L;

    private final transient ParseBudget budget;
    private final int maxOcrPages;

    OcrGate(Parser parser, ParseBudget budget, int maxOcrPages) {
        super(parser);
        this.budget = budget;
        this.maxOcrPages = maxOcrPages;
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        String override = metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE);
        if (override != null && override.startsWith("image/ocr-")) {
            if (budget.ocrPages() >= maxOcrPages) {
                return;
            }
            budget.ocrStarted();
        }
        super.parse(stream, handler, metadata, context);
    }
}
