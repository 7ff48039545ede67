package fr.lanterne.letters;

import fr.lanterne.shared.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Letters already written, merged into one PDF to print, in their order. The merged document is buffered in a
 * temporary file, and the letters' files are read from disk, until it is saved; keep a file to a few hundred letters
 * (a printer's spooler, and a person checking the file, will thank you).
 */
final class PrintFile {

    private PrintFile() {
    }

    /**
     * @param rectoVerso add a blank page after each letter with an odd number of pages, so that every letter starts on
     *                   the front of a sheet when printed on both sides
     */
    static CampaignPdf merge(PdfLetterRenderer renderer, String title, List<Path> letterFiles, boolean rectoVerso,
                             Path target) throws IOException {
        if (letterFiles.isEmpty()) {
            throw new InvalidInputException("Aucune lettre à imprimer.");
        }
        List<PDDocument> sources = new ArrayList<>(letterFiles.size());
        try (PDDocument merged = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PDFMergerUtility merger = new PDFMergerUtility();
            int letterPages = 0;
            for (Path file : letterFiles) {
                // Kept open until the merged document is saved: its pages still read from it.
                PDDocument letter = Loader.loadPDF(file.toFile());
                sources.add(letter);
                int pages = letter.getNumberOfPages();
                merger.appendDocument(merged, letter);
                letterPages += pages;
                if (rectoVerso && pages % 2 == 1) {
                    merged.addPage(new PDPage(letter.getPage(pages - 1).getMediaBox()));
                }
            }
            renderer.describe(merged, title, PdfLetterRenderer.PRODUCER);
            merged.save(target.toFile());
            return new CampaignPdf(letterFiles.size(), letterPages, merged.getNumberOfPages());
        } finally {
            for (PDDocument source : sources) {
                source.close();
            }
        }
    }
}
