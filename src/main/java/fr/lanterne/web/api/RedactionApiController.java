package fr.lanterne.web.api;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.StoredIn;
import fr.lanterne.publish.PageText;
import fr.lanterne.publish.PdfRect;
import fr.lanterne.publish.PublicationRefused;
import fr.lanterne.publish.PublicationState;
import fr.lanterne.publish.Publications;
import fr.lanterne.publish.RedactionSheet;
import fr.lanterne.publish.SavedRule;
import fr.lanterne.users.PublicAddress;
import fr.lanterne.web.AuditDetail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What a document occults before it is published, and its publication (issue 15). Each address is served twice: under
 * {@code /api} for clients with HTTP Basic, and under {@code /documents} for the editor of the document page, which
 * sends its session and CSRF token. Volunteers and administrators change; researchers read.
 */
@RestController
class RedactionApiController {

    private final Publications publications;
    private final PublicAddress publicAddress;

    RedactionApiController(Publications publications, PublicAddress publicAddress) {
        this.publications = publications;
        this.publicAddress = publicAddress;
    }

    @GetMapping({"/api/documents/{sha256}/redactions", "/documents/{sha256}/redactions"})
    RedactionSheet redactions(@PathVariable String sha256) {
        return publications.sheet(sha256);
    }

    /**
     * A box to occult, drawn by hand ({@code page, x, y, width, height}: points, origin at the top left of the page as
     * displayed), or a decision on a proposal ({@code proposal, decision}: "accept" or "reject").
     */
    record RedactionChange(Integer page, Double x, Double y, Double width, Double height, Long proposal,
                           @Size(max = 10) String decision) {
    }

    @PostMapping({"/api/documents/{sha256}/redactions", "/documents/{sha256}/redactions"})
    RedactionSheet change(@PathVariable String sha256, @Valid @RequestBody RedactionChange body, Principal user,
                          HttpServletRequest request) {
        if (body.proposal() != null || body.decision() != null) {
            if (body.proposal() == null) {
                throw new InvalidInputException("Indiquez la proposition décidée : « proposal » (son numéro).",
                        Map.of("field", "proposal"));
            }
            boolean accept = decision(body.decision());
            AuditDetail.note(request, "occultation : proposition " + body.proposal() + (accept ? " acceptée"
                    : " rejetée"));
            return publications.decide(sha256, body.proposal(), accept, user.getName());
        }
        PdfRect box = box(body);
        AuditDetail.note(request, String.format(java.util.Locale.FRANCE,
                "occultation : zone dessinée page %d (%.0f, %.0f, %.0f × %.0f points)", box.page(), box.x(), box.y(),
                box.width(), box.height()));
        return publications.addBox(sha256, box, user.getName());
    }

    @PostMapping({"/api/documents/{sha256}/redactions/accept-all", "/documents/{sha256}/redactions/accept-all"})
    RedactionSheet acceptAll(@PathVariable String sha256, Principal user, HttpServletRequest request) {
        AuditDetail.note(request, "occultation : toutes les propositions en attente acceptées");
        return publications.acceptAll(sha256, user.getName());
    }

    /** @param pattern true for a regular expression, false (the default) for a term matched whole-word */
    record RuleForm(@NotBlank @Size(max = 500) @StoredIn("redaction_rule.text") String text, Boolean pattern) {
    }

    /** Saves a rule for every document, and proposes at once what it finds in this one. */
    @PostMapping({"/api/documents/{sha256}/redactions/rules", "/documents/{sha256}/redactions/rules"})
    RedactionSheet saveRule(@PathVariable String sha256, @Valid @RequestBody RuleForm body, Principal user,
                            HttpServletRequest request) {
        boolean pattern = Boolean.TRUE.equals(body.pattern());
        SavedRule rule;
        try {
            rule = new SavedRule(body.text(), pattern);
        } catch (IllegalArgumentException e) {
            throw PublicationRefused.badRule(body.text());
        }
        AuditDetail.note(request, "occultation : règle enregistrée (" + (pattern ? "expression" : "terme") + ")");
        return publications.saveRule(rule, sha256, user.getName()).orElseThrow();
    }

    @GetMapping("/api/redaction-rules")
    List<SavedRule> rules() {
        return publications.rules();
    }

    /** @param asReceived true when the document has nothing to occult: it is published as it was received */
    record PublishRequest(Boolean asReceived) {
    }

    /**
     * @param status    PUBLISHED, or AWAITING_REVIEW while another volunteer must approve it
     * @param publicUrl the published file's address, which visitors open in public mode (null while awaiting review)
     */
    record PublicationView(String sha256, String status, boolean asReceived, Long version, String publicUrl,
                           String requestedBy, String approvedBy, Instant publishedAt) {
    }

    @PostMapping({"/api/documents/{sha256}/publish", "/documents/{sha256}/publish"})
    ResponseEntity<PublicationView> publish(@PathVariable String sha256,
                                            @RequestBody(required = false) PublishRequest body, Principal user,
                                            HttpServletRequest request) {
        boolean asReceived = body != null && Boolean.TRUE.equals(body.asReceived());
        AuditDetail.note(request, asReceived ? "publication telle que reçue (rien à occulter)"
                : "publication de la version occultée");
        PublicationState state = publications.publish(sha256, asReceived, user.getName());
        String url = state.published() ? publicUrl(state.sha256()) : null;
        return ResponseEntity.status(state.published() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(new PublicationView(state.sha256(), state.status().name(), state.asReceived(),
                        state.versionId(), url, state.requestedBy(), state.approvedBy(),
                        state.published() ? state.approvedAt() : null));
    }

    @GetMapping({"/api/documents/{sha256}/words", "/documents/{sha256}/words"})
    List<PageText> words(@PathVariable String sha256) {
        return publications.words(sha256);
    }

    /** A page as an image for the editor; the file never changes, so the browser may keep it. */
    @GetMapping({"/api/documents/{sha256}/pages/{number}/image", "/documents/{sha256}/pages/{number}/image"})
    ResponseEntity<byte[]> pageImage(@PathVariable String sha256, @PathVariable int number) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .body(publications.pageImage(sha256, number));
    }

    private String publicUrl(String sha256) {
        String path = "/documents/" + sha256 + "/fichier";
        return publicAddress.link(path)
                .orElseGet(() -> ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString());
    }

    private static boolean decision(String decision) {
        if ("accept".equals(decision)) {
            return true;
        }
        if ("reject".equals(decision)) {
            return false;
        }
        throw new InvalidInputException("« decision » vaut « accept » (occulter) ou « reject » (laisser), rien "
                + "d’autre.", Map.of("field", "decision"));
    }

    private static PdfRect box(RedactionChange body) {
        if (body.page() == null || body.x() == null || body.y() == null || body.width() == null
                || body.height() == null) {
            throw new InvalidInputException("Envoyez une zone (« page », « x », « y », « width », « height », en "
                    + "points depuis le coin supérieur gauche) ou une décision (« proposal », « decision »).",
                    Map.of());
        }
        if (body.page() < 1) {
            throw new InvalidInputException("Les pages sont numérotées à partir de 1.", Map.of("field", "page"));
        }
        if (!(body.width() > 0 && body.height() > 0) || body.width() > 100_000 || body.height() > 100_000
                || Math.abs(body.x()) > 100_000 || Math.abs(body.y()) > 100_000) {
            throw new InvalidInputException("Une zone à occulter a une largeur et une hauteur positives, dans la "
                    + "page.", Map.of("field", "width"));
        }
        return new PdfRect(body.page(), body.x().floatValue(), body.y().floatValue(), body.width().floatValue(),
                body.height().floatValue());
    }
}
