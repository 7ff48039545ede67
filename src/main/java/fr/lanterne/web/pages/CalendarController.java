package fr.lanterne.web.pages;

import fr.lanterne.shared.NotFoundException;
import fr.lanterne.deadlines.CalendarFeed;
import fr.lanterne.users.User;
import fr.lanterne.users.Users;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A volunteer's deadlines for their calendar app, at a secret URL (calendar apps cannot sign in). */
@Controller
class CalendarController {

    private final Users users;
    private final CalendarFeed feed;

    CalendarController(Users users, CalendarFeed feed) {
        this.users = users;
        this.feed = feed;
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> calendar(@PathVariable String token) {
        User user = users.byCalendarToken(token).orElseThrow(() -> new NotFoundException(
                "Cette adresse de calendrier n’existe pas (ou plus) : la nouvelle est sur votre page « Mon profil » "
                        + "(ou : users calendar NOM).",
                Map.of()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .body(feed.of(user.username()));
    }
}
