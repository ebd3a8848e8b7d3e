package org.eldercare.planner.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.model.InputProblem;

/**
 * ESRI Shapefiles ({@code .shp} with its {@code .shx}, {@code .dbf}, {@code .prj}, {@code .cpg}) read and written
 * through GDAL's {@code ogr2ogr} (Debian/Ubuntu package {@code gdal-bin}): no pure-Java Shapefile library on Maven
 * Central is kept up, and GDAL is the reference implementation of the format, its code pages and its {@code .prj}
 * dialect. A Shapefile is converted to a temporary GeoPackage and read by
 * {@link org.eldercare.planner.io.gpkg.GeoPackageReader}, so it goes through the same checks as any GeoPackage.
 *
 * <p>CRS: the {@code .prj} (GDAL identifies its EPSG code); without one, {@link ReadOptions#crs()} ({@code --crs});
 * without either the file is refused (a Shapefile's coordinates may be in any CRS: Gauss-Krüger metres read as
 * degrees would be silently wrong). A CRS {@link Crs} supports (CGCS2000, its Gauss-Krüger zones, UTM, WGS84) is
 * converted to WGS84 by this program as for every other format; any other CRS GDAL knows (Xian 1980, Beijing 1954,
 * …) is converted by GDAL/PROJ, and the layer then reports EPSG:4326. GCJ-02 (no EPSG code, unknown to PROJ) is
 * taken as lon/lat and converted by {@link org.eldercare.planner.crs.Gcj02}.
 *
 * <p>DBF text: {@link ReadOptions#encoding()} ({@code --encoding GBK}) if given, else the {@code .cpg} file, else
 * the DBF's code-page byte (GDAL reads both); when the DBF has neither and its text is not valid UTF-8 the file is
 * refused with a note to give the encoding, rather than guessed (a GBK file read as Latin-1 gives mojibake names).
 *
 * <p>Writing: the features (WGS84) are written in the target CRS with a UTF-8 DBF and a {@code .cpg}; field names
 * longer than the DBF's 10 bytes are shortened by GDAL (it says which in its output, passed on as the error when it
 * fails). Stateless; THREAD-SAFE.
 */
public final class Shapefiles {
    /** System property naming the ogr2ogr executable; default {@code ogr2ogr} on the PATH. */
    public static final String OGR2OGR_PROPERTY = "planner.ogr2ogr";
    private static final long TIMEOUT_MINUTES = 30;

    private Shapefiles() {}

    /** The one layer of a Shapefile, named after the file, geometries in WGS84. */
    static List<FeatureLayer> read(Path shp, ReadOptions options) throws IOException {
        String source = shp.toString();
        Path base = sibling(shp, "");
        for (String part : List.of(".shx", ".dbf")) {
            if (findSibling(shp, part).isEmpty()) {
                throw new ReadException(source, null, part.substring(1), "missing " + base.getFileName() + part
                    + " next to the .shp (a Shapefile is several files; copy them together)");
            }
        }
        Optional<Path> prj = findSibling(shp, ".prj");
        Optional<Crs> given = options.crs();
        if (prj.isEmpty() && given.isEmpty()) {
            throw new ReadException(source, null, "prj", "no " + base.getFileName() + ".prj, so the CRS of the "
                + "coordinates is unknown; give it with --crs (e.g. EPSG:4547 for CGCS2000 Gauss-Krüger 114°E)");
        }
        Optional<String> encoding = options.encoding();
        if (encoding.isEmpty() && findSibling(shp, ".cpg").isEmpty()) {
            Path dbf = findSibling(shp, ".dbf").orElseThrow();
            if (codePageByte(dbf) == 0 && !isUtf8(dbfText(dbf))) {
                throw new ReadException(source, null, "encoding", base.getFileName() + ".dbf has no .cpg and no "
                    + "code-page byte, and its text is not UTF-8; give its encoding with --encoding (GBK is usual "
                    + "for Chinese data)");
            }
        }
        Path dir = Files.createTempDirectory("planner-shp-");
        try {
            Path gpkg = dir.resolve("converted.gpkg");
            String layer = sibling(shp, "").getFileName().toString();
            List<String> cmd = new ArrayList<>(List.of(ogr2ogr(), "-f", "GPKG", gpkg.toString(), shp.toString(),
                "-nln", layer));
            boolean gcj02 = given.isPresent() && given.get().gcj02();
            if (given.isPresent() && prj.isEmpty() && !gcj02) {
                cmd.addAll(List.of("-a_srs", "EPSG:" + given.get().epsg()));
            }
            encoding.ifPresent(e -> cmd.addAll(List.of("--config", "SHAPE_ENCODING", gdalEncoding(e))));
            run(cmd, source);
            if (!gcj02 && !hasSupportedCrs(gpkg)) {
                // a .prj this program has no transform for (e.g. Xian 1980, Beijing 1954): PROJ converts to WGS84
                Files.delete(gpkg);
                cmd.addAll(List.of("-t_srs", "EPSG:4326"));
                run(cmd, source);
            }
            try {
                return LayerFiles.readGeoPackage(gpkg, options, gcj02 ? Crs.GCJ02 : null);
            } catch (ReadException e) {
                List<InputProblem> renamed = new ArrayList<>();
                for (InputProblem p : e.problems()) {
                    renamed.add(new InputProblem(source, p.feature(), p.field(), p.value(), p.message()));
                }
                throw new ReadException(renamed);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Writes WGS84 features as a Shapefile in {@code target} (UTF-8 DBF with a .cpg). */
    static void write(Path shp, List<Feature> features, Crs target) throws IOException {
        if (target.gcj02()) {
            throw new IllegalArgumentException("crs: a Shapefile .prj needs an EPSG CRS; GCJ-02 has none");
        }
        Path dir = Files.createTempDirectory("planner-shp-");
        try {
            Path gpkg = dir.resolve("features.gpkg");
            String layer = sibling(shp, "").getFileName().toString();
            LayerFiles.write(gpkg, layer, features, Crs.WGS84);
            run(List.of(ogr2ogr(), "-f", "ESRI Shapefile", "-overwrite", shp.toString(), gpkg.toString(), layer,
                "-t_srs", "EPSG:" + target.epsg(), "-lco", "ENCODING=UTF-8", "-nln", layer), shp.toString());
        } finally {
            deleteTree(dir);
        }
    }

    /** Whether every table of the converted GeoPackage declares an EPSG code {@link Crs} can transform. */
    private static boolean hasSupportedCrs(Path gpkg) {
        try (var r = org.eldercare.planner.io.gpkg.GeoPackageReader.open(gpkg)) {
            return r.listLayers().stream().allMatch(l -> l.epsg().isPresent() && Crs.isSupported(l.epsg().getAsInt()));
        }
    }

    private static String ogr2ogr() {
        return System.getProperty(OGR2OGR_PROPERTY, "ogr2ogr");
    }

    /** GDAL's names for the usual Chinese code pages. */
    private static String gdalEncoding(String charset) {
        String c = charset.toUpperCase(Locale.ROOT).replace("-", "");
        return switch (c) {
            case "GBK", "CP936", "GB2312" -> "CP936";
            case "UTF8" -> "UTF-8";
            default -> charset;
        };
    }

    private static void run(List<String> cmd, String source) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ReadException(source, null, "format", "reading and writing Shapefiles needs GDAL's ogr2ogr ("
                + cmd.get(0) + " was not found; Debian/Ubuntu: apt-get install gdal-bin, or set -D"
                + OGR2OGR_PROPERTY + "=/path/to/ogr2ogr)");
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new ReadException(source, null, "format", "ogr2ogr did not finish in " + TIMEOUT_MINUTES
                    + " minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while converting " + source, e);
        }
        if (p.exitValue() != 0) {
            throw new ReadException(source, null, "format", "ogr2ogr failed (exit " + p.exitValue() + "): "
                + (output.isEmpty() ? "no output" : output));
        }
    }

    /** {@code base + ext} next to the .shp, matching the extension's case as GIS tools write it (.dbf or .DBF). */
    private static Optional<Path> findSibling(Path shp, String ext) {
        for (String e : List.of(ext, ext.toUpperCase(Locale.ROOT))) {
            Path p = sibling(shp, e);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Path sibling(Path shp, String ext) {
        String n = shp.getFileName().toString();
        return shp.resolveSibling(n.substring(0, n.length() - 4) + ext);
    }

    /** The DBF header's language-driver byte (offset 29); 0 = not stated. */
    private static int codePageByte(Path dbf) throws IOException {
        byte[] head = new byte[32];
        try (var in = Files.newInputStream(dbf)) {
            int n = in.readNBytes(head, 0, 32);
            return n < 32 ? 0 : head[29] & 0xff;
        }
    }

    /** How much of a DBF the encoding check reads: the header and about the first megabyte of records. */
    private static final int SNIFF_BYTES = 1 << 20;

    /**
     * The DBF's text: its field names (in the header's field descriptors) and the start of its records (enough to
     * tell GBK from UTF-8 without reading a county's parcel table whole).
     */
    private static byte[] dbfText(Path dbf) throws IOException {
        byte[] all;
        try (var in = Files.newInputStream(dbf)) {
            byte[] head = in.readNBytes(32);
            int headerLength = head.length < 32 ? 0 : (head[8] & 0xff) | (head[9] & 0xff) << 8;
            int want = Math.max(0, headerLength - 32) + SNIFF_BYTES;
            byte[] rest = in.readNBytes(want);
            int keep = rest.length;
            if (keep == want) {   // cut short: end at an ASCII byte, not inside a multi-byte character
                while (keep > 0 && (rest[keep - 1] & 0x80) != 0) {
                    keep--;
                }
            }
            rest = java.util.Arrays.copyOf(rest, keep);
            all = new byte[head.length + rest.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(rest, 0, all, head.length, rest.length);
        }
        if (all.length < 32) {
            return new byte[0];
        }
        int headerLength = Math.min(all.length, (all[8] & 0xff) | (all[9] & 0xff) << 8);
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        for (int d = 32; d + 32 <= headerLength && all[d] != 0x0D; d += 32) {
            int end = d;
            while (end < d + 11 && all[end] != 0) {
                end++;
            }
            text.write(all, d, end - d);
            text.write(' ');
        }
        text.write(all, headerLength, all.length - headerLength);
        return text.toByteArray();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
