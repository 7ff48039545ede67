package fr.lanterne.web.pages;

import fr.lanterne.publish.PublicationProperties;
import fr.lanterne.web.VisitorNames;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.deadlines.DeadlineChain;
import fr.lanterne.deadlines.Deadlines;
import fr.lanterne.requests.SentLetters;
import fr.lanterne.settings.RequesterIdentity;
import fr.lanterne.settings.RequesterKind;
import fr.lanterne.settings.Settings;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of the requests that obtained something, as Alaveteli shows a request: in public mode anyone
 * reads them; signed-in users see the same page, with a link to the request's own page for those who follow it.
 *
 * <p>Who asked: the requester is shown as the association. When the identity letters are signed with is a legal
 * person, the public pages name it (its dénomination); when it is a natural person — someone of the association signing
 * in their own name — they say only « un membre de l’association », and the letter's text has that person's name,
 * addresses and every email address masked. No volunteer is named: not the owner, not who recorded a step.
 */
@Controller
class PublicRequestPagesController {

    private final PublicRequests publicRequests;
    private final SentLetters letters;
    private final Deadlines deadlines;
    private final Settings settings;
    private final Authorities authorities;
    private final PublicationProperties publication;
    private final MessageSource messages;
    private final Clock clock;
    private final VisitorNames visitorNames;

    PublicRequestPagesController(PublicRequests publicRequests, SentLetters letters, Deadlines deadlines,
                                 Settings settings, Authorities authorities, PublicationProperties publication,
                                 MessageSource messages, Clock clock, VisitorNames visitorNames) {
        this.visitorNames = visitorNames;
        this.publicRequests = publicRequests;
        this.letters = letters;
        this.deadlines = deadlines;
        this.settings = settings;
        this.authorities = authorities;
        this.publication = publication;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/demandes-publiques")
    String list(@RequestParam(required = false) String commune, @RequestParam(required = false) String departement,
                @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("listing", publicRequests.list(commune, departement, page));
        model.addAttribute("departements", authorities.departements());
        model.addAttribute("publication", publication);
        return "public/requests";
    }

    @GetMapping("/demandes-publiques/{reference}")
    String request(@PathVariable String reference, Model model, Locale locale) {
        PublicRequests.Published published = publicRequests.find(reference);
        LocalDate today = LocalDate.now(clock);
        DeadlineChain chain = deadlines.of(published.details(), today).orElse(null);
        RequesterIdentity identity = settings.requesterIdentity().orElse(null);
        String requester = requesterName(identity, locale);
        model.addAttribute("request", published.request());
        model.addAttribute("events", published.events());
        // A public page: the names files were received under may hold a person's name.
        model.addAttribute("publications", visitorNames.publications(published.publications(), locale));
        model.addAttribute("lastUpdate", published.lastUpdate());
        model.addAttribute("deadlines", chain);
        model.addAttribute("timeline", DeadlineTimeline.of(published.details(), chain, today));
        model.addAttribute("requester", requester);
        model.addAttribute("letter", letters.of(published.request().reference()).map(email -> PublicLetter.of(email,
                identity, new PublicLetter.Masks(identity != null && identity.kind() == RequesterKind.LEGAL_PERSON
                        ? message("public.letter.mask.representative", locale)
                        : message("public.letter.mask.requester", locale),
                        message("public.letter.mask.email", locale), message("public.letter.mask.address", locale))))
                .orElse(null));
        model.addAttribute("publication", publication);
        return "public/request";
    }

    /** The association's name when it signs the letters; a natural person is never named. */
    private String requesterName(RequesterIdentity identity, Locale locale) {
        if (identity != null && identity.kind() == RequesterKind.LEGAL_PERSON) {
            return identity.denomination();
        }
        return message("public.requester.member", locale);
    }

    private String message(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }
}
