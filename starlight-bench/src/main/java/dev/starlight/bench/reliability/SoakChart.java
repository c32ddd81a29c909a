package dev.starlight.bench.reliability;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws a run's {@link Timeline} as one PNG: answers per second, latency percentiles and detector RSS over time. */
final class SoakChart {
    private SoakChart() {
    }

    static void write(List<Timeline.Row> rows, int targetRate, String title, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds"));
        // the last rows, after the final answer, are the drain's idle seconds: not part of the curve
        int end = rows.size();
        while (end > 0 && rows.get(end - 1).answeredInSecond() == 0) {
            end--;
        }
        rows = rows.subList(0, end);
        XYPlot throughput = panel("answers / s", series(rows, "answered per second", r -> r.answeredInSecond()));
        throughput.addRangeMarker(new ValueMarker(targetRate, Color.GRAY, new BasicStroke(1f)));
        plot.add(throughput, 1);
        plot.add(panel("latency ms", series(rows, "p50", Timeline.Row::p50), series(rows, "p95", Timeline.Row::p95),
                series(rows, "p99", Timeline.Row::p99)), 1);
        plot.add(panel("detector RSS MiB", series(rows, "RSS", Timeline.Row::rssMiB)), 1);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 900);
    }

    private static XYSeries series(List<Timeline.Row> rows, String name, ToDoubleFunction<Timeline.Row> value) {
        XYSeries s = new XYSeries(name);
        for (Timeline.Row r : rows) {
            double v = value.applyAsDouble(r);
            if (!Double.isNaN(v) && v >= 0) {
                s.add(r.seconds(), v);
            }
        }
        return s;
    }

    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0xd62728)};

    private static XYPlot panel(String axis, XYSeries... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.length; i++) {
            data.addSeries(series[i]);
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
        }
        XYPlot plot = new XYPlot(data, null, new NumberAxis(axis), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
