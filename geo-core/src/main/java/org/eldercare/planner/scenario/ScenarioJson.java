package org.eldercare.planner.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eldercare.planner.coverage.CoverageDelta.Covered;
import org.eldercare.planner.model.AdminLevel;

/**
 * Scenario outputs as JSON, byte-stable: keys in a fixed order, numbers rounded to {@value #DECIMALS} decimals and
 * written in plain notation (integral values without a decimal point), NaN and infinities as {@code null}, two-space
 * indentation with {@code \n} line ends and a final newline. {@link #readMetrics} reads metrics back (values as
 * rounded). Stateless.
 */
public final class ScenarioJson {
    /** Decimals kept for every non-integral number. */
    public static final int DECIMALS = 6;
    private static final ObjectMapper JSON = new ObjectMapper().enable(
        JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ScenarioJson() {}

    /** The JSON text of {@code node} (indented, {@code \n} line ends, final newline). */
    public static String text(JsonNode node) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(pp).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run document ({@code metrics.json}): format, provenance, scenario, applied changes, baseline, scenario. */
    public static ObjectNode runJson(ScenarioResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", "eldercare-planner/scenario-run");
        o.put("formatVersion", r.provenance().formatVersion());
        o.set("provenance", provenanceJson(r.provenance()));
        o.set("scenario", ScenarioWriter.toJson(r.resolved().scenario()));
        ArrayNode applied = o.putArray("appliedChanges");
        r.resolved().descriptions().forEach(applied::add);
        o.set("baseline", metricsJson(r.baseline()));
        o.set("result", metricsJson(r.scenario()));
        if (r.baselineSiting().isPresent() && r.scenarioSiting().isPresent()) {
            ObjectNode s = o.putObject("siting");
            s.set("baseline", sitingJson(r.baselineSiting().get()));
            s.set("result", sitingJson(r.scenarioSiting().get()));
        }
        return o;
    }

    /** One siting proposal's summary (fixed key order, numbers rounded as the rest of the metrics). */
    public static ObjectNode sitingJson(SitingMetrics m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("countyCode", m.countyCode());
        o.put("model", m.model());
        o.put("travelMode", m.travelMode());
        num(o, "minutes", m.minutes());
        o.put("status", m.status());
        num(o, "objective", m.objective());
        ArrayNode sites = o.putArray("sites");
        m.sites().forEach(sites::add);
        num(o, "totalElderly", m.totalElderly());
        num(o, "elderlyWithinMinutes", m.elderlyWithinMinutes());
        num(o, "coveredShare", m.coveredShare());
        o.put("excludedCandidates", m.excludedCandidates());
        return o;
    }

    /**
     * The change between two siting proposals: sites added and removed (in the order of each list) and the covered
     * share before, after and its change.
     */
    public static ObjectNode sitingDiffJson(SitingMetrics before, SitingMetrics after) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode added = o.putArray("sitesAdded");
        after.sites().stream().filter(x -> !before.sites().contains(x)).forEach(added::add);
        ArrayNode removed = o.putArray("sitesRemoved");
        before.sites().stream().filter(x -> !after.sites().contains(x)).forEach(removed::add);
        num(o, "coveredShareBefore", before.coveredShare());
        num(o, "coveredShareAfter", after.coveredShare());
        num(o, "deltaCoveredShare", after.coveredShare() - before.coveredShare());
        o.put("statusBefore", before.status());
        o.put("statusAfter", after.status());
        return o;
    }

    /** The diff document ({@code diff.json}): format, provenance and the diff. */
    public static ObjectNode diffDocument(ScenarioDiff d, Provenance p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", "eldercare-planner/scenario-diff");
        o.put("formatVersion", ScenarioRun.FORMAT_VERSION);
        if (p != null) {
            o.set("provenance", provenanceJson(p));
        }
        o.set("diff", diffJson(d));
        return o;
    }

    public static ObjectNode provenanceJson(Provenance p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("scenarioSha256", p.scenarioSha256());
        o.put("workspaceSha256", p.workspaceSha256());
        o.put("profileSha256", p.profileSha256());
        o.put("plannerVersion", p.plannerVersion());
        o.put("formatVersion", p.formatVersion());
        return o;
    }

    public static ObjectNode metricsJson(ScenarioMetrics m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("label", m.label());
        o.put("profileId", m.profileId());
        num(o, "walkSpeedMps", m.walkSpeedMps());
        num(o, "serviceMinutes", m.serviceMinutes());
        ObjectNode t = o.putObject("totals");
        num(t, "elderly", m.totalElderly());
        num(t, "elderlyCovered", m.totalElderlyCovered());
        num(t, "coveredShare", Covered.share(m.totalElderlyCovered(), m.totalElderly()));
        t.put("beds", m.totalBeds());
        t.put("spatialGaps", m.gaps().size());
        t.put("findingsPass", m.countFindings("PASS"));
        t.put("findingsFail", m.countFindings("FAIL"));
        t.put("findingsNotApplicable", m.countFindings("NOT_APPLICABLE"));
        ArrayNode units = o.putArray("units");
        for (UnitMetrics u : m.units()) {
            ObjectNode n = units.addObject();
            n.put("code", u.code());
            n.put("name", u.name());
            n.put("level", u.level().name().toLowerCase(Locale.ROOT));
            n.put("parentCode", u.parentCode().orElse(null));
            num(n, "elderly", u.elderly());
            num(n, "elderlyCovered", u.elderlyCovered());
            num(n, "coveredShare", u.coveredShare());
            n.put("institutions", u.institutions());
            n.put("beds", u.beds());
            n.put("nursingBeds", u.nursingBeds());
            num(n, "bedsPer1000Elderly", u.bedsPer1000Elderly());
        }
        ArrayNode gaps = o.putArray("gaps");
        for (GapMetrics g : m.gaps()) {
            ObjectNode n = gaps.addObject();
            n.put("rank", g.rank());
            num(n, "elderly", g.elderly());
            n.put("demandPoints", g.demandPoints());
            num(n, "centroidLon", g.centroidLon());
            num(n, "centroidLat", g.centroidLat());
            ArrayNode codes = n.putArray("adminCodes");
            g.adminCodes().forEach(codes::add);
        }
        ArrayNode fs = o.putArray("findings");
        m.findings().forEach(f -> fs.add(findingJson(f)));
        ArrayNode ds = o.putArray("districts");
        for (DistrictMetrics d : m.districts()) {
            ObjectNode n = ds.addObject();
            n.put("id", d.id());
            n.put("status", d.status());
            n.put("households", d.households());
            num(n, "requiredM2", d.requiredM2());
            num(n, "providedM2", d.providedM2());
            num(n, "shortfallM2", d.shortfallM2());
        }
        return o;
    }

    private static ObjectNode findingJson(FindingRef f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("ruleId", f.ruleId());
        n.put("status", f.status());
        ArrayNode ids = n.putArray("featureIds");
        f.featureIds().forEach(ids::add);
        num(n, "measured", f.measured());
        num(n, "target", f.target());
        n.put("unit", f.unit());
        n.put("citation", f.citation());
        n.put("messageZh", f.messageZh());
        n.put("messageEn", f.messageEn());
        return n;
    }

    public static ObjectNode diffJson(ScenarioDiff d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("before", d.before());
        o.put("after", d.after());
        o.put("zero", d.isZero());
        ScenarioDiff.Total t = d.total();
        ObjectNode tn = o.putObject("total");
        num(tn, "elderlyBefore", t.elderlyBefore());
        num(tn, "elderlyAfter", t.elderlyAfter());
        num(tn, "elderlyCoveredBefore", t.coveredBefore());
        num(tn, "elderlyCoveredAfter", t.coveredAfter());
        num(tn, "deltaElderlyCovered", t.deltaCovered());
        num(tn, "coveredShareBefore", t.shareBefore());
        num(tn, "coveredShareAfter", t.shareAfter());
        num(tn, "deltaCoveredShare", t.shareAfter() - t.shareBefore());
        tn.put("bedsBefore", t.bedsBefore());
        tn.put("bedsAfter", t.bedsAfter());
        tn.put("deltaBeds", t.bedsAfter() - t.bedsBefore());
        tn.put("spatialGapsBefore", t.gapsBefore());
        tn.put("spatialGapsAfter", t.gapsAfter());
        tn.put("findingsFailBefore", t.failedBefore());
        tn.put("findingsFailAfter", t.failedAfter());
        ArrayNode units = o.putArray("units");
        for (ScenarioDiff.UnitDelta u : d.units()) {
            ObjectNode n = units.addObject();
            n.put("code", u.code());
            n.put("name", u.name());
            n.put("level", u.level().name().toLowerCase(Locale.ROOT));
            num(n, "elderlyBefore", u.elderlyBefore());
            num(n, "elderlyAfter", u.elderlyAfter());
            num(n, "elderlyCoveredBefore", u.coveredBefore());
            num(n, "elderlyCoveredAfter", u.coveredAfter());
            num(n, "deltaElderlyCovered", u.deltaCovered());
            num(n, "coveredShareBefore", u.shareBefore());
            num(n, "coveredShareAfter", u.shareAfter());
            num(n, "deltaCoveredShare", u.deltaShare());
            n.put("bedsBefore", u.bedsBefore());
            n.put("bedsAfter", u.bedsAfter());
            n.put("deltaBeds", u.bedsAfter() - u.bedsBefore());
            num(n, "bedsPer1000Before", u.bedsPer1000Before());
            num(n, "bedsPer1000After", u.bedsPer1000After());
        }
        ArrayNode ap = o.putArray("findingsAppeared");
        d.appeared().forEach(f -> ap.add(findingJson(f)));
        ArrayNode dis = o.putArray("findingsDisappeared");
        d.disappeared().forEach(f -> dis.add(findingJson(f)));
        ArrayNode ds = o.putArray("districtChanges");
        for (ScenarioDiff.DistrictChange c : d.districts()) {
            ObjectNode n = ds.addObject();
            n.put("id", c.id());
            n.put("before", c.before());
            n.put("after", c.after());
            num(n, "shortfallBeforeM2", c.shortfallBeforeM2());
            num(n, "shortfallAfterM2", c.shortfallAfterM2());
        }
        return o;
    }

    // ============================================================================================== reading

    /**
     * The metrics in a saved file: the {@code result} of a run document ({@code metrics.json}), or a bare metrics
     * object.
     *
     * @throws IllegalArgumentException naming the file and key when it is neither
     * @throws UncheckedIOException     when it cannot be read
     */
    public static ScenarioMetrics readMetrics(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode m = root.has("result") ? root.get("result") : root;
        if (!m.has("units") || !m.has("findings")) {
            throw new IllegalArgumentException(file + ": not a scenario run (metrics.json from `planner scenario run`):"
                + " no result.units / result.findings");
        }
        return metricsFromJson(m, file.toString());
    }

    /** Metrics from their JSON form ({@link #metricsJson}). */
    public static ScenarioMetrics metricsFromJson(JsonNode m, String source) {
        List<UnitMetrics> units = new ArrayList<>();
        for (JsonNode n : m.path("units")) {
            units.add(new UnitMetrics(n.path("code").asText(), n.path("name").asText(),
                AdminLevel.parse(source + ": units.level", n.path("level").asText()),
                n.hasNonNull("parentCode") ? Optional.of(n.get("parentCode").asText()) : Optional.empty(),
                dbl(n, "elderly"), dbl(n, "elderlyCovered"), dbl(n, "coveredShare"), n.path("institutions").asInt(),
                n.path("beds").asLong(), n.path("nursingBeds").asLong(), dbl(n, "bedsPer1000Elderly")));
        }
        List<GapMetrics> gaps = new ArrayList<>();
        for (JsonNode n : m.path("gaps")) {
            List<String> codes = new ArrayList<>();
            n.path("adminCodes").forEach(c -> codes.add(c.asText()));
            gaps.add(new GapMetrics(n.path("rank").asInt(), dbl(n, "elderly"), n.path("demandPoints").asInt(),
                dbl(n, "centroidLon"), dbl(n, "centroidLat"), codes));
        }
        List<FindingRef> findings = new ArrayList<>();
        for (JsonNode n : m.path("findings")) {
            List<String> ids = new ArrayList<>();
            n.path("featureIds").forEach(c -> ids.add(c.asText()));
            findings.add(new FindingRef(n.path("ruleId").asText(), n.path("status").asText(), ids, dbl(n, "measured"),
                dbl(n, "target"), n.path("unit").asText(), n.path("citation").asText(), n.path("messageZh").asText(),
                n.path("messageEn").asText()));
        }
        List<DistrictMetrics> districts = new ArrayList<>();
        for (JsonNode n : m.path("districts")) {
            districts.add(new DistrictMetrics(n.path("id").asText(), n.path("status").asText(),
                n.path("households").asInt(), dbl(n, "requiredM2"), dbl(n, "providedM2"), dbl(n, "shortfallM2")));
        }
        return new ScenarioMetrics(m.path("label").asText(), m.path("profileId").asText(), dbl(m, "walkSpeedMps"),
            dbl(m, "serviceMinutes"), units, gaps, findings, districts);
    }

    private static double dbl(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    /** Puts {@code v} rounded to {@value #DECIMALS} decimals (plain, integral without a point), null when not finite. */
    static void num(ObjectNode o, String key, double v) {
        if (!Double.isFinite(v)) {
            o.putNull(key);
            return;
        }
        BigDecimal b = BigDecimal.valueOf(v).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (b.signum() == 0) {
            o.put(key, 0L);
        } else if (b.scale() <= 0) {
            o.put(key, b.longValueExact());
        } else {
            o.put(key, b);
        }
    }
}
