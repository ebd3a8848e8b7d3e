package org.eldercare.planner.web.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.scenario.ScenarioDiff;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * PNG bar charts of a {@link ScenarioDiff} with JFreeChart: covered share by township/street before and after
 * ({@value #COVERAGE_PNG}) and institutional beds per 1000 elderly by township/street and county before and after
 * ({@value #BEDS_PNG}). Labels are Chinese with English; a CJK font (WenQuanYi Micro Hei, Noto CJK) is used when
 * installed, else the JDK's SansSerif (Chinese may then show as boxes). Rendering runs headless and is deterministic
 * for the same diff and fonts. Stateless.
 */
public final class ScenarioCharts {
    public static final String COVERAGE_PNG = "coverage_by_township.png";
    public static final String BEDS_PNG = "beds_per_1000.png";
    /** Chart size in pixels. */
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 560;

    private ScenarioCharts() {}

    /**
     * Writes both charts into {@code dir} (created if missing).
     *
     * @return the two paths (coverage, beds)
     * @throws UncheckedIOException when a file cannot be written
     */
    public static List<Path> write(ScenarioDiff diff, Path dir) {
        try {
            Files.createDirectories(dir);
            Path a = dir.resolve(COVERAGE_PNG);
            Path b = dir.resolve(BEDS_PNG);
            Files.write(a, png(coverageChart(diff)));
            Files.write(b, png(bedsChart(diff)));
            return List.of(a, b);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write charts to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Covered share (%) by township/street, baseline vs scenario. */
    public static JFreeChart coverageChart(ScenarioDiff d) {
        List<ScenarioDiff.UnitDelta> units = d.units().stream().filter(u -> u.level() == AdminLevel.TOWNSHIP
            || u.level() == AdminLevel.STREET).toList();
        JFreeChart c = bars("15分钟服务圈覆盖率（乡镇/街道） Covered share by township/street", "%", units,
            u -> pct(u.shareBefore()), u -> pct(u.shareAfter()), d);
        c.getCategoryPlot().getRangeAxis().setRange(0, 100);
        return c;
    }

    /** Beds per 1000 elderly by township/street and county, baseline vs scenario. */
    public static JFreeChart bedsChart(ScenarioDiff d) {
        List<ScenarioDiff.UnitDelta> units = d.units().stream().filter(u -> u.level() != AdminLevel.COMMUNITY
            && u.level() != AdminLevel.VILLAGE).toList();
        return bars("每千名老人机构床位 Beds per 1000 elderly", "床位/千人 beds per 1000", units,
            u -> finite(u.bedsPer1000Before()), u -> finite(u.bedsPer1000After()), d);
    }

    private static double pct(double share) {
        return Double.isFinite(share) ? share * 100 : 0;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static JFreeChart bars(String title, String valueAxis, List<ScenarioDiff.UnitDelta> units,
            ToDoubleFunction<ScenarioDiff.UnitDelta> before, ToDoubleFunction<ScenarioDiff.UnitDelta> after,
            ScenarioDiff d) {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("基准 " + d.before(), units.stream().mapToDouble(before).toArray());
        series.put("情景 " + d.after(), units.stream().mapToDouble(after).toArray());
        return categoryChart(title, valueAxis, units.stream().map(ScenarioDiff.UnitDelta::name).toList(), series);
    }

    /**
     * A grouped bar chart in the reports' style (CJK font, white background, flat bars, rotated labels): one group per
     * category, one bar per series.
     *
     * @param series series name → one value per category, in category order (NaN drawn as no bar)
     * @throws IllegalArgumentException when a series has a different number of values than categories
     */
    public static JFreeChart categoryChart(String title, String valueAxis, List<String> categories,
            Map<String, double[]> series) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            if (e.getValue().length != categories.size()) {
                throw new IllegalArgumentException("series '" + e.getKey() + "': expected " + categories.size()
                    + " values (one per category), was " + e.getValue().length);
            }
            for (int i = 0; i < categories.size(); i++) {
                double v = e.getValue()[i];
                ds.addValue(Double.isFinite(v) ? Double.valueOf(v) : null, e.getKey(), categories.get(i));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueAxis, ds, PlotOrientation.VERTICAL, true,
            false, false);
        String family = cjkFamily();
        chart.setTitle(new TextTitle(title, new Font(family, Font.BOLD, 18)));
        chart.getLegend().setItemFont(new Font(family, Font.PLAIN, 13));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
        plot.getDomainAxis().setTickLabelFont(new Font(family, Font.PLAIN, 12));
        plot.getDomainAxis().setCategoryLabelPositions(categories.size() > 6 ? CategoryLabelPositions.UP_45
            : CategoryLabelPositions.STANDARD);
        plot.getRangeAxis().setLabelFont(new Font(family, Font.PLAIN, 13));
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        Color[] palette = {new Color(0x9E9E9E), new Color(0x1E88E5), new Color(0xFB8C00), new Color(0x43A047),
            new Color(0x8E24AA)};
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, palette[i % palette.length]);
        }
        return chart;
    }

    /** The chart as an image ({@link #WIDTH} × {@link #HEIGHT}), e.g. for a notebook's display. */
    public static BufferedImage image(JFreeChart chart) {
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    /** The chart as PNG bytes ({@link #WIDTH} × {@link #HEIGHT}). */
    public static byte[] png(JFreeChart chart) {
        return Png.encode(chart.createBufferedImage(WIDTH, HEIGHT));
    }

    /** A font family with CJK glyphs, if installed. */
    static String cjkFamily() {
        List<String> families = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment()
            .getAvailableFontFamilyNames());
        for (String f : List.of("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC")) {
            if (families.contains(f)) {
                return f;
            }
        }
        return Font.SANS_SERIF;
    }
}
