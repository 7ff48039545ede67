package fr.lanterne.publish;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How documents are published.
 *
 * @param reviewRequired when true, a publication asked for by one volunteer is made only once another volunteer (or an
 *                       administrator) approves it: a second look before personal data could leave
 * @param dpi            resolution of the pages rasterised in redacted versions (150 to 600)
 * @param imageDpi       resolution of the page images the editor shows
 */
@ConfigurationProperties("lanterne.publication")
public record PublicationProperties(@DefaultValue("false") boolean reviewRequired, @DefaultValue("150") int dpi,
        @DefaultValue("96") int imageDpi) {

    public PublicationProperties {
        if (dpi < 150 || dpi > 600) {
            throw new IllegalArgumentException("lanterne.publication.dpi doit être entre 150 et 600, pas " + dpi);
        }
        if (imageDpi < 36 || imageDpi > 300) {
            throw new IllegalArgumentException("lanterne.publication.image-dpi doit être entre 36 et 300, pas "
                    + imageDpi);
        }
    }
}
