package fi.askel.followup;

import java.util.ArrayList;
import java.util.List;

/**
 * A small line chart drawn as inline SVG on the server: no script, no library, readable in print.
 * Each series has its own colour, line pattern and marker shape, so they can be told apart without
 * colour. The SVG is one image to assistive technology (role="img" with a title and description);
 * the page shows the same numbers as a table beside it.
 */
public final class SvgChart {

    /** A data point; {@code label} is shown when pointing at it, e.g. "12.3.2026: 8". */
    public record Point(double x, double y, String label) {}

    public record Tick(double at, String label) {}

    private record Series(String name, List<Point> points) {}

    private record Reference(double y, String label) {}

    private static final int WIDTH = 640;
    private static final int HEIGHT = 280;
    private static final int LEFT = 44;
    private static final int RIGHT = 32;
    private static final int TOP = 40;
    private static final int BOTTOM = 36;
    private static final String[] COLOURS = {"#1f5f7a", "#a3460f", "#5b3e8f", "#1d6b38"};
    private static final String[] DASHES = {"", "7 4", "2 3", "10 3 2 3"};
    private static final String GRID = "#d5dbe0";
    private static final String INK = "#1d2329";

    private final String id;
    private final String title;
    private final String description;
    private final List<Series> series = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private double xMin;
    private double xMax;
    private List<Tick> xTicks = List.of();
    private double yMin;
    private double yMax = 1;
    private List<Tick> yTicks = List.of();

    /** {@code id} must be unique on the page: it ties the title and description to the image. */
    public SvgChart(String id, String title, String description) {
        this.id = id;
        this.title = title;
        this.description = description;
    }

    public SvgChart x(double min, double max, List<Tick> ticks) {
        this.xMin = min;
        this.xMax = max;
        this.xTicks = List.copyOf(ticks);
        return this;
    }

    public SvgChart y(double min, double max, List<Tick> ticks) {
        if (max <= min) {
            throw new IllegalArgumentException("The y axis needs max > min");
        }
        this.yMin = min;
        this.yMax = max;
        this.yTicks = List.copyOf(ticks);
        return this;
    }

    /** A horizontal line with a label, e.g. the expected GAS level at T = 50. */
    public SvgChart reference(double y, String label) {
        references.add(new Reference(y, label));
        return this;
    }

    public SvgChart series(String name, List<Point> points) {
        if (series.size() == COLOURS.length) {
            throw new IllegalStateException("At most " + COLOURS.length + " series fit one chart");
        }
        series.add(new Series(name, List.copyOf(points)));
        return this;
    }

    public String render() {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" focusable=\"false\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\" font-family=\"system-ui, sans-serif\" font-size=\"12\">")
                .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>")
                .append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotWidth())
                .append("\" height=\"").append(plotHeight()).append("\" fill=\"#ffffff\" stroke=\"").append(GRID).append("\"/>");
        for (Tick t : yTicks) {
            double y = py(t.at());
            line(svg, LEFT, y, LEFT + plotWidth(), y, GRID, "", 1);
            text(svg, LEFT - 6, y + 4, "end", t.label(), INK);
        }
        for (Tick t : xTicks) {
            double x = px(t.at());
            line(svg, x, TOP + plotHeight(), x, TOP + plotHeight() + 5, INK, "", 1);
            text(svg, x, TOP + plotHeight() + 20, "middle", t.label(), INK);
        }
        line(svg, LEFT, TOP + plotHeight(), LEFT + plotWidth(), TOP + plotHeight(), INK, "", 1.5);
        line(svg, LEFT, TOP, LEFT, TOP + plotHeight(), INK, "", 1.5);
        for (Reference r : references) {
            double y = py(r.y());
            line(svg, LEFT, y, LEFT + plotWidth(), y, INK, "4 4", 1);
            text(svg, LEFT + plotWidth() - 4, y - 5, "end", r.label(), INK);
        }
        for (int i = 0; i < series.size(); i++) {
            drawSeries(svg, series.get(i), i);
        }
        legend(svg);
        return svg.append("</svg>").toString();
    }

    private void drawSeries(StringBuilder svg, Series s, int index) {
        String colour = COLOURS[index];
        if (s.points().size() > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2.5\"");
            if (!DASHES[index].isEmpty()) {
                svg.append(" stroke-dasharray=\"").append(DASHES[index]).append('"');
            }
            svg.append(" points=\"");
            for (Point p : s.points()) {
                svg.append(num(px(p.x()))).append(',').append(num(py(p.y()))).append(' ');
            }
            svg.setLength(svg.length() - 1);
            svg.append("\"/>");
        }
        for (Point p : s.points()) {
            svg.append("<g>");
            marker(svg, index, px(p.x()), py(p.y()), colour);
            svg.append("<title>").append(escape(s.name() + ", " + p.label())).append("</title></g>");
        }
    }

    private static void marker(StringBuilder svg, int index, double x, double y, String colour) {
        String paint = "fill=\"" + colour + "\" stroke=\"#ffffff\" stroke-width=\"1\"";
        switch (index) {
            case 0 -> svg.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"4.5\" ")
                    .append(paint).append("/>");
            case 1 -> svg.append("<rect x=\"").append(num(x - 4)).append("\" y=\"").append(num(y - 4))
                    .append("\" width=\"8\" height=\"8\" ").append(paint).append("/>");
            case 2 -> svg.append("<polygon points=\"").append(num(x)).append(',').append(num(y - 5.5)).append(' ')
                    .append(num(x + 5.5)).append(',').append(num(y)).append(' ').append(num(x)).append(',').append(num(y + 5.5))
                    .append(' ').append(num(x - 5.5)).append(',').append(num(y)).append("\" ").append(paint).append("/>");
            default -> svg.append("<polygon points=\"").append(num(x)).append(',').append(num(y - 5.5)).append(' ')
                    .append(num(x + 5)).append(',').append(num(y + 4.5)).append(' ').append(num(x - 5)).append(',')
                    .append(num(y + 4.5)).append("\" ").append(paint).append("/>");
        }
    }

    private void legend(StringBuilder svg) {
        double x = LEFT;
        for (int i = 0; i < series.size(); i++) {
            String colour = COLOURS[i];
            line(svg, x, 18, x + 26, 18, colour, DASHES[i], 2.5);
            marker(svg, i, x + 13, 18, colour);
            text(svg, x + 32, 22, "start", series.get(i).name(), INK);
            x += 48 + series.get(i).name().length() * 7;
        }
    }

    private double px(double x) {
        if (xMax <= xMin) {
            return LEFT + plotWidth() / 2.0;
        }
        return LEFT + (x - xMin) / (xMax - xMin) * plotWidth();
    }

    private double py(double y) {
        return TOP + plotHeight() - (y - yMin) / (yMax - yMin) * plotHeight();
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String colour, String dash,
            double width) {
        svg.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                .append(num(width)).append('"');
        if (!dash.isEmpty()) {
            svg.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        svg.append("/>");
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String text, String colour) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" fill=\"").append(colour).append("\">").append(escape(text)).append("</text>");
    }

    /** One decimal, as {@code %.1f} writes it; without a formatter, because a chart writes hundreds of them. */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
    }

    static String escape(String text) {
        return escapeTo(new StringBuilder(text.length()), text).toString();
    }

    /** Appends {@code text} to {@code out} with HTML's special characters escaped. */
    static StringBuilder escapeTo(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out;
    }
}
