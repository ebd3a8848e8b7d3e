package org.eldercare.planner.io.osm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.eldercare.planner.io.ReadException;

/**
 * Streams an OSM XML file ({@code .osm}, API or Overpass export) into an {@link OsmHandler} with StAX. Relations
 * are skipped. Errors name the file and the element.
 */
public final class OsmXmlReader {
    private OsmXmlReader() {}

    public static void read(Path file, OsmHandler handler) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, file.toString(), handler);
        }
    }

    public static void read(InputStream in, String source, OsmHandler handler) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        String element = "start of file";
        try {
            XMLStreamReader r = f.createXMLStreamReader(in, "UTF-8");
            boolean sawOsm = false;
            long nodeId = 0;
            long wayId = 0;
            double lon = 0;
            double lat = 0;
            Map<String, String> tags = null;
            long[] refs = new long[16];
            int nRefs = 0;
            String open = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    switch (name) {
                        case "osm" -> sawOsm = true;
                        case "node" -> {
                            nodeId = parseLong(r, "id", source);
                            element = "node " + nodeId;
                            lat = parseDouble(r, "lat", source, element);
                            lon = parseDouble(r, "lon", source, element);
                            tags = new HashMap<>();
                            open = "node";
                        }
                        case "way" -> {
                            wayId = parseLong(r, "id", source);
                            element = "way " + wayId;
                            tags = new HashMap<>();
                            nRefs = 0;
                            open = "way";
                        }
                        case "relation" -> open = "relation";
                        case "nd" -> {
                            if ("way".equals(open)) {
                                if (nRefs == refs.length) {
                                    refs = java.util.Arrays.copyOf(refs, nRefs * 2);
                                }
                                refs[nRefs++] = parseLong(r, "ref", source);
                            }
                        }
                        case "tag" -> {
                            if (tags != null && !"relation".equals(open)) {
                                tags.put(r.getAttributeValue(null, "k"), r.getAttributeValue(null, "v"));
                            }
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("node")) {
                        handler.node(nodeId, lon, lat, tags);
                        tags = null;
                        open = null;
                    } else if (name.equals("way")) {
                        handler.way(wayId, java.util.Arrays.copyOf(refs, nRefs), tags);
                        tags = null;
                        open = null;
                    } else if (name.equals("relation")) {
                        open = null;
                    }
                }
            }
            if (!sawOsm) {
                throw new ReadException(source, null, "osm", "not an OSM XML file: no <osm> root element");
            }
            handler.end();
        } catch (XMLStreamException e) {
            throw new ReadException(source, element, "xml", "malformed OSM XML: " + e.getMessage());
        }
    }

    private static long parseLong(XMLStreamReader r, String attr, String source) {
        String v = r.getAttributeValue(null, attr);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ReadException(source, r.getLocalName(), attr, "expected an integer, was '" + v + "'");
        }
    }

    private static double parseDouble(XMLStreamReader r, String attr, String source, String element) {
        String v = r.getAttributeValue(null, attr);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ReadException(source, element, attr, "expected a number, was '" + v + "'");
        }
    }
}
