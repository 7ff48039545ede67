package fr.lanterne.registry;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.StoredIn;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/** A source to add: at least a URL, a quotation or a document. */
public record SourceDraft(@Size(max = 2000) @StoredIn("deployment_source.url") String url,
                          @Size(max = 500) @StoredIn("deployment_source.title") String title,
                          @Size(max = 10_000) @StoredIn("deployment_source.quote") String quote,
                          @Size(max = 64) String documentSha256,
                          @PastOrPresent LocalDate seenOn) {

    public SourceDraft {
        url = blankToNull(url);
        title = blankToNull(title);
        quote = blankToNull(quote);
        documentSha256 = blankToNull(documentSha256);
        if (url == null && quote == null && documentSha256 == null) {
            throw new InvalidInputException("Une source doit avoir une adresse web, une citation ou un document.",
                    Map.of("field", "url"));
        }
        if (url != null) {
            checkUrl(url);
        }
        if (documentSha256 != null) {
            documentSha256 = documentSha256.toLowerCase(Locale.ROOT);
            if (!documentSha256.matches("[0-9a-f]{64}")) {
                throw new InvalidInputException("« " + documentSha256 + " » n'est pas une empreinte SHA-256 "
                        + "(64 caractères hexadécimaux).", Map.of("field", "documentSha256"));
            }
        }
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new InvalidInputException("« " + url + " » n'est pas une adresse web (http:// ou https://).",
                        Map.of("field", "url"));
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("« " + url + " » n'est pas une adresse web valide.",
                    Map.of("field", "url"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
