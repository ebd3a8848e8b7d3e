// Popup content per layer, built when the popup opens so it follows the current language.
import { t, kindName, medicalKindName, formatNumber, maybe, language } from '../i18n/i18n.js';

function esc(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function table(rows) {
  const body = rows.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('');
  return `<table>${body}</table>`;
}

function operatorName(p) {
  if (!p.operator) return null;
  return language() === 'zh' ? p.operatorZh : (maybe(`operators.${p.operator}`) || p.operator);
}

/** A district's floor-area verdict: status, required vs provided, the reason, and each rule with its clause. */
function verdictHtml(p) {
  const rows = [
    [t('popupVerdict'), t(`verdicts.${p.verdict}`)],
    [t('popupHouseholds'), formatNumber(p.households)],
    [t('popupStatus'), t(`status.${p.districtStatus}`)],
    [t('popupRequired'), `${formatNumber(p.requiredM2, 1)} ${t('m2')}`],
    [t('popupProvided'), `${formatNumber(p.providedM2, 1)} ${t('m2')}`],
    [t('popupShortfall'), p.shortfallM2 > 0 ? `${formatNumber(p.shortfallM2, 1)} ${t('m2')}` : null],
    [t('popupPooledWith'), p.pooledWith && p.pooledWith.length ? p.pooledWith.join(', ') : null],
  ];
  const reason = language() === 'zh' ? p.reasonZh : p.reasonEn;
  const rules = (p.rules || []).map((r) => `<li><b>${esc(r.id)}</b> ${esc(r.value)} ${esc(r.unit)}<br>`
    + `<span class="kpi-note">${esc(r.source)} · ${esc(t(`bindings.${r.binding}`))}${r.assumption ? ' · ' + esc(t('assumption')) : ''}</span></li>`).join('');
  return `<div class="popup"><h4>${esc(p.name || p.id)}</h4>${table(rows)}`
    + `<p class="popup-reason">${esc(reason || '')}</p>`
    + `<div class="kpi-note">${esc(t('popupRules', { profile: p.profile }))}</div><ul class="rule-list">${rules}</ul></div>`;
}

function pct(v) {
  return v === null || v === undefined ? t('noData') : `${formatNumber(v * 100, 1)}%`;
}

/** Coverage of a unit: elderly and share within each band, not covered, gaps, coverage rules it fails. */
function coverageHtml(p) {
  const rows = [[t('popupElderly60'), formatNumber(p.elderly)]];
  (p.bands || []).forEach((b) => rows.push([t('withinMinutes', { m: b.minutes }), `${formatNumber(b.elderly)} (${pct(b.share)})`]));
  rows.push([t('notCovered'), formatNumber(p.elderlyNotCovered)]);
  rows.push([t('gapsCount'), formatNumber(p.gaps)]);
  const lacking = (p.lackingRules || []).length ? `<div class="kpi-note">${esc(t('lackingRules'))}: ${esc(p.lackingRules.join(', '))}</div>` : '';
  return `<div class="popup"><h4>${esc(p.name)}</h4>${table(rows)}${lacking}</div>`;
}

function findingHtml(p) {
  const rows = [
    [t('popupRule'), p.rule],
    [t('popupVerdict'), t(`findingStatus.${p.status}`)],
    [t('popupMeasured'), p.measured === null ? null : `${formatNumber(p.measured, 2)} ${p.unit}`],
    [t('popupTarget'), p.target === null ? null : `${formatNumber(p.target, 2)} ${p.unit}`],
    [t('popupSource'), `${p.source} · ${language() === 'zh' ? p.bindingZh : p.binding}`],
  ];
  const msg = language() === 'zh' ? p.messageZh : p.messageEn;
  return `<div class="popup"><h4>${esc(p.rule)}</h4>${table(rows)}<p class="popup-reason">${esc(msg)}</p></div>`;
}

/** Buttons shown in a facility's popup in what-if mode (set by the what-if module). */
let facilityActions = () => '';
export function setFacilityActions(fn) {
  facilityActions = fn;
}

export function popupHtml(layerId, feature) {
  const p = feature.properties || {};
  let rows;
  switch (layerId) {
    case 'facilities':
      rows = [
        [t('popupKind'), kindName(p.kind, p.kindZh)],
        [t('popupBeds'), p.beds > 0 ? `${formatNumber(p.beds)} ${t('bedUnit')}`.trim() : null],
        [t('popupNursingBeds'), p.beds > 0 ? formatNumber(p.nursingBeds) : null],
        [t('popupResidents'), p.residents === null ? null : formatNumber(p.residents)],
        [t('popupOperator'), operatorName(p)],
        [t('popupOpened'), p.openedYear],
        [t('popupFloorArea'), p.floorAreaM2 === null ? null : `${formatNumber(p.floorAreaM2)} ${t('m2')}`],
        [t('popupMedicalRoom'), p.hasMedicalRoom ? t('yes') : t('no')],
      ];
      break;
    case 'medical-facilities':
      rows = [[t('popupKind'), medicalKindName(p.kind, p.kindZh)]];
      break;
    case 'districts':
      rows = [
        [t('popupHouseholds'), formatNumber(p.households)],
        [t('popupStatus'), t(`status.${p.status}`)],
        [t('popupCompletion'), p.completionYear],
        [t('popupSiteAreas'), `${formatNumber(p.providedAreaM2)} ${t('m2')}`],
      ];
      break;
    case 'roads':
      rows = [[t('popupHighway'), p.highway]];
      break;
    case 'district-verdicts':
      return verdictHtml(p);
    case 'coverage-communities':
    case 'coverage-townships':
      return coverageHtml(p);
    case 'findings':
      return findingHtml(p);
    case 'gaps':
      rows = [
        [t('popupRank'), `#${p.rank}`],
        [t('uncoveredElderly'), formatNumber(p.elderly)],
        [t('popupElderly80'), formatNumber(p.age80plus)],
        [t('disabledElderly'), formatNumber(p.disabled)],
        [t('popupArea'), `${formatNumber(p.areaM2 / 10000, 1)} ha`],
        [t('popupUnits'), (p.adminNames || []).join(language() === 'zh' ? '、' : ', ')],
      ];
      return `<div class="popup"><h4>${esc(t('gapTitle', { rank: p.rank }))}</h4>${table(rows)}</div>`;
    case 'circles':
    case 'circles-by-kind':
    case 'what-if-circles':
      rows = [
        [t('popupKind'), kindName(p.kind, p.kindZh)],
        [t('popupMinutes'), t('minutesWalk', { m: p.minutes, s: formatNumber(p.speedMps, 1) })],
        [t('popupArea'), `${formatNumber(p.areaM2 / 10000, 1)} ha`],
        [t('popupRoadReached'), p.reachedLengthM === null ? null : `${formatNumber(p.reachedLengthM / 1000, 1)} km`],
        [t('popupFacilities'), p.facilityCount > 1 ? formatNumber(p.facilityCount) : null],
      ];
      break;
    case 'admin-county':
    case 'admin-township':
    case 'admin-community':
      rows = [
        [t('popupLevel'), t(`levels.${p.level}`)],
        [t('popupPopulation'), p.population === null ? null : formatNumber(p.population)],
        [t('popupElderly60'), p.elderly60 === null ? null : formatNumber(p.elderly60)],
      ];
      break;
    default:
      rows = Object.entries(p).filter(([, v]) => typeof v !== 'object');
  }
  const title = p.name || feature.id;
  const synthetic = p.synthetic ? `<div class="kpi-note">${esc(t('popupSynthetic'))}</div>` : '';
  const actions = layerId === 'facilities' ? facilityActions(feature) : '';
  return `<div class="popup"><h4>${esc(title)}</h4>${table(rows)}${synthetic}${actions}</div>`;
}
