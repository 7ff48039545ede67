package fr.lanterne.letters;

/**
 * What a merged campaign PDF holds.
 *
 * @param letterPages the pages of the letters themselves
 * @param pages all pages of the file, with the blank backs added for printing on both sides
 */
public record CampaignPdf(int letters, int letterPages, int pages) {
}
