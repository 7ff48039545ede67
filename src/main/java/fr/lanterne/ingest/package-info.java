/**
 * Intake of the documents that come back: extraction, OCR, deduplication, matching and quarantine.
 */
package fr.lanterne.ingest;
