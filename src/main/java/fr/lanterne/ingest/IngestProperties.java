package fr.lanterne.ingest;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ingest settings people tune; the other limits keep their defaults ({@link IngestSettings#defaults()}).
 *
 * @param maxFileBytes largest file taken in (larger ones are kept in quarantine)
 * @param maxPages most pages in one document
 * @param timeout parsing time allowed for one file, OCR excluded
 * @param ocr whether pages without text are OCRed with Tesseract, when it is installed
 * @param ocrLanguages Tesseract languages
 * @param vocabulary the synonyms used to find technologies and vendors in documents
 */
@ConfigurationProperties("lanterne.ingest")
record IngestProperties(
        Long maxFileBytes,
        Integer maxPages,
        Duration timeout,
        @DefaultValue("true") boolean ocr,
        @DefaultValue("fra+eng") String ocrLanguages,
        @DefaultValue("config/vocabulary.yml") Path vocabulary) {

    IngestSettings settings() {
        IngestSettings d = IngestSettings.defaults();
        return new IngestSettings(maxFileBytes == null ? d.maxFileBytes() : maxFileBytes,
                maxPages == null ? d.maxPages() : maxPages, d.maxCharacters(), timeout == null ? d.timeout() : timeout,
                ocr, ocrLanguages, d.ocrTimeoutPerPage(), d.maxOcrPages(), d.pdfMemoryBytes(), d.maxArchiveDepth(),
                d.maxArchiveEntries(), d.maxExpandedBytes(), d.maxCompressionRatio(), d.maxAttachments(),
                d.maxStuckParses());
    }
}
