package org.eldercare.planner.scenario;

import java.util.List;
import java.util.Locale;
import org.eldercare.planner.model.AdminLevel;

/**
 * A Markdown summary of a {@link ScenarioResult}, in Chinese and then English: the scenario and its inputs' hashes,
 * the applied changes, totals before/after, coverage and beds per township/street (and county), the findings that
 * appear or disappear, and district verdict changes. Numbers are formatted with {@link Locale#ROOT}, so the text is
 * byte-stable. Stateless.
 */
public final class ScenarioSummary {
    /** Findings listed per direction (all are in diff.json). */
    public static final int MAX_FINDINGS = 15;

    private ScenarioSummary() {}

    public static String markdown(ScenarioResult r) {
        StringBuilder sb = new StringBuilder();
        section(sb, r, true);
        sb.append("\n---\n\n");
        section(sb, r, false);
        return sb.toString();
    }

    private static void section(StringBuilder sb, ScenarioResult r, boolean zh) {
        Scenario s = r.resolved().scenario();
        ScenarioDiff d = r.diff();
        ScenarioDiff.Total t = d.total();
        sb.append(zh ? "# 情景分析：" : "# Scenario: ").append(s.name()).append("\n\n");
        if (!s.description().isEmpty()) {
            sb.append(s.description()).append("\n\n");
        }
        sb.append(zh ? "- 基础数据：" : "- Base: ").append(s.base()).append(" (").append(r.resolved().data().name())
            .append(")\n");
        sb.append(zh ? "- 政策配置：" : "- Policy profile: ").append(r.scenario().profileId()).append('\n');
        sb.append(zh ? "- 步行速度：" : "- Walking speed: ").append(n(r.baseline().walkSpeedMps(), 2)).append(" → ")
            .append(n(r.scenario().walkSpeedMps(), 2)).append(" m/s\n");
        Provenance p = r.provenance();
        sb.append(zh ? "- 输入校验（SHA-256）：情景 " : "- Inputs (SHA-256): scenario ").append(p.scenarioSha256()
            .substring(0, 12)).append(zh ? "，数据 " : ", workspace ").append(p.workspaceSha256().substring(0, 12))
            .append(zh ? "，政策 " : ", profile ").append(p.profileSha256().substring(0, 12)).append(zh ? "；版本 "
                : "; planner ").append(p.plannerVersion()).append("\n\n");
        sb.append(zh ? "## 变更\n\n" : "## Changes\n\n");
        List<String> desc = r.resolved().descriptions();
        if (desc.isEmpty()) {
            sb.append(zh ? "无（基准情景）。\n" : "None (baseline).\n");
        }
        for (int i = 0; i < desc.size(); i++) {
            sb.append(i + 1).append(". ").append(desc.get(i)).append('\n');
        }
        sb.append('\n');
        sb.append(zh ? "## 总体\n\n| 指标 | 基准 | 情景 | 变化 |\n" : "## Totals\n\n| measure | baseline | scenario | change |\n");
        sb.append("|---|---:|---:|---:|\n");
        row(sb, zh ? "老年人" : "elderly", t.elderlyBefore(), t.elderlyAfter(), 0);
        row(sb, zh ? "服务圈内老年人" : "elderly within the circle", t.coveredBefore(), t.coveredAfter(), 0);
        sb.append("| ").append(zh ? "覆盖率" : "covered share").append(" | ").append(pct(t.shareBefore()))
            .append(" | ").append(pct(t.shareAfter())).append(" | ").append(pp(t.shareAfter() - t.shareBefore()))
            .append(" |\n");
        row(sb, zh ? "机构床位" : "institutional beds", t.bedsBefore(), t.bedsAfter(), 0);
        row(sb, zh ? "空间缺口（处）" : "spatial gaps", t.gapsBefore(), t.gapsAfter(), 0);
        row(sb, zh ? "未达标结论（条）" : "failed findings", t.failedBefore(), t.failedAfter(), 0);
        sb.append('\n');
        sb.append(zh ? "## 乡镇/街道及县\n\n| 单元 | 覆盖率（基准） | 覆盖率（情景） | 变化 | 每千名老人床位（基准） | （情景） |\n"
            : "## Townships/streets and county\n\n| unit | covered (baseline) | covered (scenario) | change "
                + "| beds per 1000 (baseline) | (scenario) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (ScenarioDiff.UnitDelta u : d.units()) {
            if (u.level() == AdminLevel.COMMUNITY || u.level() == AdminLevel.VILLAGE) {
                continue;
            }
            sb.append("| ").append(u.name()).append(" | ").append(pct(u.shareBefore())).append(" | ")
                .append(pct(u.shareAfter())).append(" | ").append(pp(u.deltaShare())).append(" | ")
                .append(n(u.bedsPer1000Before(), 1)).append(" | ").append(n(u.bedsPer1000After(), 1)).append(" |\n");
        }
        sb.append('\n');
        findings(sb, zh ? "## 新出现的结论" : "## Findings that appear", d.appeared(), zh);
        findings(sb, zh ? "## 消失的结论" : "## Findings that disappear", d.disappeared(), zh);
        sb.append(zh ? "## 居住小区配建结论变化\n\n" : "## District verdict changes\n\n");
        if (d.districts().isEmpty()) {
            sb.append(zh ? "无。\n" : "None.\n");
        }
        for (ScenarioDiff.DistrictChange c : d.districts()) {
            sb.append("- ").append(c.id()).append(": ").append(c.before()).append(" → ").append(c.after())
                .append(zh ? "（缺口 " : " (shortfall ").append(n(c.shortfallBeforeM2(), 1)).append(" → ")
                .append(n(c.shortfallAfterM2(), 1)).append(zh ? " 平方米）\n" : " m²)\n");
        }
        if (r.baselineSiting().isPresent() && r.scenarioSiting().isPresent()) {
            siting(sb, r.baselineSiting().get(), r.scenarioSiting().get(), zh);
        }
        sb.append('\n').append(zh ? "图表：charts/coverage_by_township.png、charts/beds_per_1000.png；图层：layers/。\n"
            : "Charts: charts/coverage_by_township.png, charts/beds_per_1000.png; layers: layers/.\n");
    }

    private static void siting(StringBuilder sb, SitingMetrics b, SitingMetrics a, boolean zh) {
        sb.append('\n').append(zh ? "## 区域性养老机构选址（" : "## Regional institution siting (").append(a.model())
            .append(", ").append(a.travelMode()).append(", ").append(n(a.minutes(), 0)).append(zh ? " 分钟）\n\n"
                : " min)\n\n");
        sb.append(zh ? "- 选址（基准）：" : "- Sites (baseline): ").append(b.sites().isEmpty() ? "-" : String.join(", ",
            b.sites())).append(" (").append(b.status()).append(")\n");
        sb.append(zh ? "- 选址（情景）：" : "- Sites (scenario): ").append(a.sites().isEmpty() ? "-" : String.join(", ",
            a.sites())).append(" (").append(a.status()).append(")\n");
        sb.append(zh ? "- 时限内老年人比例：" : "- Elderly within the minutes: ").append(pct(b.coveredShare()))
            .append(" → ").append(pct(a.coveredShare())).append(" (").append(pp(a.coveredShare() - b.coveredShare()))
            .append(")\n");
        sb.append(zh ? "- 被规则排除的候选点：" : "- Candidates excluded by a rule: ").append(b.excludedCandidates())
            .append(" → ").append(a.excludedCandidates()).append('\n');
    }

    private static void findings(StringBuilder sb, String title, List<FindingRef> fs, boolean zh) {
        sb.append(title).append(" (").append(fs.size()).append(")\n\n");
        if (fs.isEmpty()) {
            sb.append(zh ? "无。\n\n" : "None.\n\n");
            return;
        }
        for (FindingRef f : fs.subList(0, Math.min(MAX_FINDINGS, fs.size()))) {
            sb.append("- `").append(f.ruleId()).append("` ").append(f.status()).append(" (").append(f.citation())
                .append("): ").append(zh ? f.messageZh() : f.messageEn()).append('\n');
        }
        if (fs.size() > MAX_FINDINGS) {
            sb.append(zh ? "- ……其余" + (fs.size() - MAX_FINDINGS) + "条见 diff.json\n"
                : "- … " + (fs.size() - MAX_FINDINGS) + " more in diff.json\n");
        }
        sb.append('\n');
    }

    private static void row(StringBuilder sb, String label, double before, double after, int decimals) {
        sb.append("| ").append(label).append(" | ").append(n(before, decimals)).append(" | ").append(n(after, decimals))
            .append(" | ").append(after - before >= 0 ? "+" : "").append(n(after - before, decimals)).append(" |\n");
    }

    static String n(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + decimals + "f", v) : "–";
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v * 100) : "–";
    }

    static String pp(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f pp", v * 100) : "–";
    }
}
