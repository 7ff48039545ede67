package fr.lanterne.deadlines;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * French public holidays by département, from jollyday: the 11 national days, plus Good Friday and 26 December in
 * Moselle, Bas-Rhin and Haut-Rhin, plus each overseas territory's own days (abolition of slavery...). Only days
 * jollyday classes as public holidays count; observances (Mayotte's optional Islamic feasts) do not.
 * Thread-safe; holidays are cached per year and département.
 */
final class PublicHolidays {

    private record Key(int year, Departement departement) {
    }

    private final ConcurrentMap<HolidayCalendar, HolidayManager> managers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, SortedMap<LocalDate, String>> cache = new ConcurrentHashMap<>();

    /** The public holidays of one year in one département, with their French names. */
    public SortedMap<LocalDate, String> holidays(Year year, Departement departement) {
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(departement, "departement");
        return cache.computeIfAbsent(new Key(year.getValue(), departement), key -> load(year, departement));
    }

    public Optional<String> holidayName(LocalDate date, Departement departement) {
        return Optional.ofNullable(holidays(Year.of(date.getYear()), departement).get(date));
    }

    public boolean isHoliday(LocalDate date, Departement departement) {
        return holidays(Year.of(date.getYear()), departement).containsKey(date);
    }

    /** Not a Saturday, a Sunday or a public holiday: the days CPC art. 642 does not let a deadline end on. */
    public boolean isWorkingDay(LocalDate date, Departement departement) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isHoliday(date, departement);
    }

    /** The date itself if it is a working day, else the first working day after it (CPC art. 642). */
    public LocalDate workingDayOnOrAfter(LocalDate date, Departement departement) {
        LocalDate day = date;
        while (!isWorkingDay(day, departement)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The first working day strictly after the date. */
    public LocalDate nextWorkingDay(LocalDate date, Departement departement) {
        return workingDayOnOrAfter(date.plusDays(1), departement);
    }

    private SortedMap<LocalDate, String> load(Year year, Departement departement) {
        HolidayManager manager = managers.computeIfAbsent(departement.holidayCalendar(),
                calendar -> HolidayManager.getInstance(ManagerParameters.create(calendar)));
        SortedMap<LocalDate, String> days = new TreeMap<>();
        for (Holiday holiday : manager.getHolidays(year, HolidayType.PUBLIC_HOLIDAY, departement.holidaySubdivision())) {
            days.put(holiday.getDate(), holiday.getDescription(Locale.FRENCH));
        }
        return Collections.unmodifiableSortedMap(days);
    }
}
