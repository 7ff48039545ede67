package fr.lanterne.web.pages;

import fr.lanterne.authorities.Authorities;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows: the edition of the commune list, credited in the footer; the time zone of dates. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final Authorities authorities;
    private final Clock clock;

    PageModel(Authorities authorities, Clock clock) {
        this.authorities = authorities;
        this.clock = clock;
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
