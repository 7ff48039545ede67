package fr.lanterne.web.api;

import fr.lanterne.deadlines.DateInput;
import fr.lanterne.deadlines.DeadlineChain;
import fr.lanterne.deadlines.Deadlines;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeadlineApiController {

    private final Deadlines deadlines;

    DeadlineApiController(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** The same chain as {@code deadlines explain --json}. */
    @GetMapping("/api/deadlines/explain")
    DeadlineChain explain(@RequestParam String received, @RequestParam String insee,
                          @RequestParam(required = false) String refused,
                          @RequestParam(required = false) String cadaRegistered) {
        return deadlines.explain(DateInput.parse(received, "date de réception"), insee,
                refused == null ? null : DateInput.parse(refused, "date du refus"),
                cadaRegistered == null ? null : DateInput.parse(cadaRegistered, "date d'enregistrement par la CADA"));
    }
}
