package fr.lanterne.authorities;

import fr.lanterne.shared.NotFoundException;
import java.util.Map;

public final class CommuneNotFoundException extends NotFoundException {

    private CommuneNotFoundException(String message, Map<String, Object> details) {
        super(message, details);
    }

    public static CommuneNotFoundException forInsee(String insee) {
        return new CommuneNotFoundException("Aucune commune n'a le code INSEE « " + insee
                + " » dans la liste officielle chargée. Vérifiez le code (par exemple 06088 pour Nice) ou "
                + "cherchez la commune par son nom.", Map.of("insee", insee));
    }
}
