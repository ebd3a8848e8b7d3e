package org.eldercare.planner.io.osm;

import com.google.protobuf.InvalidProtocolBufferException;
import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockInputStream;
import crosby.binary.file.FileFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.io.ReadException;

/**
 * Streams an OSM PBF file ({@code .osm.pbf}) into the same {@link OsmHandler} as {@link OsmXmlReader}: nodes (plain
 * and dense) with tags, ways with node references and tags; relations are skipped. Uses the osmpbf library's block
 * parser (zlib and raw blobs). A file needing a feature other than {@code OsmSchema-V0.6} / {@code DenseNodes} (e.g.
 * history files) is refused. Errors name the file and the block or element.
 */
public final class OsmPbfReader {
    private OsmPbfReader() {}

    public static void read(Path file, OsmHandler handler) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            read(in, file.toString(), handler);
        }
    }

    public static void read(InputStream in, String source, OsmHandler handler) throws IOException {
        Parser p = new Parser(source, handler);
        try {
            new BlockInputStream(in, p).process();
        } catch (FileFormatException | InvalidProtocolBufferException e) {
            throw new ReadException(source, p.element, "pbf", "malformed OSM PBF: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof ReadException re) {
                throw re;
            }
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new ReadException(source, p.element, "pbf", "malformed OSM PBF: " + c);
        }
        if (!p.sawHeader) {
            throw new ReadException(source, null, "pbf", "not an OSM PBF file: no OSMHeader block");
        }
    }

    private static final class Parser extends BinaryParser {
        private final String source;
        private final OsmHandler handler;
        boolean sawHeader;
        String element = "start of file";

        Parser(String source, OsmHandler handler) {
            this.source = source;
            this.handler = handler;
        }

        private long latOffset;
        private long lonOffset;

        /**
         * IMPLEMENTATION NOTE: osmpbf's {@code parseLat/parseLon} multiply by 1e-9, which leaves float noise
         * (117.21938700000001). One correctly rounded division of the exact integer nanodegrees by 1e9 gives the same
         * double as parsing the decimal text of an XML export, so both readers deliver identical positions.
         */
        @Override
        public void parse(Osmformat.PrimitiveBlock block) {
            latOffset = block.getLatOffset();
            lonOffset = block.getLonOffset();
            super.parse(block);
        }

        private double lat(long raw) {
            return (latOffset + (long) granularity * raw) / 1e9;
        }

        private double lon(long raw) {
            return (lonOffset + (long) granularity * raw) / 1e9;
        }

        @Override
        protected void parse(Osmformat.HeaderBlock header) {
            sawHeader = true;
            for (String f : header.getRequiredFeaturesList()) {
                if (!f.equals("OsmSchema-V0.6") && !f.equals("DenseNodes")) {
                    throw new ReadException(source, null, "pbf", "unsupported required feature '" + f + "'");
                }
            }
        }

        @Override
        protected void parseNodes(List<Osmformat.Node> nodes) {
            for (Osmformat.Node n : nodes) {
                element = "node " + n.getId();
                Map<String, String> tags = new HashMap<>();
                for (int i = 0; i < n.getKeysCount(); i++) {
                    tags.put(getStringById(n.getKeys(i)), getStringById(n.getVals(i)));
                }
                handler.node(n.getId(), lon(n.getLon()), lat(n.getLat()), tags);
            }
        }

        @Override
        protected void parseDense(Osmformat.DenseNodes d) {
            long id = 0;
            long lat = 0;
            long lon = 0;
            int kv = 0;
            int kvCount = d.getKeysValsCount();
            for (int i = 0; i < d.getIdCount(); i++) {
                id += d.getId(i);
                lat += d.getLat(i);
                lon += d.getLon(i);
                element = "node " + id;
                Map<String, String> tags = new HashMap<>();
                if (kvCount > 0) {
                    while (kv < kvCount && d.getKeysVals(kv) != 0) {
                        int k = d.getKeysVals(kv++);
                        int v = d.getKeysVals(kv++);
                        tags.put(getStringById(k), getStringById(v));
                    }
                    kv++; // the 0 that ends this node's tags
                }
                handler.node(id, lon(lon), lat(lat), tags);
            }
        }

        @Override
        protected void parseWays(List<Osmformat.Way> ways) {
            for (Osmformat.Way w : ways) {
                element = "way " + w.getId();
                Map<String, String> tags = new HashMap<>();
                for (int i = 0; i < w.getKeysCount(); i++) {
                    tags.put(getStringById(w.getKeys(i)), getStringById(w.getVals(i)));
                }
                long[] refs = new long[w.getRefsCount()];
                long ref = 0;
                for (int i = 0; i < refs.length; i++) {
                    ref += w.getRefs(i);
                    refs[i] = ref;
                }
                handler.way(w.getId(), refs, tags);
            }
        }

        @Override
        protected void parseRelations(List<Osmformat.Relation> relations) {
            // relations are not needed: admin polygons come from boundary files, roads and POIs from nodes/ways
        }

        @Override
        public void complete() {
            handler.end();
        }
    }
}
