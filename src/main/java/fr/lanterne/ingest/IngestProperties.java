package fr.lanterne.ingest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
record IngestProperties(
        @Positive Long maxFileBytes,
        @Positive Integer maxPages,
        Duration timeout,
        @DefaultValue("true") boolean ocr,
        @DefaultValue("fra+eng") @NotNull @Pattern(regexp = "[a-z_]+(\\+[a-z_]+)*",
                message = "des codes de langue de Tesseract joints par + (fra+eng)") String ocrLanguages,
        @DefaultValue("config/vocabulary.yml") @NotNull Path vocabulary) {

    /** Validated as a property named timeoutPositive: a parse given no time at all would quarantine every file. */
    @AssertTrue(message = "timeout doit être une durée positive (PT2M)")
    boolean isTimeoutPositive() {
        return timeout == null || !(timeout.isNegative() || timeout.isZero());
    }

    IngestSettings settings() {
        IngestSettings d = IngestSettings.defaults();
        return new IngestSettings(maxFileBytes == null ? d.maxFileBytes() : maxFileBytes,
                maxPages == null ? d.maxPages() : maxPages, d.maxCharacters(), timeout == null ? d.timeout() : timeout,
                ocr, ocrLanguages, d.ocrTimeoutPerPage(), d.maxOcrPages(), d.pdfMemoryBytes(), d.maxArchiveDepth(),
                d.maxArchiveEntries(), d.maxExpandedBytes(), d.maxCompressionRatio(), d.maxAttachments(),
                d.maxStuckParses());
    }
}
