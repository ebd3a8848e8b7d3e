package org.eldercare.planner.web.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.coverage.SpatialGap;
import org.eldercare.planner.coverage.UnitCoverage;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.PlanningData;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A static PNG map of a coverage report: communities/villages shaded by covered share (white 0% → blue 100%, grey
 * without elderly), township/street boundaries, spatial gaps in red outline, and facilities as dots (institutions
 * larger). Facilities whose id maps to {@code added} or {@code chosen} / {@code moved} / {@code closed} in {@code changes} are drawn
 * green / orange / as a black cross (closed ones from {@code base}). Plate carrée scaled by cos(latitude) at the data's centre, which is close enough
 * for a county-sized picture; no basemap. Deterministic for the same inputs and fonts. Stateless.
 */
public final class CoverageMap {
    private CoverageMap() {}

    /** The map of one report without changes (a baseline). */
    public static byte[] png(PlanningData data, CoverageReport report, String title, int widthPx) {
        return png(data, data, report, Map.of(), title, widthPx);
    }

    /**
     * @param base    the data before the changes (closed facilities are drawn from it)
     * @param data    the data the report was computed on
     * @param changes facility id → added / moved / resized / closed / unchanged (see
     *                {@code ScenarioResultFiles.facilityChanges}); missing ids count as unchanged
     * @param widthPx image width in pixels, [200, 4000]; the height follows the data's aspect ratio
     * @throws IllegalArgumentException when the data has no admin units or the width is out of range
     */
    public static byte[] png(PlanningData base, PlanningData data, CoverageReport report, Map<String, String> changes,
            String title, int widthPx) {
        return png(base, data, report, changes, title, widthPx, Optional.empty());
    }

    /**
     * As {@link #png(PlanningData, PlanningData, CoverageReport, Map, String, int)}, drawing only {@code extent}
     * (WGS84 lon/lat) when given, e.g. {@link #roadsExtent} to zoom on the walkable part of a county.
     *
     * @throws IllegalArgumentException when the extent is empty
     */
    public static byte[] png(PlanningData base, PlanningData data, CoverageReport report, Map<String, String> changes,
            String title, int widthPx, Optional<Envelope> extent) {
        if (extent.isPresent() && (extent.get().isNull() || extent.get().getWidth() <= 0
                || extent.get().getHeight() <= 0)) {
            throw new IllegalArgumentException("extent must have a positive width and height, was " + extent.get());
        }
        if (widthPx < 200 || widthPx > 4000) {
            throw new IllegalArgumentException("widthPx must be in [200, 4000], was " + widthPx);
        }
        if (data.adminUnits().isEmpty()) {
            throw new IllegalArgumentException("data '" + data.name() + "' has no admin units to draw");
        }
        Envelope env = new Envelope();
        if (extent.isPresent()) {
            env.expandToInclude(extent.get());
        } else {
            data.adminUnits().forEach(u -> env.expandToInclude(u.boundary().getEnvelopeInternal()));
        }
        double kx = Math.cos(Math.toRadians(env.centre().y));
        int margin = 20;
        int top = 40;
        double scale = (widthPx - 2 * margin) / (env.getWidth() * kx);
        int heightPx = (int) Math.ceil(env.getHeight() * scale) + top + margin + 30;
        BufferedImage img = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, widthPx, heightPx);
        Projector p = (lon, lat) -> new double[] {margin + (lon - env.getMinX()) * kx * scale,
            top + (env.getMaxY() - lat) * scale};
        g.setClip(0, top - 4, widthPx, heightPx - top - 26);

        Map<String, UnitCoverage> cov = new java.util.HashMap<>();
        report.units().forEach(u -> cov.put(u.code(), u));
        for (AdminUnit u : data.adminUnits()) {
            if (u.level() != AdminLevel.COMMUNITY && u.level() != AdminLevel.VILLAGE) {
                continue;
            }
            UnitCoverage c = cov.get(u.code());
            double s = c == null ? Double.NaN : c.coveredShare();
            g.setColor(Double.isNaN(s) ? new Color(0xEEEEEE) : blend(new Color(0xFFFFFF), new Color(0x1565C0), s));
            g.fill(path(u.boundary(), p));
            g.setColor(new Color(0xBBBBBB));
            g.setStroke(new BasicStroke(0.5f));
            g.draw(path(u.boundary(), p));
        }
        g.setColor(new Color(0x424242));
        g.setStroke(new BasicStroke(1.5f));
        for (AdminUnit u : data.adminUnits()) {
            if (u.level() == AdminLevel.TOWNSHIP || u.level() == AdminLevel.STREET || u.level() == AdminLevel.COUNTY) {
                g.draw(path(u.boundary(), p));
            }
        }
        g.setColor(new Color(0xD32F2F));
        g.setStroke(new BasicStroke(2f));
        for (SpatialGap gap : report.spatialGaps()) {
            g.draw(path(gap.polygon(), p));
        }
        for (Facility f : data.facilities()) {
            drawFacility(g, p, f, changes.getOrDefault(f.id(), "unchanged"));
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2.5f));
        for (Facility f : base.facilities()) {
            if ("closed".equals(changes.get(f.id()))) {
                double[] xy = p.xy(f.location().getX(), f.location().getY());
                g.draw(new java.awt.geom.Line2D.Double(xy[0] - 6, xy[1] - 6, xy[0] + 6, xy[1] + 6));
                g.draw(new java.awt.geom.Line2D.Double(xy[0] - 6, xy[1] + 6, xy[0] + 6, xy[1] - 6));
            }
        }
        g.setClip(null);
        g.setColor(Color.BLACK);
        g.setFont(new Font(ScenarioCharts.cjkFamily(), Font.BOLD, 16));
        g.drawString(title, margin, 26);
        g.setFont(new Font(ScenarioCharts.cjkFamily(), Font.PLAIN, 12));
        g.drawString("社区/村覆盖率 covered share: 白 0% → 蓝 100%；红框 gaps；绿 added/chosen，橙 moved，× closed", margin,
            heightPx - 10);
        g.dispose();
        return Png.encode(img);
    }

    /** The envelope of the data's roads grown by {@code padFraction} of its size on each side, or empty without roads. */
    public static Optional<Envelope> roadsExtent(PlanningData data, double padFraction) {
        if (!(padFraction >= 0 && padFraction <= 1)) {
            throw new IllegalArgumentException("padFraction must be in [0, 1], was " + padFraction);
        }
        Envelope e = new Envelope();
        data.roads().forEach(r -> e.expandToInclude(r.geometry().getEnvelopeInternal()));
        if (e.isNull()) {
            return Optional.empty();
        }
        e.expandBy(e.getWidth() * padFraction, e.getHeight() * padFraction);
        return Optional.of(e);
    }

    private interface Projector {
        double[] xy(double lon, double lat);
    }

    private static void drawFacility(Graphics2D g, Projector p, Facility f, String change) {
        double[] xy = p.xy(f.location().getX(), f.location().getY());
        double r = f.kind().isInstitution() ? 5 : 3;
        Color c = switch (change) {
            case "added", "chosen" -> new Color(0x2E7D32);
            case "moved" -> new Color(0xEF6C00);
            default -> f.kind().isInstitution() ? new Color(0x6A1B9A) : new Color(0x212121);
        };
        if (!change.equals("unchanged")) {
            r += 3;
        }
        g.setColor(c);
        g.fill(new Ellipse2D.Double(xy[0] - r, xy[1] - r, 2 * r, 2 * r));
    }

    private static Path2D path(Geometry geom, Projector p) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            Geometry part = geom.getGeometryN(i);
            if (part instanceof Polygon poly) {
                ring(path, poly.getExteriorRing().getCoordinates(), p);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    ring(path, poly.getInteriorRingN(h).getCoordinates(), p);
                }
            }
        }
        return path;
    }

    private static void ring(Path2D.Double path, Coordinate[] cs, Projector p) {
        for (int k = 0; k < cs.length; k++) {
            double[] xy = p.xy(cs[k].x, cs[k].y);
            if (k == 0) {
                path.moveTo(xy[0], xy[1]);
            } else {
                path.lineTo(xy[0], xy[1]);
            }
        }
        path.closePath();
    }

    private static Color blend(Color a, Color b, double t) {
        double s = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * s),
            (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * s),
            (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * s));
    }
}
