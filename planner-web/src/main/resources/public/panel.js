// The side panel: KPIs of the selected admin unit from /api/units/{code}, facilities by kind, and a chart.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip } from 'chart.js';
import { getJson } from './api.js';
import { t, kindName, medicalKindName, formatNumber, language } from './i18n/i18n.js';
import { showError } from './notify.js';
import { KIND_COLORS } from './layers/styles.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** The profile's target for a KPI, scaled to how the KPI is shown (× 100 for shares), or null. */
function targetOf(summary, key, scale) {
  const tg = summary.targets && summary.targets[key];
  return tg ? { ...tg, value: tg.value * scale } : null;
}

export class Panel {
  /** @param units the list from /api/units; onSelect(unit) is called after a unit's summary loaded */
  constructor(units, onSelect) {
    this.units = units;
    this.onSelect = onSelect;
    this.summary = null;
    this.chart = null;
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

  /** Loads and shows a unit; on failure shows the error and returns false, leaving the panel as it was. */
  async show(code) {
    try {
      const s = await getJson(`/api/units/${encodeURIComponent(code)}`);
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

  render() {
    const s = this.summary;
    if (!s) return;
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
      const d = document.createElement('div');
      d.className = `kpi${highlight ? ' highlight' : ''}`;
      d.dataset.kpi = key;
      const hasValue = value !== null && value !== undefined;
      d.innerHTML = '<div class="kpi-label"></div><div class="kpi-value"></div>';
      d.querySelector('.kpi-label').textContent = t(key);
      const v = d.querySelector('.kpi-value');
      v.textContent = formatNumber(value, digits);
      if (hasValue && unit) {
        const u = document.createElement('span');
        u.className = 'kpi-unit';
        u.textContent = unit;
        v.appendChild(u);
      }
      if (note) {
        const n = document.createElement('div');
        n.className = 'kpi-note';
        n.textContent = note;
        d.appendChild(n);
      }
      if (target) {
        const n = document.createElement('div');
        n.className = 'kpi-note kpi-target';
        n.textContent = `${t('target', { op: '≥', value: formatNumber(target.value, digits) + (unit === '%' ? '%' : '') })} · ${target.source}`;
        n.title = `${target.rule} (${target.binding})`;
        d.appendChild(n);
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

  renderChart() {
    const s = this.summary;
    const byChildren = s.children.length > 0;
    const title = document.getElementById('chart-title');
    title.textContent = byChildren ? t('chartChildren') : t('chartKinds');
    const labels = byChildren ? s.children.map((c) => c.name) : s.facilities.byKind.map((k) => kindName(k.kind, k.kindZh));
    const values = byChildren ? s.children.map((c) => c.bedsPer1000Elderly) : s.facilities.byKind.map((k) => k.count);
    const colors = byChildren ? labels.map(() => '#b5402a') : s.facilities.byKind.map((k) => KIND_COLORS[k.kind] || '#555');
    if (this.chart) this.chart.destroy();
    this.chart = new Chart(document.getElementById('unit-chart'), {
      type: 'bar',
      data: { labels, datasets: [{ label: byChildren ? t('chartBedsLabel') : t('chartCountLabel'), data: values, backgroundColor: colors, borderRadius: 3 }] },
      options: {
        indexAxis: labels.length > 6 ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: false,
        locale: language() === 'zh' ? 'zh-CN' : 'en-US',
        plugins: { legend: { display: false } },
        scales: { x: { ticks: { font: { size: 11 } } }, y: { ticks: { font: { size: 11 } }, beginAtZero: true } },
      },
    });
  }
}
