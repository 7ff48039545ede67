package fr.lanterne.requests;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures on the requests for the campaign's volunteers and researchers: states, response rates and delays by
 * département and by campaign, implicit refusals and referrals to the CADA month by month.
 */
@Service
public class RequestStatistics {

    private final StatisticsStore store;

    RequestStatistics(StatisticsStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public Statistics compute(StatisticsFilter filter) {
        Map<RequestStatus, Integer> states = new EnumMap<>(RequestStatus.class);
        store.countByState(filter).forEach(c -> states.put(c.status(), c.count()));

        ResponseTally overall = new ResponseTally();
        Map<String, ResponseTally> byDepartement = new HashMap<>();
        Map<Long, ResponseTally> byCampaign = new HashMap<>();
        store.sentRequests(filter, r -> {
            overall.add(r.sentOn(), r.receivedOn(), r.firstAnswerOn());
            byDepartement.computeIfAbsent(r.departement(), k -> new ResponseTally())
                    .add(r.sentOn(), r.receivedOn(), r.firstAnswerOn());
            byCampaign.computeIfAbsent(r.campaignId(), k -> new ResponseTally())
                    .add(r.sentOn(), r.receivedOn(), r.firstAnswerOn());
        });

        Map<Long, String> campaignNames = new HashMap<>();
        store.campaigns().forEach(c -> campaignNames.put(c.id(), c.name()));
        return new Statistics(filter,
                states.entrySet().stream().map(e -> new Statistics.StateCount(e.getKey(), e.getValue())).toList(),
                overall.result(null, null),
                rows(byDepartement, Comparator.nullsLast(Comparator.<String>naturalOrder()), d -> d, d -> d),
                rows(byCampaign, Comparator.nullsLast(Comparator.<Long>reverseOrder()), String::valueOf,
                        campaignNames::get),
                months(store.refusalsAndReferralsByMonth(filter)));
    }

    /** The campaigns, newest first, to filter on. */
    @Transactional(readOnly = true)
    public List<Statistics.CampaignRef> campaigns() {
        return store.campaigns();
    }

    /** The départements that have requests, to filter on. */
    @Transactional(readOnly = true)
    public List<String> departements() {
        return store.departements();
    }

    private static <K> List<Statistics.Responses> rows(Map<K, ResponseTally> tallies, Comparator<K> order,
                                                       Function<K, String> key, Function<K, String> label) {
        return tallies.keySet().stream().sorted(order)
                .map(k -> tallies.get(k).result(k == null ? null : key.apply(k), k == null ? null : label.apply(k)))
                .toList();
    }

    /** Every month from the first to the last that has one, so that a quiet month shows as zero. */
    static List<Statistics.MonthCount> months(List<StatisticsStore.MonthRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        TreeMap<YearMonth, int[]> counts = new TreeMap<>();
        for (StatisticsStore.MonthRow row : rows) {
            int[] count = counts.computeIfAbsent(row.month(), m -> new int[2]);
            count[row.type() == EventType.IMPLICITLY_REFUSED ? 0 : 1] += row.requests();
        }
        Map<YearMonth, int[]> filled = new LinkedHashMap<>();
        for (YearMonth m = counts.firstKey(); !m.isAfter(counts.lastKey()); m = m.plusMonths(1)) {
            filled.put(m, counts.getOrDefault(m, new int[2]));
        }
        List<Statistics.MonthCount> months = new ArrayList<>(filled.size());
        filled.forEach((m, c) -> months.add(new Statistics.MonthCount(m, c[0], c[1])));
        return months;
    }
}
