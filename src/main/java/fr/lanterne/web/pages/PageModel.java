package fr.lanterne.web.pages;

import fr.lanterne.authorities.Authorities;
import fr.lanterne.letters.Letters;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows: the edition of the commune list, credited in the footer; the time zone of dates. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final Authorities authorities;
    private final Letters letters;
    private final Clock clock;

    PageModel(Authorities authorities, Letters letters, Clock clock) {
        this.authorities = authorities;
        this.letters = letters;
        this.clock = clock;
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

    @ModelAttribute("communeEdition")
    String communeEdition() {
        return authorities.loadedEdition().orElse("?");
    }
}
