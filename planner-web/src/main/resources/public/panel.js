// The side panel: KPIs of the selected admin unit from /api/units/{code}, facilities by kind, and a chart.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend } from 'chart.js';
import { getJson } from './api.js';
import { t, kindName, medicalKindName, formatNumber, language } from './i18n/i18n.js';
import { showError } from './notify.js';
import { KIND_COLORS } from './layers/styles.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const BAND_COLORS = ['#1b6e3a', '#4caf50', '#a5d6a7'];

/** "+40" / "−12" / "±0" with the language's digits. */
function signed(v, digits = 0) {
  if (Math.abs(v) < 1e-9) return '±0';
  return (v > 0 ? '+' : '−') + formatNumber(Math.abs(v), digits);
}

/** The profile's target for a KPI, scaled to how the KPI is shown (× 100 for shares), or null. */
function targetOf(summary, key, scale) {
  const tg = summary.targets && summary.targets[key];
  return tg ? { ...tg, value: tg.value * scale } : null;
}

/** Appends a `div` of class `cls` holding `text` to `parent`; answers it. */
function appendDiv(parent, cls, text) {
  const el = document.createElement('div');
  el.className = cls;
  el.textContent = text;
  parent.appendChild(el);
  return el;
}

/** A KPI card (`div.kpi` with `data-kpi=key`): its label and value text, and the unit when there is one. */
function kpiCard(key, cls, label, valueText, unit) {
  const d = document.createElement('div');
  d.className = cls ? `kpi ${cls}` : 'kpi';
  d.dataset.kpi = key;
  d.innerHTML = '<div class="kpi-label"></div><div class="kpi-value"></div>';
  d.querySelector('.kpi-label').textContent = label;
  const v = d.querySelector('.kpi-value');
  v.textContent = valueText;
  if (unit) {
    const u = document.createElement('span');
    u.className = 'kpi-unit';
    u.textContent = unit;
    v.appendChild(u);
  }
  return d;
}

export class Panel {
  /**
   * @param units    the list from /api/units; onSelect(unit) is called after a unit's summary loaded
   * @param profiles the profiles from /api/config (the server's first): the selector's choices
   */
  constructor(units, onSelect, profiles = []) {
    this.units = units;
    this.profile = profiles.length ? profiles[0].id : null;
    this.profileSelect = document.getElementById('profile-select');
    profiles.forEach((p) => {
      const o = document.createElement('option');
      o.value = p.id;
      o.textContent = p.id;
      o.title = language() === 'zh' ? p.nameZh : p.nameEn;
      this.profileSelect.appendChild(o);
    });
    this.profileSelect.addEventListener('change', () => this.setProfile(this.profileSelect.value));
    this.onSelect = onSelect;
    this.summary = null;
    this.chart = null;
    this.coverage = null;
    this.coverageByCode = new Map();
    this.scenario = null;
    this.scenarioByCode = new Map();
    this.select = document.getElementById('unit-select');
    this.select.addEventListener('change', () => this.show(this.select.value));
    document.getElementById('unit-up').addEventListener('click', () => {
      if (this.summary && this.summary.parentCode) this.show(this.summary.parentCode);
    });
    this.renderOptions();
  }

  renderOptions() {
    const current = this.select.value;
    this.select.innerHTML = '';
    const indent = { county: '', township: '\u3000', community: '\u3000\u3000' };
    this.units.forEach((u) => {
      const o = document.createElement('option');
      o.value = u.code;
      o.textContent = `${indent[u.tier] || ''}${u.name}`;
      this.select.appendChild(o);
    });
    if (current) this.select.value = current;
  }

  /** The query string naming the profile in force, or ''. */
  profileQuery() {
    return this.profile ? `?profile=${encodeURIComponent(this.profile)}` : '';
  }

  /** Puts another profile in force: the coverage report and the unit's targets are loaded under it. */
  async setProfile(id) {
    this.profile = id;
    this.profileSelect.value = id;
    try {
      this.setCoverage(await getJson(`/api/coverage${this.profileQuery()}`));
      if (this.summary) await this.show(this.summary.code);
    } catch (err) {
      showError(err);
    }
  }

  /** Loads and shows a unit; on failure shows the error and returns false, leaving the panel as it was. */
  async show(code) {
    try {
      const s = await getJson(`/api/units/${encodeURIComponent(code)}${this.profileQuery()}`);
      this.summary = s;
      this.select.value = s.code;
      history.replaceState(null, '', `#unit=${s.code}`);
      this.render();
      this.onSelect(s);
      return true;
    } catch (err) {
      if (err.status === 404 && err.details && err.details.parameter === 'code') {
        err.message = t('unitNotFound', { code });
      }
      showError(err);
      return false;
    }
  }

  /** The coverage report from /api/coverage (units with bands, gaps, targets with clauses, data warnings). */
  setCoverage(report) {
    this.coverage = report;
    this.coverageByCode = new Map(report.units.map((u) => [u.code, u]));
    this.render();
  }

  /** The loaded data's counted problems (features off the road network or in no unit), with the first ids. */
  renderWarnings() {
    const list = document.getElementById('data-warnings');
    const warnings = (this.coverage && this.coverage.warnings) || [];
    list.innerHTML = '';
    warnings.forEach((w) => {
      const li = document.createElement('li');
      li.dataset.code = w.code;
      const shown = w.ids.slice(0, 5).join(', ') + (w.count > 5 ? ' …' : '');
      const where = `${w.layer}.${w.field}: ${shown}`;
      li.textContent = language() === 'zh' ? `${w.messageZh}（${where}）` : `${w.messageEn} (${where})`;
      li.title = w.ids.join(', ');
      list.appendChild(li);
    });
    document.getElementById('data-warnings-head').hidden = warnings.length === 0;
  }

  /** A what-if answer from /api/what-if, or null for the baseline. */
  setScenario(answer) {
    this.scenario = answer;
    this.scenarioByCode = new Map(answer ? answer.units.map((u) => [u.code, u]) : []);
    this.render();
  }

  render() {
    this.renderWarnings();
    const s = this.summary;
    if (!s) return;
    this.renderCoverage();
    document.getElementById('unit-name').textContent = s.name;
    document.getElementById('unit-level').textContent = `${t(`levels.${s.level}`)} · ${s.code}`;
    document.getElementById('unit-up').disabled = !s.parentCode;
    const share = s.population && s.elderly60 !== null ? formatNumber((100 * s.elderly60) / s.population, 1) + '%' : null;
    const kpis = [
      ['population', s.population, 0, t('persons')],
      ['elderly60', s.elderly60, 0, t('persons'), share ? t('shareOfPopulation', { p: share }) : ''],
      ['elderly80', s.elderly80, 0, t('persons')],
      ['disabledElderly', s.disabledElderly, 0, t('persons')],
      ['facilitiesTotal', s.facilities.total, 0, t('count')],
      ['beds', s.beds, 0, t('bedUnit')],
      ['bedsPer1000', s.bedsPer1000Elderly, 1, '', '', true, targetOf(s, 'bedsPer1000Elderly', 1)],
      ['nursingShare', s.nursingBedShare === null ? null : s.nursingBedShare * 100, 1, '%', '', false, targetOf(s, 'nursingBedShare', 100)],
      ['medicalTotal', s.medical.total, 0, t('count')],
      ['households', s.households, 0, ''],
    ];
    const box = document.getElementById('kpis');
    box.innerHTML = '';
    kpis.forEach(([key, value, digits, unit, note, highlight, target]) => {
      const hasValue = value !== null && value !== undefined;
      const d = kpiCard(key, highlight ? 'highlight' : '', t(key), formatNumber(value, digits), hasValue ? unit : '');
      if (note) appendDiv(d, 'kpi-note', note);
      if (target) {
        // the target of the profile in force with its clause; a clause of another profile's document says whose
        const borrowed = target.borrowedFrom ? `（${t('borrowedFrom', { profile: target.borrowedFrom.id })}）` : '';
        const n = appendDiv(d, 'kpi-note kpi-target', `${t('targetOfProfile', { profile: target.profile, op: '≥',
          value: formatNumber(target.value, digits) + (unit === '%' ? '%' : '') })} · ${target.source}${borrowed}`);
        n.dataset.profile = target.profile;
        n.title = `${language() === 'zh' ? target.profileZh : target.profileEn}: ${target.rule} (${target.binding})`;
        if (hasValue) {
          const meets = value >= target.value - 1e-9;
          d.classList.add(meets ? 'meets' : 'below');
          d.dataset.target = meets ? 'meets' : 'below';
          d.title = meets ? t('meetsTarget') : t('belowTarget');
        }
      }
      box.appendChild(d);
    });
    this.renderKinds('facility-kinds', s.facilities.byKind, (k) => kindName(k.kind, k.kindZh), (k) => KIND_COLORS[k.kind], '');
    this.renderKinds('medical-kinds', s.medical.byKind, (k) => medicalKindName(k.kind, k.kindZh), () => '#e8596e', 'square');
    this.renderChart();
  }

  renderKinds(id, items, name, color, cls) {
    const ul = document.getElementById(id);
    ul.innerHTML = '';
    if (items.length === 0) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = t('none');
      ul.appendChild(li);
      return;
    }
    items.forEach((k) => {
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = `swatch ${cls}`;
      sw.style.background = color(k) || '#555';
      const label = document.createElement('span');
      label.textContent = name(k);
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = formatNumber(k.count);
      li.append(sw, label, count);
      ul.appendChild(li);
    });
  }

  /** Coverage KPIs of the selected unit: share within each band (with the what-if change), not covered, gaps. */
  renderCoverage() {
    const box = document.getElementById('coverage-kpis');
    const rulesBox = document.getElementById('coverage-rules');
    box.innerHTML = '';
    rulesBox.innerHTML = '';
    const c = this.summary && this.coverageByCode.get(this.summary.code);
    if (!c) {
      box.textContent = this.coverage ? t('noCoverage') : t('loading');
      return;
    }
    const sc = this.scenarioByCode.get(c.code);
    const targets = this.coverage.targets;
    const kpi = (key, label, value, unit, notes, cls, delta) => {
      const d = kpiCard(key, cls, label, value, unit);
      if (delta) appendDiv(d, `kpi-delta ${delta.cls}`, delta.text).dataset.delta = key;
      notes.filter(Boolean).forEach((n) => appendDiv(d, 'kpi-note', n));
      box.appendChild(d);
    };
    c.bands.forEach((b, i) => {
      // the what-if answer's units have /api/coverage's schema: the scenario's elderly within each band
      const after = sc ? sc.bands[i].elderly : b.elderly;
      const total = sc ? sc.elderly : c.elderly;
      const share = total > 0 ? after / total : null;
      const rule = targets.bands.find((r) => r.value === b.minutes);
      const change = sc ? sc.bands[i].elderly - b.elderly : 0;
      const delta = sc ? {
        cls: change > 0 ? 'up' : change < 0 ? 'down' : 'same',
        text: t('whatIfDelta', { n: signed(change), p: c.elderly > 0 ? signed((100 * change) / c.elderly, 1) : '±0' }),
      } : null;
      const cls = share === null ? '' : share >= 0.9 ? 'meets' : share < 0.5 ? 'below' : 'middling';
      kpi(`cover${b.minutes}`, t('coverWithin', { m: b.minutes }), share === null ? t('noData') : formatNumber(share * 100, 1), share === null ? '' : '%',
        [t('coveredOf', { n: formatNumber(after), total: formatNumber(total) }), rule ? t('clause', { source: rule.source }) : null], cls, delta);
    });
    const serviceIndex = c.bands.findIndex((b) => b.minutes === c.serviceMinutes);
    const notCovered = sc ? sc.elderlyNotCovered : c.elderlyNotCovered;
    const ncChange = sc ? sc.elderlyNotCovered - c.elderlyNotCovered : 0;
    kpi('notCovered', t('notCoveredKpi', { m: c.serviceMinutes }), formatNumber(notCovered), t('persons'),
      [c.elderlyUnsnapped > 0 ? t('offNetwork', { n: formatNumber(c.elderlyUnsnapped) }) : null], notCovered > 0 ? 'below' : 'meets',
      sc ? { cls: ncChange < 0 ? 'up' : ncChange > 0 ? 'down' : 'same', text: signed(ncChange) } : null);
    const gapsNow = sc ? sc.gaps : c.gaps;
    const gapsChange = sc ? sc.gaps - c.gaps : 0;
    kpi('gaps', t('gapsCount'), formatNumber(gapsNow), t('count'), [t('gapsNote', { m: c.serviceMinutes })], gapsNow > 0 ? 'below' : 'meets',
      sc ? { cls: gapsChange < 0 ? 'up' : gapsChange > 0 ? 'down' : 'same', text: signed(gapsChange) } : null);
    // administrative coverage targets that apply to this unit's level, each with its clause
    const rules = targets.coverageRules.filter((r) => r.levels.includes(c.level));
    rules.forEach((r) => {
      const li = document.createElement('li');
      const fails = c.lackingRules.includes(r.rule);
      li.className = fails ? 'below' : 'meets';
      li.innerHTML = '<span class="status-dot"></span><span class="rule-text"></span>';
      li.querySelector('.rule-text').textContent = `${language() === 'zh' ? r.descriptionZh : r.descriptionEn} (${formatNumber(r.targetShare * 100, 0)}%) · ${r.source}`;
      li.title = `${r.rule} · ${fails ? t('belowTarget') : t('meetsTarget')}`;
      rulesBox.appendChild(li);
    });
    document.getElementById('coverage-rules-head').hidden = rules.length === 0;
  }

  /** Coverage by sub-unit (townships of a county, communities of a township): share within each band. */
  renderChart() {
    const s = this.summary;
    const title = document.getElementById('chart-title');
    const last = (u) => u.bands[u.bands.length - 1].elderly / u.elderly;
    // best covered first, so the sub-units that need facilities are together at the end
    const children = this.coverage ? this.coverage.units.filter((u) => u.parentCode === s.code && u.elderly > 0)
      .sort((a, b) => last(b) - last(a)) : [];
    const own = this.coverageByCode.get(s.code);
    const rows = children.length > 0 ? children : own ? [own] : [];
    title.textContent = children.length > 0 ? t('chartCoverageChildren') : t('chartCoverageUnit');
    const bands = rows.length ? rows[0].bands.map((b) => b.minutes) : [];
    const datasets = bands.map((m, i) => ({
      label: t('withinMinutes', { m }),
      data: rows.map((u) => (u.elderly > 0 ? (100 * u.bands[i].elderly) / u.elderly : null)),
      backgroundColor: BAND_COLORS[i] || '#999',
      borderRadius: 2,
    }));
    if (this.scenario && bands.length) {
      const i = bands.length - 1;
      datasets.push({
        label: t('whatIfSeries', { m: bands[i] }),
        data: rows.map((u) => {
          const x = this.scenarioByCode.get(u.code);
          return x && x.elderly > 0 ? (100 * x.bands[i].elderly) / x.elderly : null;
        }),
        backgroundColor: '#f08c00',
        borderRadius: 2,
      });
    }
    if (this.chart) this.chart.destroy();
    const labels = rows.map((u) => u.name);
    document.querySelector('.chart-box').style.height = `${Math.max(220, 40 + labels.length * (labels.length > 6 ? 22 : 0))}px`;
    this.chart = new Chart(document.getElementById('unit-chart'), {
      type: 'bar',
      data: { labels, datasets },
      options: {
        indexAxis: labels.length > 6 ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: false,
        locale: language() === 'zh' ? 'zh-CN' : 'en-US',
        plugins: { legend: { display: true, position: 'bottom', labels: { boxWidth: 10, font: { size: 11 } } },
          tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatNumber(ctx.parsed[labels.length > 6 ? 'x' : 'y'], 1)}%` } } },
        scales: {
          x: { ticks: { font: { size: 11 } }, max: labels.length > 6 ? 100 : undefined, beginAtZero: true },
          y: { ticks: { font: { size: 11 } }, beginAtZero: true, max: labels.length > 6 ? undefined : 100 },
        },
      },
    });
  }
}
