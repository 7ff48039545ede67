package fr.lanterne.web.pages.directory;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.NotFoundException;
import fr.lanterne.shared.UserError;
import fr.lanterne.web.ErrorStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Where an administrator uploads the official directory of public services (the DILA's "Annuaire de
 * l'administration", as exported from its OpenDataSoft portal) or the volunteers' list, and follows the import: the
 * page's script shows the upload's progress, then polls {@code /reglages/annuaire/{id}/etat} for the lines read,
 * then shows the report. Without JavaScript the form posts and the import's page says where it stands.
 */
@Controller
@RequestMapping("/reglages/annuaire")
class DirectoryImportController {

    private final DirectoryImports imports;
    private final DataSize maxFileSize;

    DirectoryImportController(DirectoryImports imports,
                              @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.imports = imports;
        this.maxFileSize = maxFileSize;
    }

    @GetMapping
    String page(Model model) {
        return page(model, null);
    }

    /** A script asks for JSON (the import's id and where to follow it); a plain form is sent to the import's page. */
    @PostMapping
    Object upload(@RequestParam(name = "file", required = false) MultipartFile file, Principal user,
                  @RequestHeader(name = "Accept", defaultValue = "") String accept, Model model,
                  HttpServletResponse response) throws IOException {
        boolean script = accept.contains(MediaType.APPLICATION_JSON_VALUE);
        DirectoryImports.Status started;
        try {
            started = start(file, user.getName());
        } catch (UserError e) {
            if (script) {
                return ResponseEntity.status(ErrorStatus.of(e)).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("message", e.getMessage()));
            }
            response.setStatus(ErrorStatus.of(e).value());
            return page(model, e.getMessage());
        }
        String page = "/reglages/annuaire/" + started.id();
        if (script) {
            return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("id", started.id(), "page", page, "status", page + "/etat"));
        }
        return "redirect:" + page;
    }

    @GetMapping("/{id}")
    String importPage(@PathVariable String id, Model model) {
        model.addAttribute("run", find(id));
        model.addAttribute("maxBytes", maxFileSize.toBytes());
        return "directory/import";
    }

    @GetMapping(value = "/{id}/etat", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    DirectoryImports.Status status(@PathVariable String id) {
        return find(id);
    }

    private DirectoryImports.Status start(MultipartFile file, String user) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("Choisissez un fichier à importer : l’export CSV ou JSON de "
                    + "l’Annuaire de l’administration, ou la liste CSV des bénévoles.");
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "fichier envoyé" : Path.of(file.getOriginalFilename()).getFileName().toString();
        // The upload's own temporary file goes when the request ends; the import runs longer.
        Path copy = Files.createTempFile("lanterne-annuaire-", ".upload");
        try {
            file.transferTo(copy);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return imports.start(name, copy, user);
    }

    private String page(Model model, String error) {
        model.addAttribute("recent", imports.recent());
        model.addAttribute("uploadError", error);
        model.addAttribute("maxBytes", maxFileSize.toBytes());
        return "directory/import";
    }

    private DirectoryImports.Status find(String id) {
        return imports.find(id).orElseThrow(() -> new NotFoundException("Aucun import récent n’a ce numéro : ce "
                + "serveur ne se souvient que des vingt derniers, jusqu’à son redémarrage. Les adresses importées, "
                + "elles, sont enregistrées.", Map.of("import", id)));
    }
}
