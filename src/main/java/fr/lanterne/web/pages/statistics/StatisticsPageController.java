package fr.lanterne.web.pages.statistics;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.DepartementName;
import fr.lanterne.requests.RequestStatistics;
import fr.lanterne.requests.Statistics;
import fr.lanterne.requests.StatisticsFilter;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What became of the requests, for every signed-in user, optionally for one département or one campaign. */
@Controller
class StatisticsPageController {

    private final RequestStatistics statistics;
    private final Authorities authorities;
    private final MessageSource messages;

    StatisticsPageController(RequestStatistics statistics, Authorities authorities, MessageSource messages) {
        this.statistics = statistics;
        this.authorities = authorities;
        this.messages = messages;
    }

    /** A month of the table and the chart, named in the reader's language. */
    record Month(YearMonth month, String label, int implicitRefusals, int cadaReferrals) {
    }

    @GetMapping("/statistiques")
    String statistics(@RequestParam(required = false) String departement,
                      @RequestParam(name = "campagne", required = false) String campaign, Locale locale,
                      Model model) {
        List<Statistics.CampaignRef> campaigns = statistics.campaigns();
        Long campaignId = null;
        if (campaign != null && !campaign.isBlank()) {
            campaignId = campaigns.stream().filter(c -> String.valueOf(c.id()).equals(campaign.strip()))
                    .map(Statistics.CampaignRef::id).findFirst().orElse(null);
            if (campaignId == null) {
                model.addAttribute("campaignError", message("statistics.filter.unknownCampaign", locale,
                        campaign.strip()));
            }
        }
        StatisticsFilter filter;
        try {
            filter = new StatisticsFilter(departement, campaignId);
        } catch (InvalidInputException e) {
            model.addAttribute("departementError", e.getMessage());
            filter = new StatisticsFilter(null, campaignId);
        }
        Statistics stats = statistics.compute(filter);

        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        List<Month> months = stats.byMonth().stream().map(m -> new Month(m.month(), m.month().format(monthFormat),
                m.implicitRefusals(), m.cadaReferrals())).toList();

        model.addAttribute("stats", stats);
        model.addAttribute("months", months);
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("departements", statistics.departements());
        model.addAttribute("departementNames", authorities.departements().stream()
                .collect(Collectors.toMap(DepartementName::code, DepartementName::name)));
        model.addAttribute("departement", departement == null ? "" : departement.strip());
        model.addAttribute("campaign", campaignId);
        model.addAttribute("stateChart", SvgChart.bars("chart-states", message("statistics.states.chart", locale),
                stats.byState().stream().map(s -> new SvgChart.Bar(message("requestStatus." + s.status(), locale),
                        s.count())).toList(), locale));
        if (!months.isEmpty()) {
            model.addAttribute("monthChart", SvgChart.columns("chart-months",
                    message("statistics.months.chart", locale), months.stream().map(Month::label).toList(),
                    List.of(new SvgChart.Series(message("statistics.implicitRefusals", locale),
                                    months.stream().map(Month::implicitRefusals).toList()),
                            new SvgChart.Series(message("statistics.cadaReferrals", locale),
                                    months.stream().map(Month::cadaReferrals).toList())),
                    locale));
        }
        return "statistics/statistics";
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }
}
