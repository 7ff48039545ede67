package fr.lanterne.web.pages;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.letters.Letters;
import fr.lanterne.web.WebProperties;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.time.ZoneId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page shows: the edition of the commune list, credited in the footer; the time zone of dates. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final Authorities authorities;
    private final Letters letters;
    private final Clock clock;
    private final WebProperties web;

    PageModel(Authorities authorities, Letters letters, Clock clock, WebProperties web) {
        this.authorities = authorities;
        this.letters = letters;
        this.clock = clock;
        this.web = web;
    }

    /**
     * Whether visitors without an account may read the town pages and the registry: the pages link to them for
     * visitors only then (a link to a sign-in wall is no use to someone without an account).
     */
    @ModelAttribute("publicMode")
    boolean publicMode() {
        return web.publicMode();
    }

    /** The titles of the letter templates, by id, to name a request's template. */
    @ModelAttribute("templateTitles")
    Map<String, String> templateTitles() {
        Map<String, String> titles = new HashMap<>();
        letters.templates().all().forEach(t -> titles.put(t.id(), t.title()));
        return titles;
    }

    /** The time zone dates are shown in (France's). */
    @ModelAttribute("zone")
    ZoneId zone() {
        return clock.getZone();
    }

    /**
     * This page in the other language, with its query kept (a search stays a search); relative to the context, as
     * {@code @{...}} links expect.
     */
    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(HttpServletRequest request) {
        String other = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "fr" : "en";
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return UriComponentsBuilder.fromPath(path).query(request.getQueryString())
                .replaceQueryParam("lang", other).build().toUriString();
    }

    @ModelAttribute("communeEdition")
    String communeEdition() {
        return authorities.loadedEdition().orElse("?");
    }
}
