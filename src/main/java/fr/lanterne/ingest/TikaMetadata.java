package fr.lanterne.ingest;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;

/** What Lanterne keeps of the metadata Tika reads from a file, and what that metadata says of the parse. */
final class TikaMetadata {

    private TikaMetadata() {
    }

    static DocumentMetadata of(Metadata m) {
        Integer pages = m.getInt(PagedText.N_PAGES);
        if (pages == null) {
            pages = m.getInt(Office.PAGE_COUNT);
        }
        return new DocumentMetadata(first(m, TikaCoreProperties.TITLE), first(m, TikaCoreProperties.CREATOR),
                instant(m.getDate(TikaCoreProperties.CREATED)), instant(m.getDate(TikaCoreProperties.MODIFIED)),
                producer(m), pages);
    }

    /** Whether no parser but Tika's fallbacks read the file: its type is one Tika cannot read. */
    static boolean onlyEmptyParser(Metadata metadata) {
        String[] parsedBy = metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY);
        return parsedBy.length > 0 && Arrays.stream(parsedBy).noneMatch(p -> !p.endsWith(".DefaultParser")
                && !p.endsWith(".EmptyParser"));
    }

    private static String producer(Metadata m) {
        String producer = first(m, PDF.PRODUCER);
        return producer != null ? producer : first(m, TikaCoreProperties.CREATOR_TOOL);
    }

    private static String first(Metadata m, Property property) {
        String value = m.get(property);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
