package fr.lanterne.ingest;

import java.time.Instant;

/**
 * What a document says about itself. Every field is null when the document does not say it.
 *
 * @param title     the document's title
 * @param author    its author, as the producing software recorded it
 * @param created   when it was created
 * @param modified  when it was last modified
 * @param producer  the software that produced it (for a scan, often the scanner's)
 * @param pageCount the number of pages the document declares (PDF), or null
 */
record DocumentMetadata(String title, String author, Instant created, Instant modified, String producer,
        Integer pageCount) {

    public static final DocumentMetadata NONE = new DocumentMetadata(null, null, null, null, null, null);
}
