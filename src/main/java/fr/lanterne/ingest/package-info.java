/**
 * Intake of the documents that come back: extraction, OCR, deduplication, matching and quarantine.
 */
@LanterneModule(
        api = {DocumentKind.class, DocumentRecords.class, Documents.class, IngestCommand.class, OcrSupport.class},
        uses = {"authorities", "cli", "registry", "requests", "shared"})
package fr.lanterne.ingest;

import fr.lanterne.LanterneModule;
