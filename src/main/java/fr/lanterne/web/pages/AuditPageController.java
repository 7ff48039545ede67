package fr.lanterne.web.pages;

import fr.lanterne.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, for administrators: every change, who made it and when. */
@Controller
class AuditPageController {

    private final AuditLog auditLog;

    AuditPageController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/journal")
    String journal(@RequestParam(required = false) String utilisateur, Model model) {
        String username = utilisateur == null || utilisateur.isBlank() ? null : utilisateur.strip();
        model.addAttribute("entries", auditLog.recent(username, 500));
        model.addAttribute("username", username);
        return "journal";
    }
}
