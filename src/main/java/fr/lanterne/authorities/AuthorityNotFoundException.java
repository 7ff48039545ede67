package fr.lanterne.authorities;

import fr.lanterne.shared.NotFoundException;
import java.util.Map;

final class AuthorityNotFoundException extends NotFoundException {

    private AuthorityNotFoundException(String message, Map<String, Object> details) {
        super(message, details);
    }

    public static AuthorityNotFoundException forCode(String code) {
        return new AuthorityNotFoundException("Aucun organisme n'a le code « " + code + " ». Les mairies ont pour "
                + "code « mairie- » suivi du code INSEE (mairie-06088), les préfectures « prefecture- » suivi du "
                + "département (prefecture-06).", Map.of("code", code));
    }
}
