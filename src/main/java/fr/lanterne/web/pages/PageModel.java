package fr.lanterne.web.pages;

import fr.lanterne.authorities.Authorities;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows: the edition of the commune list, credited in the footer. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final Authorities authorities;

    PageModel(Authorities authorities) {
        this.authorities = authorities;
    }

    @ModelAttribute("communeEdition")
    String communeEdition() {
        return authorities.loadedEdition().orElse("?");
    }
}
