package io.modelcatalog.report;

import static io.modelcatalog.report.Html.escape;
import static io.modelcatalog.report.ReportNumbers.coord;

import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The report's pictures as inline SVG: models per provider (horizontal bars, so names stay readable on a phone)
 * and input price per 1M tokens against context window for the chat models (both axes logarithmic). Every bar
 * and point carries a {@code <title>} with its numbers; text uses {@code currentColor}; provider series differ
 * in colour and in marker shape, so they stay apart in a black-and-white print.
 */
final class ReportCharts {

    /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
    private static final String[] COLOURS = {
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933"
    };

    private static final int SHAPES = 4;

    private ReportCharts() {}

    /** A provider's series style: colour and marker shape by its index among the plotted providers. */
    static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    static int shape(int index) {
        return (index + index / COLOURS.length) % SHAPES;
    }

    /** One marker centred on (x, y), about 9 units across. */
    static String marker(int index, double x, double y) {
        String fill = " fill=\"" + colour(index) + "\"";
        return switch (shape(index)) {
            case 0 -> "<circle cx=\"" + coord(x) + "\" cy=\"" + coord(y) + "\" r=\"4.5\"" + fill + "/>";
            case 1 ->
                "<rect x=\"" + coord(x - 4) + "\" y=\"" + coord(y - 4) + "\" width=\"8\" height=\"8\"" + fill + "/>";
            case 2 ->
                "<path d=\"M" + coord(x) + " " + coord(y - 5) + "L" + coord(x + 5) + " " + coord(y + 4) + "L"
                        + coord(x - 5) + " " + coord(y + 4) + "Z\"" + fill + "/>";
            default ->
                "<path d=\"M" + coord(x) + " " + coord(y - 5.5) + "L" + coord(x + 5.5) + " " + coord(y) + "L" + coord(x)
                        + " " + coord(y + 5.5) + "L" + coord(x - 5.5) + " " + coord(y) + "Z\"" + fill + "/>";
        };
    }

    /** One bar as drawn: its provider, number, and whether it is drawn shortened (with a break). */
    record Bar(String provider, int models, boolean shortened) {}

    /** The bar chart and its bars, in drawing order. */
    record Bars(String svg, List<Bar> bars) {

        boolean anyShortened() {
            return bars.stream().anyMatch(Bar::shortened);
        }
    }

    /** One provider's series on the price chart: its marker index, name and number of points. */
    record Series(int index, String provider, int points) {}

    /** The price chart and its series, in drawing order. */
    record Scatter(String svg, List<Series> series) {}

    /** Bars of model counts, largest first (ties by name); empty when no provider lists models. */
    static Optional<Bars> modelsPerProvider(List<ProviderEntry> providers) {
        List<ProviderEntry> bars = providers.stream()
                .filter(p -> !p.dataSource() && p.modelCount().isPresent())
                .sorted(Comparator.comparingInt(
                                (ProviderEntry p) -> -p.modelCount().getAsInt())
                        .thenComparing(ProviderEntry::name))
                .toList();
        if (bars.isEmpty()) {
            return Optional.empty();
        }
        int width = 400;
        int label = 112;
        int valueRoom = 56;
        int row = 22;
        int top = 6;
        int height = top * 2 + bars.size() * row;
        // one list far longer than all others (featherless' thousands) would flatten every other bar: its bar is
        // drawn broken, at a little more than the second longest, and the scale follows the second
        int first = bars.get(0).modelCount().getAsInt();
        int second = bars.size() > 1 ? bars.get(1).modelCount().getAsInt() : 0;
        boolean broken = second > 0 && first > 3 * second;
        double max = Math.max(1, broken ? second * 1.25 : first);
        double scale = (width - label - valueRoom) / max;
        List<Bar> drawn = new ArrayList<>();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"mcr-chart mcr-bars\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"mcr-bars-title\">")
                .append("<title id=\"mcr-bars-title\">Models per provider</title>");
        for (int i = 0; i < bars.size(); i++) {
            ProviderEntry p = bars.get(i);
            int n = p.modelCount().getAsInt();
            double y = top + i * row;
            boolean cut = broken && i == 0;
            double w = cut ? max * scale : Math.max(n == 0 ? 0 : 1.5, n * scale);
            drawn.add(new Bar(p.name(), n, cut));
            String name = escape(p.name());
            svg.append("<g><title>")
                    .append(name)
                    .append(": ")
                    .append(ReportNumbers.tokens(n))
                    .append(n == 1 ? " model" : " models")
                    .append("</title><a href=\"#mcr-p-")
                    .append(name)
                    .append("\"><text x=\"")
                    .append(label - 6)
                    .append("\" y=\"")
                    .append(coord(y + 15))
                    .append("\" text-anchor=\"end\">")
                    .append(name)
                    .append("</text><rect x=\"")
                    .append(label)
                    .append("\" y=\"")
                    .append(coord(y + 4))
                    .append("\" width=\"")
                    .append(coord(w))
                    .append("\" height=\"14\" fill=\"#0072B2\"/>")
                    .append(cut ? breakMark(label + w * 0.8, y + 4) : "")
                    .append("</a><text x=\"")
                    .append(coord(label + w + 5))
                    .append("\" y=\"")
                    .append(coord(y + 15))
                    .append("\">")
                    .append(ReportNumbers.tokens(n))
                    .append("</text></g>");
        }
        svg.append("</svg>");
        return Optional.of(new Bars(svg.toString(), List.copyOf(drawn)));
    }

    /** Two white slashes across a bar: the bar is shortened. */
    private static String breakMark(double x, double top) {
        return "<path class=\"mcr-break\" d=\"M" + coord(x - 3) + " " + coord(top + 16) + "L" + coord(x + 1) + " "
                + coord(top - 2) + "M" + coord(x + 2) + " " + coord(top + 16) + "L" + coord(x + 6) + " "
                + coord(top - 2) + "\" stroke=\"#fff\" stroke-width=\"2.5\" fill=\"none\"/>";
    }

    /** Whether a model belongs on the price chart: a chat model, or one whose provider does not state its kind. */
    static boolean chatLike(ModelFacts m) {
        return m.kind() == null || m.kind() == ModelKind.CHAT;
    }

    /** A point of the price chart. */
    record Point(int series, String provider, ModelFacts model) {}

    /** The chat models that have both a context window and an input price, with the series of their provider. */
    static List<Point> pricePoints(List<ProviderEntry> providers) {
        List<Point> points = new ArrayList<>();
        int series = 0;
        for (ProviderEntry p : providers) {
            boolean any = false;
            for (ModelFacts m : p.models()) {
                if (chatLike(m)
                        && m.contextWindow() != null
                        && m.contextWindow() > 0
                        && m.inputPrice() != null
                        && m.inputPrice().signum() >= 0) {
                    points.add(new Point(series, p.name(), m));
                    any = true;
                }
            }
            if (any) {
                series++;
            }
        }
        return points;
    }

    /** Input price per 1M tokens (log) against context window (log2); free models on a band of their own. */
    static Optional<Scatter> priceAgainstContext(List<Point> points) {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        int width = 600;
        int height = 380;
        int left = 62;
        int right = 14;
        int top = 12;
        int bottom = 50;
        boolean anyFree = points.stream().anyMatch(p -> p.model().inputPrice().signum() == 0);
        boolean anyPaid = points.stream().anyMatch(p -> p.model().inputPrice().signum() > 0);
        int freeBand = anyFree ? 36 : 0;

        long minCtx =
                points.stream().mapToLong(p -> p.model().contextWindow()).min().orElseThrow();
        long maxCtx =
                points.stream().mapToLong(p -> p.model().contextWindow()).max().orElseThrow();
        int x0 = floorLog2(minCtx);
        int x1 = Math.max(x0 + 1, ceilLog2(maxCtx));
        int y0 = 0;
        int y1 = 1;
        if (anyPaid) {
            double minPrice = points.stream()
                    .filter(p -> p.model().inputPrice().signum() > 0)
                    .mapToDouble(p -> p.model().inputPrice().doubleValue())
                    .min()
                    .orElseThrow();
            double maxPrice = points.stream()
                    .mapToDouble(p -> p.model().inputPrice().doubleValue())
                    .max()
                    .orElseThrow();
            y0 = (int) Math.floor(Math.log10(minPrice) + 1e-9);
            y1 = Math.max(y0 + 1, (int) Math.ceil(Math.log10(maxPrice) - 1e-9));
        }
        double plotLeft = left;
        double plotRight = width - right;
        double plotTop = top;
        double plotBottom = height - bottom - freeBand;
        double fx0 = x0;
        double fx1 = x1;
        double fy0 = y0;
        double fy1 = y1;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"mcr-chart mcr-scatter\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"mcr-scatter-title mcr-scatter-desc\">")
                .append("<title id=\"mcr-scatter-title\">Input price per 1M tokens against context window</title>")
                .append("<desc id=\"mcr-scatter-desc\">")
                .append(points.size())
                .append(points.size() == 1 ? " chat model" : " chat models")
                .append("; both axes logarithmic; each point's numbers are in its tooltip and in the tables.</desc>");

        // grid and ticks
        svg.append("<g class=\"mcr-grid\">");
        int step = (x1 - x0) > 10 ? 2 : 1;
        for (int e = x0; e <= x1; e += step) {
            double x = plotLeft + (e - fx0) / (fx1 - fx0) * (plotRight - plotLeft);
            svg.append(line(x, plotTop, x, height - bottom))
                    .append(text(x, height - bottom + 16, "middle", ReportNumbers.tokensShort(1L << e)));
        }
        if (anyPaid) {
            for (int e = y0; e <= y1; e++) {
                double y = plotBottom - (e - fy0) / (fy1 - fy0) * (plotBottom - plotTop);
                svg.append(line(plotLeft, y, plotRight, y)).append(text(plotLeft - 6, y + 4, "end", "$" + decade(e)));
            }
        }
        if (anyFree) {
            double y = height - bottom - 12;
            svg.append("<line class=\"mcr-free\" x1=\"" + coord(plotLeft) + "\" y1=\"" + coord(y) + "\" x2=\""
                            + coord(plotRight) + "\" y2=\"" + coord(y) + "\"/>")
                    .append(text(plotLeft - 6, y + 4, "end", "free"));
        }
        svg.append("</g>");
        svg.append("<g class=\"mcr-axis\">")
                .append(line(plotLeft, height - bottom, plotRight, height - bottom))
                .append(line(plotLeft, plotTop, plotLeft, height - bottom))
                .append(text((plotLeft + plotRight) / 2, height - 10, "middle", "context window (tokens)"))
                .append("<text transform=\"translate(14 ")
                .append(coord((plotTop + plotBottom) / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">input USD per 1M tokens</text></g>");

        svg.append("<g class=\"mcr-points\">");
        for (Point p : points) {
            ModelFacts m = p.model();
            double lx = Math.log(m.contextWindow()) / Math.log(2);
            double x = plotLeft + (lx - fx0) / (fx1 - fx0) * (plotRight - plotLeft);
            double y;
            if (m.inputPrice().signum() == 0) {
                y = height - bottom - 12;
            } else {
                double ly = Math.log10(m.inputPrice().doubleValue());
                y = plotBottom - (ly - fy0) / (fy1 - fy0) * (plotBottom - plotTop);
            }
            svg.append("<g><title>")
                    .append(escape(p.provider() + " · " + m.id()))
                    .append(": ")
                    .append(ReportNumbers.tokens(m.contextWindow()))
                    .append(" tokens, $")
                    .append(ReportNumbers.price(m.inputPrice()))
                    .append(" in");
            if (m.outputPrice() != null) {
                svg.append(" / $").append(ReportNumbers.price(m.outputPrice())).append(" out");
            }
            svg.append(" per 1M</title>").append(marker(p.series(), x, y)).append("</g>");
        }
        svg.append("</g></svg>");
        List<Series> series = new ArrayList<>();
        for (Point p : points) {
            Series last = series.isEmpty() ? null : series.get(series.size() - 1);
            if (last != null && last.index() == p.series()) {
                series.set(series.size() - 1, new Series(last.index(), last.provider(), last.points() + 1));
            } else {
                series.add(new Series(p.series(), p.provider(), 1));
            }
        }
        return Optional.of(new Scatter(svg.toString(), List.copyOf(series)));
    }

    private static String decade(int e) {
        return BigDecimal.ONE.scaleByPowerOfTen(e).stripTrailingZeros().toPlainString();
    }

    private static int floorLog2(long n) {
        return 63 - Long.numberOfLeadingZeros(n);
    }

    private static int ceilLog2(long n) {
        int f = floorLog2(n);
        return (1L << f) == n ? f : f + 1;
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + coord(x1) + "\" y1=\"" + coord(y1) + "\" x2=\"" + coord(x2) + "\" y2=\"" + coord(y2)
                + "\"/>";
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + coord(x) + "\" y=\"" + coord(y) + "\" text-anchor=\"" + anchor + "\">" + escape(content)
                + "</text>";
    }
}
