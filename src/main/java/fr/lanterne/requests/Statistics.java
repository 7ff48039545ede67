package fr.lanterne.requests;

import java.time.YearMonth;
import java.util.List;

/**
 * What became of the requests: how many are in each state, how often and how fast authorities answer, and the
 * implicit refusals and referrals to the CADA month by month.
 *
 * @param overall the response rate and delay of every request the filter keeps
 * @param byDepartement one row per département of the authority, in code order
 * @param byCampaign one row per campaign, newest first; requests made one by one share a row with a null key
 * @param byMonth every month from the first to the last with an implicit refusal or a referral, empty ones included
 */
public record Statistics(StatisticsFilter filter, List<StateCount> byState, Responses overall,
                         List<Responses> byDepartement, List<Responses> byCampaign, List<MonthCount> byMonth) {

    public Statistics {
        byState = List.copyOf(byState);
        byDepartement = List.copyOf(byDepartement);
        byCampaign = List.copyOf(byCampaign);
        byMonth = List.copyOf(byMonth);
    }

    public int total() {
        return byState.stream().mapToInt(StateCount::count).sum();
    }

    public record StateCount(RequestStatus status, int count) {
    }

    /**
     * How a group of requests was answered. An answer is a complete or partial communication or an express refusal
     * (after the CADA too), whatever came first; silence is not one.
     *
     * @param key the département code or the campaign id, null for requests outside any
     * @param label the campaign's name; for a département, its code
     * @param sent the requests sent
     * @param answered those answered at least once
     * @param medianDays median of the days from receipt (else sending) to the first answer; null when none answered
     */
    public record Responses(String key, String label, int sent, int answered, Double medianDays) {

        /** The share of sent requests that were answered, from 0 to 1; null when none was sent. */
        public Double rate() {
            return sent == 0 ? null : (double) answered / sent;
        }
    }

    /** Requests that became implicit refusals, and requests referred to the CADA, in one month. */
    public record MonthCount(YearMonth month, int implicitRefusals, int cadaReferrals) {
    }

    /** A campaign, to choose from. */
    public record CampaignRef(long id, String name) {
    }
}
