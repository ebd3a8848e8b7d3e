package org.eldercare.planner.coverage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.policy.Finding;
import org.eldercare.planner.policy.FindingStatus;

/**
 * A short Markdown summary of a {@link CoverageReport}, in Chinese and then English: parameters, coverage per county
 * and township/street, the ten largest spatial gaps, capacity, and the failed rules with their citations. Stateless.
 */
public final class CoverageSummary {
    /** Spatial gaps listed in the summary (all of them are in gaps.geojson). */
    public static final int TOP_GAPS = 10;

    private CoverageSummary() {}

    /** The summary as Markdown. */
    public static String markdown(CoverageReport r, PlanningData data) {
        StringBuilder sb = new StringBuilder();
        section(sb, r, data, true);
        sb.append("\n---\n\n");
        section(sb, r, data, false);
        return sb.toString();
    }

    private static void section(StringBuilder sb, CoverageReport r, PlanningData data, boolean zh) {
        Map<String, AdminUnit> byCode = data.adminUnitsByCode();
        String sm = CoverageAnalysis.fmt(r.serviceMinutes());
        sb.append(zh ? "# 养老服务覆盖与缺口分析：" : "# Coverage and gap analysis: ").append(r.dataName()).append("\n\n");
        sb.append(zh ? "- 政策配置：" : "- Policy profile: ").append(r.profileId()).append('\n');
        sb.append(zh ? "- 步行速度：" : "- Walking speed: ").append(r.walkSpeedMps()).append(" m/s\n");
        sb.append(zh ? "- 时间圈（分钟）：" : "- Bands (minutes): ").append(r.bandsMinutes().stream()
            .map(CoverageAnalysis::fmt).toList()).append(zh ? "；覆盖指" : "; covered = within ").append(sm)
            .append(zh ? "分钟内\n" : " minutes\n");
        FindingTotals t = r.totals();
        sb.append(zh ? "- 结论：" : "- Findings: ").append(t.total()).append(zh ? "条，达标" : " total, ")
            .append(t.passed()).append(zh ? "条，未达标" : " pass, ").append(t.failed())
            .append(zh ? "条，无法判定" : " fail, ").append(t.notApplicable()).append(zh ? "条\n\n" : " not applicable\n\n");

        sb.append(zh ? "## 人口覆盖\n\n" : "## Population coverage\n\n");
        sb.append(zh ? "| 单元 | 级别 | 老年人 | " + sm + "分钟内 | 覆盖率 | 未覆盖 | 80岁以上覆盖率 | 失能覆盖率 | 不在路网 |\n"
            : "| unit | level | elderly | within " + sm + " min | covered | not covered | 80+ covered "
                + "| disabled covered | off network |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (UnitCoverage u : r.units()) {
            if (u.level().isCommunityTier()) {
                continue;
            }
            sb.append("| ").append(u.name()).append(" | ").append(zh ? u.level().nameZh()
                : u.level().name().toLowerCase(Locale.ROOT)).append(" | ").append(n0(u.elderly())).append(" | ")
                .append(n0(u.elderlyCovered())).append(" | ").append(pct(u.coveredShare())).append(" | ")
                .append(n0(u.elderlyNotCovered())).append(" | ").append(pct(u.coveredShareAge80plus())).append(" | ")
                .append(pct(u.coveredShareDisabled())).append(" | ").append(n0(u.elderlyUnsnapped())).append(" |\n");
        }
        long communities = r.units().stream().filter(u -> u.level().isCommunityTier()).count();
        sb.append('\n').append(zh ? "社区/村" + communities + "个的明细见 coverage_units.geojson。\n\n"
            : communities + " communities/villages: see coverage_units.geojson.\n\n");

        sb.append(zh ? "## 空间缺口（" + sm + "分钟圈外的老年人聚居处）\n\n"
            : "## Spatial gaps (elderly outside every " + sm + "-minute circle)\n\n");
        if (r.spatialGaps().isEmpty()) {
            sb.append(zh ? "无。\n\n" : "None.\n\n");
        } else {
            sb.append(zh ? "| 排名 | 未覆盖老年人 | 80岁以上 | 失能 | 面积（公顷） | 涉及单元 |\n"
                : "| rank | uncovered elderly | 80+ | disabled | area (ha) | units |\n");
            sb.append("|---:|---:|---:|---:|---:|---|\n");
            for (SpatialGap g : r.spatialGaps().subList(0, Math.min(TOP_GAPS, r.spatialGaps().size()))) {
                sb.append("| ").append(g.rank()).append(" | ").append(n0(g.elderly())).append(" | ")
                    .append(n0(g.age80plus())).append(" | ").append(n0(g.disabled())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", g.areaM2() / 10_000)).append(" | ")
                    .append(String.join(zh ? "、" : ", ", g.adminCodes().stream()
                        .map(c -> byCode.containsKey(c) ? byCode.get(c).name() : c).toList())).append(" |\n");
            }
            double total = r.spatialGaps().stream().mapToDouble(SpatialGap::elderly).sum();
            sb.append('\n').append(zh ? "共" + r.spatialGaps().size() + "处，未覆盖老年人" + n0(total) + "人。\n\n"
                : r.spatialGaps().size() + " gaps with " + n0(total) + " uncovered elderly in all.\n\n");
        }

        sb.append(zh ? "## 床位与机构\n\n" : "## Beds and institutions\n\n");
        sb.append(zh ? "| 单元 | 老年人 | 机构 | 床位 | 护理型床位 | 每千名老人床位 | 护理型占比 | 9073：居家/社区/机构 |\n"
            : "| unit | elderly | institutions | beds | nursing beds | beds per 1000 | nursing share "
                + "| 9073: home/community/institution |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (CapacityMeasure c : r.capacity()) {
            sb.append("| ").append(c.unitName()).append(" | ").append(n0(c.elderly()))
                .append(c.elderlyFromCensus() ? "" : "*").append(" | ").append(c.institutions()).append(" | ")
                .append(c.beds()).append(" | ").append(c.nursingBeds()).append(" | ")
                .append(Double.isNaN(c.bedsPer1000Elderly()) ? "–"
                    : String.format(Locale.ROOT, "%.1f", c.bedsPer1000Elderly())).append(" | ")
                .append(pct(c.nursingShare())).append(" | ").append(Double.isNaN(c.homeCareElderly()) ? "–"
                    : n0(c.homeCareElderly()) + " / " + n0(c.communityCareElderly()) + " / "
                        + n0(c.institutionCareElderly())).append(" |\n");
        }
        sb.append('\n').append(zh ? "*为需求点合计（无统计数）。\n\n" : "* sum of demand points (no census count).\n\n");

        sb.append(zh ? "## 未达标的规则\n\n" : "## Rules failed\n\n");
        Map<String, Integer> fails = CoverageReportFiles.failsByRule(r.findings());
        if (fails.isEmpty()) {
            sb.append(zh ? "无。\n" : "None.\n");
        }
        for (var e : fails.entrySet()) {
            Finding first = r.findings().stream().filter(f -> f.ruleId().equals(e.getKey())
                && f.status() == FindingStatus.FAIL).findFirst().orElseThrow();
            sb.append("- `").append(e.getKey()).append("` (").append(first.citation()).append(", ")
                .append(zh ? first.binding().nameZh() : first.binding().toString()).append(zh ? ")：" : "): ").append(e.getValue()).append(zh ? "条未达标" : " failing").append(zh ? "，例：" : "; e.g. ")
                .append(zh ? first.messageZh() : first.messageEn()).append('\n');
        }
        List<Finding> na = r.findings().stream().filter(f -> f.status() == FindingStatus.NOT_APPLICABLE).toList();
        if (!na.isEmpty()) {
            sb.append('\n').append(zh ? "另有" + na.size() + "条无法判定（数据问题或数据不足），见 findings.csv。\n"
                : na.size() + " more could not be decided (data problems or missing data): see findings.csv.\n");
        }
    }

    private static String n0(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : "–";
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v * 100) : "–";
    }
}
