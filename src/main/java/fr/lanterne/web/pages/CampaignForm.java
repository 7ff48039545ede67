package fr.lanterne.web.pages;

import fr.lanterne.StoredIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/**
 * The campaign form as typed. Everything is kept as text, so that a mistake is shown next to its field with what
 * was typed; {@link CampaignPagesController} reads it into a {@link fr.lanterne.requests.NewCampaign}.
 */
class CampaignForm {

    @Size(max = 200)
    @StoredIn("campaign.name")
    private String name;
    @Size(max = 20)
    private List<@Size(max = 60) String> templates = new ArrayList<>();
    /** AUTO (email where known, post elsewhere), EMAIL or POST. */
    @Size(max = 10)
    private String channel = "AUTO";
    @Valid
    private Targets targets = new Targets();
    /** The one-time token of the launch button, issued with a dry run. */
    @Size(max = 100)
    private String token;

    /** Who to write to: the criteria add up. */
    public static class Targets {
        @Size(max = 10)
        private String departement;
        @Size(max = 12)
        private String minPopulation;
        /** Every intercommunalité with a member commune in this département. */
        @Size(max = 10)
        private String epciDepartement;
        private boolean registry;
        /** INSEE codes or authority codes, one per line, typed or pasted; an uploaded file's codes are added here. */
        // About 3,000 codes: the campaign keeps them in its selection (a TEXT column).
        @Size(max = 30_000)
        private String codes;
        private MultipartFile file;

        public String getDepartement() {
            return departement;
        }

        public void setDepartement(String departement) {
            this.departement = departement;
        }

        public String getEpciDepartement() {
            return epciDepartement;
        }

        public void setEpciDepartement(String epciDepartement) {
            this.epciDepartement = epciDepartement;
        }

        public String getMinPopulation() {
            return minPopulation;
        }

        public void setMinPopulation(String minPopulation) {
            this.minPopulation = minPopulation;
        }

        public boolean isRegistry() {
            return registry;
        }

        public void setRegistry(boolean registry) {
            this.registry = registry;
        }

        public String getCodes() {
            return codes;
        }

        public void setCodes(String codes) {
            this.codes = codes;
        }

        public MultipartFile getFile() {
            return file;
        }

        public void setFile(MultipartFile file) {
            this.file = file;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getTemplates() {
        return templates;
    }

    public void setTemplates(List<String> templates) {
        this.templates = templates == null ? new ArrayList<>() : templates;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public Targets getTargets() {
        return targets;
    }

    public void setTargets(Targets targets) {
        this.targets = targets;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
