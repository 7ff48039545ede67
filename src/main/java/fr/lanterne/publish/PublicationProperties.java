package fr.lanterne.publish;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How documents are published, and what the public pages and the feed say of their reuse.
 *
 * @param reviewRequired when true, a publication asked for by one volunteer is made only once another volunteer (or an
 *                       administrator) approves it: a second look before personal data could leave
 * @param dpi            resolution of the pages rasterised in redacted versions (150 to 600)
 * @param imageDpi       resolution of the page images the editor shows
 * @param licence        the licence the published documents are offered under, named as the pages print it
 * @param licenceUrl     where its text is, or null to name it without a link
 */
@ConfigurationProperties("lanterne.publication")
public record PublicationProperties(@DefaultValue("false") boolean reviewRequired, @DefaultValue("150") int dpi,
        @DefaultValue("96") int imageDpi,
        @DefaultValue("Licence Ouverte / Open Licence 2.0 (Etalab)") String licence,
        @DefaultValue("https://www.etalab.gouv.fr/licence-ouverte-open-licence/") URI licenceUrl) {

    public PublicationProperties {
        if (dpi < 150 || dpi > 600) {
            throw new IllegalArgumentException("lanterne.publication.dpi doit être entre 150 et 600, pas " + dpi);
        }
        if (imageDpi < 36 || imageDpi > 300) {
            throw new IllegalArgumentException("lanterne.publication.image-dpi doit être entre 36 et 300, pas "
                    + imageDpi);
        }
        if (licence == null || licence.isBlank()) {
            throw new IllegalArgumentException("lanterne.publication.licence ne peut pas être vide : nommez la "
                    + "licence des documents publiés, par exemple « Licence Ouverte / Open Licence 2.0 (Etalab) ».");
        }
        licence = licence.strip();
        if (licenceUrl != null && !("https".equals(licenceUrl.getScheme()) || "http".equals(licenceUrl.getScheme()))) {
            throw new IllegalArgumentException("lanterne.publication.licence-url doit être une adresse http(s) ; "
                    + "reçu : « " + licenceUrl + " ».");
        }
    }
}
