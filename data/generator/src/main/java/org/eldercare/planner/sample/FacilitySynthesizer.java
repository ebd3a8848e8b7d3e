package org.eldercare.planner.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.MedicalKind;
import org.eldercare.planner.model.Operator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Synthesises a facility inventory that exercises every planning rule, and the medical facilities it is measured
 * against. Medical: two level-2 hospitals in the centre, a health centre ({@value #HEALTH_CENTRE_OFFSET_M} m from the
 * seat) in every 镇/乡, community health stations in about half of the street 居委会, clinics in a quarter of villages.
 * Elderly-care: one county welfare centre next to a hospital; two regional centres (罗河镇: 120 beds next to its
 * health centre; 文坊镇: 60 beds, far from any medical facility); township nursing homes in about 60 % of the other
 * towns, cycling through four designed profiles (healthy; &lt; 20 residents; occupancy &lt; 50 %; public ≥ 50
 * residents without a medical room), alternately near and far from medical care; comprehensive centres in three of
 * the four streets and about 40 % of towns; day-care centres and service stations in some communities but not all;
 * rural mutual-aid points, canteens, activity centres; an embedded institution; a private institution with 180 beds
 * and no medical room, and a small private one. "Near" means within {@value #NEAR_M} m, "far" at least
 * {@value #FAR_M} m from every medical facility (best of 400 random tries otherwise).
 */
record FacilitySynthesizer(LocalFrame frame, Placer placer, long seed, Point centre) {
    static final double HEALTH_CENTRE_OFFSET_M = 250;
    static final double NEAR_M = 200;
    static final double FAR_M = 2000;

    /** Medical and elderly-care facilities. */
    record Result(List<MedicalFacility> medical, List<Facility> facilities) {
        Result {
            medical = List.copyOf(medical);
            facilities = List.copyOf(facilities);
        }
    }

    Result build(List<AdminUnit> units, Map<String, Point> seeds) {
        Random rnd = new Random(seed ^ 0xFAC1L);
        List<AdminUnit> towns = units.stream().filter(u -> u.level() == AdminLevel.TOWNSHIP
            && (u.name().endsWith("镇") || u.name().endsWith("乡"))).toList();
        List<AdminUnit> streets = units.stream().filter(u -> u.level() == AdminLevel.STREET).toList();
        List<AdminUnit> comms = units.stream().filter(u -> u.level().isCommunityTier()).toList();
        Map<String, AdminUnit> byCode = new HashMap<>();
        units.forEach(u -> byCode.put(u.code(), u));
        Map<String, List<Coordinate>> vertices = new HashMap<>();
        for (AdminUnit c : comms) {
            vertices.put(c.code(), placer.verticesIn(c.boundary()));
        }

        // ---- medical
        List<MedicalFacility> med = new ArrayList<>();
        Point h1 = nearestRoadPoint(frame.offset(centre, 1500, 300), comms, vertices);
        Point h2 = nearestRoadPoint(frame.offset(centre, -700, -100), comms, vertices);
        med.add(new MedicalFacility("med-hospital-1", "贵溪市第一人民医院（示例）", MedicalKind.HOSPITAL, h1, true));
        med.add(new MedicalFacility("med-hospital-2", "贵溪市中医院（示例）", MedicalKind.HOSPITAL, h2, true));
        Map<String, Point> healthCentre = new HashMap<>();
        for (AdminUnit t : towns) {
            double a = rnd.nextDouble() * 2 * Math.PI;
            Point p = insideOr(t, frame.offset(seeds.get(t.code()), HEALTH_CENTRE_OFFSET_M * Math.cos(a),
                HEALTH_CENTRE_OFFSET_M * Math.sin(a)), seeds.get(t.code()));
            healthCentre.put(t.code(), p);
            med.add(new MedicalFacility("med-thc-" + t.code(), t.name() + "卫生院", MedicalKind.TOWNSHIP_HEALTH_CENTRE,
                p, true));
        }
        for (AdminUnit c : comms) {
            boolean inStreet = byCode.get(c.parentCode().orElseThrow()).level() == AdminLevel.STREET;
            String shortName = AdminSynthesizer.shortCommunityName(c.name());
            if (c.level() == AdminLevel.COMMUNITY && inStreet && rnd.nextDouble() < 0.5) {
                med.add(new MedicalFacility("med-chs-" + c.code(), shortName + "社区卫生服务站",
                    MedicalKind.COMMUNITY_HEALTH_STATION, at(rnd, c, seeds, vertices), true));
            } else if (c.level() == AdminLevel.VILLAGE && rnd.nextDouble() < 0.25) {
                med.add(new MedicalFacility("med-vc-" + c.code(), shortName + "卫生室", MedicalKind.VILLAGE_CLINIC,
                    placer.nearSeed(rnd, c.boundary(), seeds.get(c.code()), 150), true));
            }
        }
        List<Point> medPoints = med.stream().map(MedicalFacility::location).toList();

        // ---- elderly care
        List<Facility> fac = new ArrayList<>();
        Point welfare = frame.offset(h1, 120, 60);
        fac.add(Facility.of("fac-county-welfare", "贵溪市社会福利中心", FacilityKind.COUNTY_WELFARE_CENTRE, welfare)
            .withBeds(300, 160).withResidents(205).withOperator(Operator.PUBLIC).withMedicalRoom(true)
            .withCareStaff(45).withFloorAreaM2(12000).withOpenedYear(2012).withAdminCode(codeAt(welfare, comms))
            .withSynthetic(true));
        AdminUnit luohe = townNamed(towns, "罗河镇");
        AdminUnit wenfang = townNamed(towns, "文坊镇");
        Point rc1 = frame.offset(healthCentre.get(luohe.code()), 90, -80);
        fac.add(Facility.of("fac-regional-luohe", "罗河区域性养老服务中心", FacilityKind.REGIONAL_CENTRE, rc1)
            .withBeds(120, 70).withResidents(86).withOperator(Operator.PUBLIC).withMedicalRoom(true).withCareStaff(18)
            .withFloorAreaM2(4800).withOpenedYear(2019).withAdminCode(codeAt(rc1, comms)).withSynthetic(true));
        Point rc2 = placer.farFrom(rnd, wenfang.boundary(), medPoints, FAR_M + 500);
        fac.add(Facility.of("fac-regional-wenfang", "文坊区域性养老服务中心", FacilityKind.REGIONAL_CENTRE, rc2)
            .withBeds(60, 20).withResidents(26).withOperator(Operator.PUBLIC).withMedicalRoom(false).withCareStaff(6)
            .withFloorAreaM2(2100).withOpenedYear(2016).withAdminCode(codeAt(rc2, comms)).withSynthetic(true));

        int profile = 0;
        for (AdminUnit t : towns) {
            if (t == luohe || t == wenfang || rnd.nextDouble() >= 0.6) {
                continue;
            }
            boolean near = profile % 2 == 0;
            Point p = near ? frame.offset(healthCentre.get(t.code()), -110, 90)
                : placer.farFrom(rnd, t.boundary(), medPoints, FAR_M);
            p = insideOr(t, p, seeds.get(t.code()));
            Facility f = Facility.of("fac-tnh-" + t.code(), t.name() + "敬老院", FacilityKind.TOWNSHIP_NURSING_HOME, p)
                .withOperator(Operator.PUBLIC).withAdminCode(codeAt(p, comms)).withSynthetic(true)
                .withOpenedYear(1995 + profile * 3);
            f = switch (profile % 4) {
                case 0 -> f.withBeds(60, 24).withResidents(44).withMedicalRoom(false).withCareStaff(8)
                    .withFloorAreaM2(1800); // healthy: 73 % occupancy, < 50 residents
                case 1 -> f.withBeds(40, 8).withResidents(12).withMedicalRoom(false).withCareStaff(3)
                    .withFloorAreaM2(1100); // < 20 residents, 30 % occupancy
                case 2 -> f.withBeds(80, 20).withResidents(30).withMedicalRoom(false).withCareStaff(5)
                    .withFloorAreaM2(2300); // ≥ 20 residents but 37.5 % occupancy
                default -> f.withBeds(90, 40).withResidents(56).withMedicalRoom(false).withCareStaff(9)
                    .withFloorAreaM2(2600); // public, ≥ 50 residents, no medical room
            };
            fac.add(f);
            profile++;
        }

        for (AdminUnit s : streets) {
            if (s.name().equals("江北街道")) {
                continue; // a street without a comprehensive centre
            }
            Point p = placeInTier(rnd, s, comms, seeds, vertices);
            fac.add(Facility.of("fac-cc-" + s.code(), s.name() + "综合养老服务中心", FacilityKind.COMPREHENSIVE_CENTRE, p)
                .withBeds(30, 20).withResidents(21).withOperator(Operator.PUBLIC_BUILT_PRIVATE_RUN)
                .withMedicalRoom(true).withFloorAreaM2(1500).withAdminCode(codeAt(p, comms)).withSynthetic(true));
        }
        for (AdminUnit t : towns) {
            if (rnd.nextDouble() < 0.4) {
                Point p = frame.offset(seeds.get(t.code()), 60, 150);
                p = insideOr(t, p, seeds.get(t.code()));
                fac.add(Facility.of("fac-cc-" + t.code(), t.name() + "综合养老服务中心", FacilityKind.COMPREHENSIVE_CENTRE,
                        p).withBeds(20, 10).withResidents(12).withOperator(Operator.PUBLIC).withFloorAreaM2(900)
                    .withAdminCode(codeAt(p, comms)).withSynthetic(true));
            }
        }

        for (AdminUnit c : comms) {
            boolean inStreet = byCode.get(c.parentCode().orElseThrow()).level() == AdminLevel.STREET;
            String shortName = AdminSynthesizer.shortCommunityName(c.name());
            if (c.level() == AdminLevel.COMMUNITY) {
                double dayCareChance = inStreet ? 0.45 : 0.25;
                if (rnd.nextDouble() < dayCareChance) {
                    Point p = at(rnd, c, seeds, vertices);
                    fac.add(Facility.of("fac-dc-" + c.code(), shortName + "社区日间照料中心", FacilityKind.DAY_CARE_CENTRE, p)
                        .withFloorAreaM2(300 + 50 * rnd.nextInt(7)).withOperator(Operator.PUBLIC_BUILT_PRIVATE_RUN)
                        .withAdminCode(c.code()).withSynthetic(true));
                } else if (inStreet && rnd.nextDouble() < 0.5) {
                    Point p = at(rnd, c, seeds, vertices);
                    fac.add(Facility.of("fac-ss-" + c.code(), shortName + "社区养老服务站", FacilityKind.SERVICE_STATION, p)
                        .withFloorAreaM2(50 + 25 * rnd.nextInt(7)).withOperator(Operator.PUBLIC)
                        .withAdminCode(c.code()).withSynthetic(true));
                }
                if (inStreet && rnd.nextDouble() < 0.2) {
                    Point p = at(rnd, c, seeds, vertices);
                    fac.add(Facility.of("fac-cn-" + c.code(), shortName + "社区老年食堂", FacilityKind.CANTEEN, p)
                        .withFloorAreaM2(120 + 20 * rnd.nextInt(5)).withOperator(Operator.PRIVATE)
                        .withAdminCode(c.code()).withSynthetic(true));
                }
            } else {
                if (rnd.nextDouble() < 0.12) {
                    Point p = placer.nearSeed(rnd, c.boundary(), seeds.get(c.code()), 150);
                    fac.add(Facility.of("fac-ma-" + c.code(), shortName + "农村互助养老服务点", FacilityKind.RURAL_MUTUAL_AID,
                            p).withFloorAreaM2(60 + 20 * rnd.nextInt(6)).withOperator(Operator.PUBLIC)
                        .withAdminCode(c.code()).withSynthetic(true));
                }
                if (rnd.nextDouble() < 0.04) {
                    Point p = placer.nearSeed(rnd, c.boundary(), seeds.get(c.code()), 150);
                    fac.add(Facility.of("fac-cn-" + c.code(), shortName + "幸福餐桌", FacilityKind.CANTEEN, p)
                        .withFloorAreaM2(60).withOperator(Operator.PUBLIC).withAdminCode(c.code()).withSynthetic(true));
                }
            }
        }

        List<AdminUnit> streetComms = comms.stream().filter(c -> c.level() == AdminLevel.COMMUNITY
            && byCode.get(c.parentCode().orElseThrow()).level() == AdminLevel.STREET).toList();
        for (int i = 0; i < 3 && i < streetComms.size(); i++) {
            AdminUnit c = streetComms.get((i * 7 + 3) % streetComms.size());
            Point p = at(rnd, c, seeds, vertices);
            fac.add(Facility.of("fac-ac-" + c.code(), AdminSynthesizer.shortCommunityName(c.name()) + "老年人活动中心",
                    FacilityKind.ACTIVITY_CENTRE, p).withFloorAreaM2(200).withOperator(Operator.PUBLIC)
                .withAdminCode(c.code()).withSynthetic(true));
        }
        AdminUnit embeddedIn = streetComms.get(streetComms.size() / 2);
        Point pe = at(rnd, embeddedIn, seeds, vertices);
        fac.add(Facility.of("fac-embedded-1", AdminSynthesizer.shortCommunityName(embeddedIn.name()) + "嵌入式养老院",
                FacilityKind.EMBEDDED_INSTITUTION, pe).withBeds(18, 18).withResidents(15)
            .withOperator(Operator.PUBLIC_BUILT_PRIVATE_RUN).withMedicalRoom(false).withCareStaff(4)
            .withFloorAreaM2(650).withAdminCode(embeddedIn.code()).withSynthetic(true));
        Point pp1 = frame.offset(centre, 2600, 2600);
        pp1 = insideOr(byCode.get(codeAt(pp1, comms)), pp1, centre);
        fac.add(Facility.of("fac-private-1", "贵溪康乐颐养院（示例）", FacilityKind.PRIVATE_INSTITUTION, pp1)
            .withBeds(180, 60).withResidents(112).withOperator(Operator.PRIVATE).withMedicalRoom(false)
            .withCareStaff(16).withFloorAreaM2(7200).withOpenedYear(2018).withAdminCode(codeAt(pp1, comms))
            .withSynthetic(true));
        Point pp2 = frame.offset(centre, -1200, 800);
        fac.add(Facility.of("fac-private-2", "贵溪福寿养老院（示例）", FacilityKind.PRIVATE_INSTITUTION, pp2)
            .withBeds(48, 10).withResidents(31).withOperator(Operator.PRIVATE).withMedicalRoom(false)
            .withCareStaff(5).withFloorAreaM2(1600).withOpenedYear(2015).withAdminCode(codeAt(pp2, comms))
            .withSynthetic(true));
        return new Result(med, fac);
    }

    private static AdminUnit townNamed(List<AdminUnit> towns, String name) {
        return towns.stream().filter(t -> t.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalStateException("township " + name + " missing from the NBS table"));
    }

    /** A point near a road vertex of the community (town centre) or near its seed. */
    private Point at(Random rnd, AdminUnit c, Map<String, Point> seeds, Map<String, List<Coordinate>> vertices) {
        return placer.nearRoad(rnd, c.boundary(), vertices.get(c.code()), seeds.get(c.code()), 300);
    }

    /** A point in one of the township's 居委会, preferring the first (by code) that has road vertices. */
    private Point placeInTier(Random rnd, AdminUnit township, List<AdminUnit> comms, Map<String, Point> seeds,
            Map<String, List<Coordinate>> vertices) {
        List<AdminUnit> mine = comms.stream().filter(c -> c.parentCode().orElseThrow().equals(township.code())
            && c.level() == AdminLevel.COMMUNITY).toList();
        for (AdminUnit c : mine) {
            if (!vertices.get(c.code()).isEmpty()) {
                return at(rnd, c, seeds, vertices);
            }
        }
        return placer.nearSeed(rnd, township.boundary(), seeds.get(township.code()), 300);
    }

    private Point nearestRoadPoint(Point target, List<AdminUnit> comms, Map<String, List<Coordinate>> vertices) {
        Point best = target;
        double bestD = Double.MAX_VALUE;
        for (AdminUnit c : comms) {
            for (Coordinate v : vertices.get(c.code())) {
                Point p = LocalFrame.point(v.x, v.y);
                double d = frame.distanceMetres(p, target);
                if (d < bestD) {
                    bestD = d;
                    best = p;
                }
            }
        }
        return frame.offset(best, 15, 15);
    }

    /** {@code p} if it lies in the unit, else {@code fallback}. */
    private static Point insideOr(AdminUnit unit, Point p, Point fallback) {
        PreparedGeometry prep = PreparedGeometryFactory.prepare(unit.boundary());
        return prep.contains(p) ? p : fallback;
    }

    /** Code of the community/village containing {@code p}. */
    private static String codeAt(Point p, List<AdminUnit> comms) {
        for (AdminUnit c : comms) {
            if (c.boundary().contains(p)) {
                return c.code();
            }
        }
        throw new IllegalStateException("point " + p + " lies in no community or village");
    }
}
