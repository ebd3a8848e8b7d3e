package org.eldercare.planner.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.RoadSegment;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * Builds the 贵溪市 sample {@link PlanningData} from the raw inputs: real county outline, NBS codes and names, census
 * totals and OSM roads; synthetic township/community polygons ({@link AdminSynthesizer}), demand points
 * ({@link DemandSynthesizer}), residential districts ({@link DistrictSynthesizer}) and facilities
 * ({@link FacilitySynthesizer}), every synthetic record flagged {@code synthetic = true}.
 *
 * <p>Reproducible: each step draws from its own {@link java.util.Random} (whose algorithm the JDK specifies) seeded
 * from {@code seed}, and iterates inputs in code/id order, so the same inputs and seed give identical records.
 */
public final class SampleGenerator {
    /** The seed of the committed sample. */
    public static final long DEFAULT_SEED = 20_201_101L;
    /** Name of the generated data set. */
    public static final String NAME = "贵溪市 sample (360681)";

    private final RawInputs inputs;
    private final long seed;

    SampleGenerator(RawInputs inputs, long seed) {
        this.inputs = inputs;
        this.seed = seed;
    }

    /**
     * Reads the raw inputs under {@code rawDir} (the {@code shared/data/raw} layout) and generates the sample.
     *
     * @throws IOException              when an input cannot be read
     * @throws IllegalArgumentException naming the file when an input lacks expected content
     */
    public static PlanningData generate(Path rawDir, long seed) throws IOException {
        return new SampleGenerator(RawInputs.read(rawDir), seed).generate();
    }

    PlanningData generate() {
        Envelope centreBox = new Envelope();
        for (RoadSegment r : inputs.roads()) {
            centreBox.expandToInclude(r.geometry().getEnvelopeInternal());
        }
        Point c = inputs.citySeat();
        LocalFrame frame = new LocalFrame(c.getX(), c.getY());
        AdminSynthesizer.Result admin = new AdminSynthesizer(inputs, frame, seed, centreBox).build();
        Placer placer = new Placer(frame, inputs.roads());
        DemandSynthesizer.Result demand = new DemandSynthesizer(placer, seed).build(admin.units(), admin.seeds());
        List<AdminUnit> units = withDisabled(admin.units(), demand.disabledByUnit());
        var districts = new DistrictSynthesizer(frame).build(inputs.roads());
        Point centre = LocalFrame.point(centreBox.centre().x, centreBox.centre().y);
        FacilitySynthesizer.Result fac = new FacilitySynthesizer(frame, placer, seed, centre)
            .build(units, admin.seeds());
        return new PlanningData(NAME, units, fac.facilities(), fac.medical(), districts, demand.points(),
            inputs.roads());
    }

    /** Sets disabled elderly on communities (allocated) and townships/county (sums). */
    private static List<AdminUnit> withDisabled(List<AdminUnit> units, Map<String, Long> byCommunity) {
        Map<String, Long> sums = new HashMap<>();
        long total = 0;
        for (AdminUnit u : units) {
            Long d = byCommunity.get(u.code());
            if (d != null) {
                sums.merge(u.parentCode().orElseThrow(), d, Long::sum);
                total += d;
            }
        }
        List<AdminUnit> out = new ArrayList<>();
        for (AdminUnit u : units) {
            Long d = byCommunity.containsKey(u.code()) ? byCommunity.get(u.code())
                : u.level().isTownshipTier() ? sums.getOrDefault(u.code(), 0L) : Long.valueOf(total);
            out.add(u.withDisabledElderly(d));
        }
        return out;
    }
}
