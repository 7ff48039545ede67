package fr.lanterne.web.pages;

import fr.lanterne.shared.StoredIn;
import fr.lanterne.shared.UserError;
import fr.lanterne.requests.CampaignTargets;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewCampaign;
import fr.lanterne.requests.TargetList;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * The campaign form as typed. Everything is kept as text, so that a mistake is shown next to its field with what
 * was typed; {@link #toCampaign} reads it into a {@link NewCampaign}, every mistake on its field.
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

    /** Mistakes shown for a list of recipients; the others are counted. */
    private static final int LIST_ERRORS_SHOWN = 20;

    /**
     * The form as a campaign, or its mistakes in {@code errors}, each on its field. Codes of the recipient list are
     * checked line by line, every mistake at once; an uploaded file's codes are added to the typed list, so that
     * they are kept when the form is shown again.
     *
     * @param unknownTargets the lines of a list that name no known commune nor authority
     */
    Optional<NewCampaign> toCampaign(Errors errors, Function<TargetList, List<TargetList.Problem>> unknownTargets) {
        // Lengths are the form's constraints (@Size), already checked when it was bound.
        String name = blankToNull(this.name);
        List<String> templates = this.templates.stream().filter(t -> t != null && !t.isBlank()).toList();
        if (templates.isEmpty()) {
            errors.rejectValue("templates", "campaign.error.templates");
        }
        String channelText = this.channel == null ? "AUTO" : this.channel;
        Channel channel = switch (channelText) {
            case "EMAIL" -> Channel.EMAIL;
            case "POST" -> Channel.POST;
            default -> null;
        };
        if (channel == null && !channelText.equals("AUTO")) {
            errors.rejectValue("channel", "campaign.error.channel");
        }

        Targets targets = this.targets;
        String departement = blankToNull(targets.getDepartement());
        String epciDepartement = blankToNull(targets.getEpciDepartement());
        Integer minPopulation = null;
        String population = blankToNull(targets.getMinPopulation());
        if (population != null) {
            // "10000", "10 000" as the French write it, "10,000" as the English do.
            if (population.matches("\\d{1,3}([ \u00A0\u202F.,]\\d{3})*|\\d+")
                    && population.replaceAll("\\D", "").length() <= 9) {
                minPopulation = Integer.valueOf(population.replaceAll("\\D", ""));
            } else {
                errors.rejectValue("targets.minPopulation", "campaign.error.population");
            }
        }
        TargetList typed = TargetList.parse(targets.getCodes());
        check(typed, "targets.codes", null, errors, unknownTargets);
        List<String> codes = new ArrayList<>(typed.codes());
        MultipartFile file = targets.getFile();
        if (file != null && !file.isEmpty()) {
            TargetList uploaded = TargetList.parse(text(file));
            String fileName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? "fichier" : file.getOriginalFilename();
            if (uploaded.lines().isEmpty() && uploaded.problems().isEmpty()) {
                errors.rejectValue("targets.file", "campaign.error.file.empty", arguments(fileName), null);
            } else if (check(uploaded, "targets.file", fileName, errors, unknownTargets)) {
                codes.addAll(uploaded.codes());
                String kept = targets.getCodes() == null ? "" : targets.getCodes().stripTrailing();
                targets.setCodes((kept.isEmpty() ? "" : kept + "\n") + String.join("\n", uploaded.codes()));
            }
        }
        if (departement == null && minPopulation == null && !targets.isRegistry() && codes.isEmpty()
                && epciDepartement == null && !errors.hasFieldErrors("targets.*")) {
            errors.rejectValue("targets", "campaign.error.targets");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new NewCampaign(name, templates,
                    new CampaignTargets(List.of(), departement, minPopulation, targets.isRegistry(), codes, List.of(),
                            epciDepartement), channel));
        } catch (UserError e) {
            reject(errors, e);
            return Optional.empty();
        }
    }

    /** Puts a list's mistakes, in line order, on its field; answers whether it had none. */
    private static boolean check(TargetList list, String field, String fileName, Errors errors,
                                 Function<TargetList, List<TargetList.Problem>> unknownTargets) {
        List<TargetList.Problem> problems = new ArrayList<>(list.problems());
        problems.addAll(unknownTargets.apply(list));
        problems.sort(Comparator.comparingInt(TargetList.Problem::line));
        for (TargetList.Problem problem : problems.subList(0, Math.min(LIST_ERRORS_SHOWN, problems.size()))) {
            errors.rejectValue(field, "campaign.list", fileName == null ? problem.sentence()
                    : fileName + ", " + problem.sentence());
        }
        if (problems.size() > LIST_ERRORS_SHOWN) {
            errors.rejectValue(field, "campaign.error.list.more",
                    arguments(problems.size() - LIST_ERRORS_SHOWN), null);
        }
        return problems.isEmpty();
    }

    /** The domain's sentence, on the field it is about when its details say so. */
    static void reject(Errors errors, UserError error) {
        Map<String, Object> details = error.details();
        String field = details.containsKey("departement") ? "targets.departement"
                : details.containsKey("epciDepartement") ? "targets.epciDepartement"
                : details.containsKey("template") ? "templates"
                : details.containsKey("code") || details.containsKey("insee") ? "targets.codes"
                : null;
        if (field == null) {
            errors.reject("campaign.domain", error.getMessage());
        } else {
            errors.rejectValue(field, "campaign.domain", error.getMessage());
        }
    }

    private static String text(MultipartFile file) {
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file " + file.getOriginalFilename(), e);
        }
    }

    /** The arguments of a message. */
    private static Object[] arguments(Object... values) {
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
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
