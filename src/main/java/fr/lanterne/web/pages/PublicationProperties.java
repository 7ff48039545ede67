package fr.lanterne.web.pages;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the public pages and the feed say of reuse.
 *
 * @param licence    the licence the published documents are offered under, named as the pages print it
 * @param licenceUrl where its text is, or null to name it without a link
 */
@ConfigurationProperties("lanterne.publication")
record PublicationProperties(@DefaultValue("Licence Ouverte / Open Licence 2.0 (Etalab)") String licence,
                             @DefaultValue("https://www.etalab.gouv.fr/licence-ouverte-open-licence/") URI licenceUrl) {

    PublicationProperties {
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
