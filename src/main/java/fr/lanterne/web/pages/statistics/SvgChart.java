package fr.lanterne.web.pages.statistics;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * Bar charts drawn on the server as inline SVG: no script, nothing fetched. Each chart is an image with its title
 * for screen readers ({@code role="img"}, {@code aria-label}, {@code <title>}); the page shows the same numbers in
 * a table. Every text is escaped here, since the page inserts the SVG as it is.
 */
final class SvgChart {

    /** One bar: its label and its value. */
    record Bar(String label, int value) {
    }

    /** One series of a column chart: its name (in the legend) and one value per category. */
    record Series(String name, List<Integer> values) {
    }

    static final String[] COLOURS = {"#b3541e", "#3b6fb6"};

    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 260;
    private static final int ROW = 26;
    private static final int BAR = 18;
    private static final int PLOT_HEIGHT = 200;

    private SvgChart() {
    }

    /** One horizontal bar per label, labels on the left, values at the end of the bars. */
    static String bars(String id, String title, List<Bar> bars, Locale locale) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        int barSpace = WIDTH - LABEL_WIDTH - 70;
        int max = bars.stream().mapToInt(Bar::value).max().orElse(0);
        int height = 10 + bars.size() * ROW + 6;
        StringBuilder svg = open(id, title, WIDTH, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 10 + i * ROW;
            int length = scale(bar.value(), max, barSpace);
            svg.append("<g class=\"chart-bar\"><title>").append(escape(bar.label())).append(colon(locale))
                    .append(numbers.format(bar.value())).append("</title>")
                    .append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + BAR - 4)
                    .append("\" text-anchor=\"end\" class=\"chart-label\">").append(escape(bar.label()))
                    .append("</text>")
                    .append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"")
                    .append(length).append("\" height=\"").append(BAR).append("\" fill=\"").append(COLOURS[0])
                    .append("\" class=\"chart-series-0\"/>")
                    .append("<text x=\"").append(LABEL_WIDTH + length + 6).append("\" y=\"").append(y + BAR - 4)
                    .append("\" class=\"chart-value\">").append(numbers.format(bar.value())).append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * For each category (a month), one column per series side by side, over a scale with gridlines; a legend names
     * the series.
     */
    static String columns(String id, String title, List<String> categories, List<Series> series, Locale locale) {
        if (series.isEmpty() || series.size() > COLOURS.length) {
            throw new IllegalArgumentException("A column chart draws 1 to " + COLOURS.length + " series");
        }
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("Series " + s.name() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        int column = 14;
        int group = series.size() * column + 14;
        int left = 48;
        int top = 34;
        int bottom = 70;
        int legendWidth = left + series.stream().mapToInt(s -> 18 + 8 * s.name().length() + 24).sum();
        int width = Math.max(Math.max(360, legendWidth), left + categories.size() * group + 10);
        int height = top + PLOT_HEIGHT + bottom;
        int max = series.stream().flatMap(s -> s.values().stream()).mapToInt(Integer::intValue).max().orElse(0);
        int step = step(max);
        int scaleTop = Math.max(step, (max + step - 1) / step * step);

        StringBuilder svg = open(id, title, width, height);
        int legendX = left;
        for (int s = 0; s < series.size(); s++) {
            svg.append("<rect x=\"").append(legendX).append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS[s]).append("\" class=\"chart-series-").append(s).append("\"/>")
                    .append("<text x=\"").append(legendX + 18).append("\" y=\"19\" class=\"chart-legend\">")
                    .append(escape(series.get(s).name())).append("</text>");
            legendX += 18 + 8 * series.get(s).name().length() + 24;
        }
        for (int tick = 0; tick <= scaleTop; tick += step) {
            int y = top + PLOT_HEIGHT - scale(tick, scaleTop, PLOT_HEIGHT);
            svg.append("<line x1=\"").append(left).append("\" x2=\"").append(width - 10).append("\" y1=\"")
                    .append(y).append("\" y2=\"").append(y).append("\" stroke=\"#d9d9de\" class=\"chart-grid\"/>")
                    .append("<text x=\"").append(left - 6).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\" class=\"chart-axis\">").append(numbers.format(tick))
                    .append("</text>");
        }
        for (int c = 0; c < categories.size(); c++) {
            int x = left + 7 + c * group;
            String category = escape(categories.get(c));
            for (int s = 0; s < series.size(); s++) {
                int value = series.get(s).values().get(c);
                int length = scale(value, scaleTop, PLOT_HEIGHT);
                svg.append("<rect x=\"").append(x + s * column).append("\" y=\"")
                        .append(top + PLOT_HEIGHT - length).append("\" width=\"").append(column - 2)
                        .append("\" height=\"").append(length).append("\" fill=\"").append(COLOURS[s])
                        .append("\" class=\"chart-series-").append(s).append("\"><title>").append(category)
                        .append(" — ").append(escape(series.get(s).name())).append(colon(locale))
                        .append(numbers.format(value)).append("</title></rect>");
            }
            int labelX = x + series.size() * column / 2;
            int labelY = top + PLOT_HEIGHT + 14;
            svg.append("<text x=\"").append(labelX).append("\" y=\"").append(labelY)
                    .append("\" text-anchor=\"end\" transform=\"rotate(-45 ").append(labelX).append(' ')
                    .append(labelY).append(")\" class=\"chart-axis\">").append(category).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** French puts a space before a colon, English does not. */
    private static String colon(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? " : " : ": ";
    }

    /** Text made safe for XML content and attribute values; characters XML cannot hold are dropped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static StringBuilder open(String id, String title, int width, int height) {
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("Not a chart id: " + id);
        }
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" id=\"")
                .append(id).append("\" aria-label=\"").append(escape(title)).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" preserveAspectRatio=\"xMinYMin meet\"><title>").append(escape(title))
                .append("</title>");
    }

    /** A length proportional to the value; a value above zero is always visible. */
    private static int scale(int value, int max, int space) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return Math.max(1, (int) Math.round((double) value * space / max));
    }

    /** A round step for about four gridlines: 1, 2, 5, 10, 20, 50… */
    static int step(int max) {
        int rough = Math.max(1, (int) Math.ceil(max / 4.0));
        int magnitude = 1;
        while (magnitude * 10 <= rough) {
            magnitude *= 10;
        }
        for (int factor : new int[] {1, 2, 5, 10}) {
            if (factor * magnitude >= rough) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
