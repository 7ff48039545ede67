package fr.lanterne.web.api;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Commune;
import fr.lanterne.authorities.CommuneNotFoundException;
import fr.lanterne.authorities.ContactDetails;
import fr.lanterne.authorities.ContactImportReport;
import fr.lanterne.web.AddressForm;
import fr.lanterne.web.api.AuthorityViews.AuthorityView;
import fr.lanterne.web.api.AuthorityViews.CommuneView;
import fr.lanterne.web.api.AuthorityViews.EpciView;
import fr.lanterne.web.api.AuthorityViews.SearchResultView;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/authorities")
class AuthorityApiController {

    private final Authorities authorities;
    private final MessageSource messages;

    AuthorityApiController(Authorities authorities, MessageSource messages) {
        this.authorities = authorities;
        this.messages = messages;
    }

    /**
     * Communes matching a name, an INSEE code or a postal code, and intercommunalités matching a name or a SIREN,
     * best match first; {@code kind} tells them apart (EPCI for an intercommunalité).
     */
    @GetMapping
    List<SearchResultView> search(@RequestParam String q, @RequestParam(defaultValue = "20") int limit) {
        return authorities.searchWithEpci(q, limit).stream()
                .map(hit -> hit.commune() != null ? (SearchResultView) CommuneView.of(hit.commune(), null, null)
                        : EpciView.of(hit.epci(), false, null))
                .toList();
    }

    /** An intercommunalité by its SIREN, with its member communes. */
    @GetMapping("/epci/{siren}")
    EpciView epci(@PathVariable String siren) {
        var epci = authorities.epci(siren);
        return EpciView.of(epci, true, authorities.findAuthority(epci.authorityCode()).orElse(null));
    }

    /**
     * A commune with its town hall and the bodies above it. A code that disappeared in a merger redirects to the
     * commune that took it over.
     */
    @GetMapping("/{insee}")
    ResponseEntity<CommuneView> commune(@PathVariable String insee) {
        Optional<Commune> commune = authorities.findCommune(insee);
        if (commune.isEmpty() || !commune.get().current()) {
            Optional<String> successor = authorities.successorOf(insee);
            if (successor.isPresent()) {
                return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                        .location(URI.create("/api/authorities/" + successor.get()))
                        .build();
            }
        }
        Commune found = commune.orElseThrow(() -> CommuneNotFoundException.forInsee(insee));
        return ResponseEntity.ok(CommuneView.of(found, authorities.townHall(found.insee()),
                authorities.bodiesAbove(found), authorities.epciOf(found.insee()).orElse(null)));
    }

    /**
     * Any authority by its code: mairie-06088, prefecture-06, region-93, epci-200030195, ratp, cada... with its
     * PRADA and publication duties where Lanterne can tell them (town halls, intercommunalités).
     */
    @GetMapping("/by-code/{code}")
    AuthorityView authority(@PathVariable String code) {
        var authority = authorities.authorityByCode(code);
        return AuthorityView.of(authority, authorities.duties(authority));
    }

    @GetMapping("/by-code/{code}/contact-history")
    List<Authorities.Provenanced> contactHistory(@PathVariable String code) {
        return authorities.contactHistory(code);
    }

    /**
     * An address typed by a volunteer, checked as the town page's form checks it; it takes precedence over imported
     * ones, which stay in the history. A mistake answers 400 with, in {@code fields}, each field's sentence.
     */
    @PutMapping("/by-code/{code}/contact")
    AuthorityView setContact(@PathVariable String code, @Valid @RequestBody AddressForm request, BindingResult errors,
                             Principal user, Locale locale) {
        authorities.authorityByCode(code);
        ContactDetails details = request.toDetails(null, errors);
        if (details == null) {
            Map<String, Object> fields = new LinkedHashMap<>();
            errors.getFieldErrors().forEach(e -> fields.putIfAbsent(e.getField(), messages.getMessage(e, locale)));
            String first = errors.getAllErrors().stream().findFirst().map(e -> messages.getMessage(e, locale))
                    .orElseThrow();
            throw new InvalidInputException(first, Map.of("fields", fields));
        }
        return AuthorityView.of(authorities.setContact(code, details, user.getName()));
    }

    /** The same import as {@code authorities import-contacts FILE}, for a file uploaded as {@code file}. */
    @PostMapping("/contacts")
    ContactImportReport importContacts(@RequestPart("file") MultipartFile file, Principal user) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("Le fichier envoyé est vide.");
        }
        try (InputStream in = file.getInputStream()) {
            return authorities.importContacts(file.getOriginalFilename() == null ? "fichier envoyé"
                    : file.getOriginalFilename(), in, user.getName());
        }
    }
}
