/**
 * Letter templates and their rendering to print-ready PDF and to email text.
 * <p>
 * The templates live in the volunteer-editable {@code letter-templates/} folder (one folder per template: template.yaml
 * and body.txt, see its README.md) and are loaded once by {@link fr.lanterne.letters.LetterTemplates}.
 * {@link fr.lanterne.letters.Letters} is the entry point: it composes a {@link fr.lanterne.letters.Letter} from a
 * template and a {@link fr.lanterne.letters.LetterContext}, then renders it as an A4 PDF (PDFBox, embedded Liberation
 * Serif subset), as a campaign PDF of many letters, or as a {@link fr.lanterne.letters.LetterEmail}.
 */
@LanterneModule(
        api = {Addressee.class, CampaignPdf.class, Letter.class, LetterContext.class, LetterEmail.class,
                LetterTemplate.class, LetterTemplates.class, Letters.class, PriorRequest.class, Requester.class,
                Series.class, SeriesEntry.class, TemplateKind.class},
        uses = {"authorities", "registry", "shared"})
package fr.lanterne.letters;

import fr.lanterne.LanterneModule;
