package fr.lanterne.letters;

import fr.lanterne.shared.Paris;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The letters module's entry point: fills templates in and renders letters as print-ready PDF and as email text.
 * Templates and the font are loaded once; every method is thread-safe, so a campaign may render letters from several
 * threads with one instance.
 */
public final class Letters {


    private final LetterTemplates templates;
    private final LetterComposer composer;
    private final PdfLetterRenderer pdf;
    private final Clock clock;

    /**
     * @param clock gives "today" ({@link #today()}, for callers dating their letters) and the PDF creation date
     */
    public Letters(LetterTemplates templates, Clock clock) {
        this(templates, clock, LetterFont.packaged());
    }

    Letters(LetterTemplates templates, Clock clock, LetterFont font) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.composer = new LetterComposer(templates);
        this.pdf = new PdfLetterRenderer(font, clock);
    }

    public LetterTemplates templates() {
        return templates;
    }

    /** Today in France, the default date of a letter. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Paris.ZONE));
    }

    /**
     * Fills template {@code templateId} in with {@code context}.
     *
     * @throws fr.lanterne.shared.InvalidInputException if the template does not exist (the message lists those that do), or
     *                                           if the context lacks a value the template uses
     */
    public Letter compose(String templateId, LetterContext context) {
        return composer.compose(templateId, context);
    }

    /** The letter as a PDF file (A4, font embedded), in memory. */
    public byte[] pdf(Letter letter) {
        return pdf.render(letter);
    }

    /** Writes the letter as a PDF file to {@code out}, which stays open. */
    public void writePdf(Letter letter, OutputStream out) {
        pdf.write(letter, out);
    }

    /**
     * Merges letters already written ({@link #writePdf}) into one PDF to print, {@code target}, each letter starting
     * on a new page with its own page numbers. Keep a file to a few hundred letters (a printer's spooler, and a
     * person checking the file, will thank you).
     *
     * @param title the PDF's title ("Campagne VSA – Alpes-Maritimes – 28 novembre 2026")
     * @param rectoVerso add a blank page after each letter with an odd number of pages, so that each letter starts on
     *                   a new sheet when printed on both sides
     * @throws java.io.UncheckedIOException when a letter cannot be read or the file written
     */
    public CampaignPdf mergeForPrinting(String title, List<Path> letterFiles, boolean rectoVerso, Path target) {
        try {
            return PrintFile.merge(pdf, title, letterFiles, rectoVerso, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the print file " + target, e);
        }
    }

    /** The letter as an email: subject "[reference] subject", body as in the letter, UTF-8 plain text. */
    public LetterEmail email(Letter letter) {
        return LetterEmail.of(letter);
    }
}
