package fi.askel.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.followup.Charts.ChartView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chart's table, written in Java rather than by a template loop per cell, is escaped and shaped as the template was. */
class ChartTableTest {

    @Test
    void rows_have_their_first_cell_as_row_header_and_text_escaped() {
        ChartView chart = new ChartView("chart-x", "Heading", "<svg/>", "Caption", List.of("Date", "Pain <0–10>"),
                List.of(List.of("1.12.2026", "4"), List.of("2.12.2026", "Tom & \"Jerry\" 'x'")), "");

        assertEquals("<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Pain &lt;0–10&gt;</th></tr></thead>"
                + "<tbody><tr><th scope=\"row\">1.12.2026</th><td>4</td></tr>"
                + "<tr><th scope=\"row\">2.12.2026</th><td>Tom &amp; &quot;Jerry&quot; &#39;x&#39;</td></tr></tbody>",
                chart.tableRows());
    }
}
