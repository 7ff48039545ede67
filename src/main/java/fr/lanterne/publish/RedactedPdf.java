package fr.lanterne.publish;

/**
 * The redacted PDF and what was done to it.
 *
 * @param pdf             the new file
 * @param pages           its number of pages (the original's)
 * @param pagesRasterised pages rendered to an image because they had a box
 * @param wordsKept       words of the rasterised pages written back in the invisible text layer
 * @param wordsRemoved    words of the rasterised pages left out because a box overlaps them
 */
public record RedactedPdf(byte[] pdf, int pages, int pagesRasterised, int wordsKept, int wordsRemoved) {
}
