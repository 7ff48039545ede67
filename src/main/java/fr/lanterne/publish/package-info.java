/**
 * Publication of what was obtained; for now its redaction engine: the words of each page with their positions
 * ({@link fr.lanterne.publish.DocumentWords}, PDFBox for text pages, Tesseract for scans), the personal data Lanterne
 * proposes to occult ({@link fr.lanterne.publish.RedactionProposals}) and the redacted PDF that holds nothing of what
 * was occulted ({@link fr.lanterne.publish.Redactor}: pages with a box rasterised, an invisible text layer rebuilt
 * from the remaining words, metadata and everything hidden stripped); and, in {@link fr.lanterne.publish.Publications},
 * the decisions on each document (kept in {@code publish.sql}), its redacted versions and its publication. CRPA L312-1-2: personal data are occulted
 * before publication.
 */
@LanterneModule(
        api = {DocumentWords.class, PageText.class, PageWord.class, PdfRect.class, ProposalKind.class,
                RedactedPdf.class, RedactionProposal.class, RedactionProposals.class, RedactionRefused.class,
                RedactionSettings.class, Redactor.class, SavedRule.class,
                Publications.class, PublicationProperties.class, PublicationRefused.class, PublicationState.class,
                PublishedFile.class, Redaction.class, RedactionSheet.class, RedactionStatus.class},
        uses = {"ingest", "search", "shared"})
package fr.lanterne.publish;

import fr.lanterne.LanterneModule;
