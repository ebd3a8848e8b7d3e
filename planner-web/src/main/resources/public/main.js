// Boots the page: configuration, map, layers, side panel, language switch and export.
import { getJson } from './api.js';
import { initAuth } from './auth.js';
import { applyStaticText, language, onLanguageChange, setLanguage, t } from './i18n/i18n.js';
import { createMap, createSelection } from './map.js';
import { LayerManager } from './layers/manager.js';
import { LayerSwitcher } from './layers/control.js';
import { Panel } from './panel.js';
import { exportVisibleLayers } from './export.js';
import { initMessages, showError } from './notify.js';
import { WhatIf } from './whatif.js';
import { SavedScenarios } from './scenarios.js';
import { DistrictCheck } from './districtcheck.js';
import { Siting } from './siting.js';

function unitFromHash() {
  const m = /unit=([^&]+)/.exec(location.hash);
  return m ? decodeURIComponent(m[1]) : null;
}

async function boot() {
  initMessages();
  setLanguage(language());
  applyStaticText();
  // a server that lets nobody in anonymously shows the login form first; a login reloads the page
  if (!await initAuth()) {
    document.body.dataset.ready = 'login';
    return;
  }
  const [config, layerList, unitList] = await Promise.all([
    getJson('/api/config'), getJson('/api/layers'), getJson('/api/units'),
  ]);
  document.getElementById('dataset-name').textContent = config.name;
  document.title = `${t('appTitle')} · ${config.name}`;

  const map = createMap(document.getElementById('map'), config);
  const selection = createSelection(map);
  let switcher = null;
  let panel = null;
  let whatIf = null;
  let districtCheck = null;
  const manager = new LayerManager(map, layerList.layers, {
    onUnitClick: (code) => panel.show(code),
    onChange: () => {
      if (switcher) switcher.render();
      if (panel && panel.summary) selection.show(manager.findUnitFeature(panel.summary.code));
    },
  });
  switcher = new LayerSwitcher(manager, config.basemap);
  switcher.addTo(map);
  panel = new Panel(unitList.units, (s) => selection.show(manager.findUnitFeature(s.code)), config.profiles);
  whatIf = new WhatIf(map, (answer) => panel.setScenario(answer));
  const savedScenarios = new SavedScenarios(whatIf);
  whatIf.setFacilities((id) => manager.findFacility(id));
  districtCheck = new DistrictCheck(map);
  // drawing a district and placing facilities both listen to map clicks: one at a time
  document.getElementById('district-toggle').addEventListener('click', () => whatIf.setActive(false));
  document.getElementById('whatif-toggle').addEventListener('click', () => { if (whatIf.active) districtCheck.stop(); });
  const siting = new Siting(map, unitList.units);
  window.planner = { map, manager, panel, whatIf, districtCheck, siting, savedScenarios };
  const coverage = getJson('/api/coverage').then((report) => panel.setCoverage(report)).catch(showError);

  const langButton = document.getElementById('lang-switch');
  const relabel = () => {
    applyStaticText();
    langButton.textContent = t('switchLanguage');
    langButton.lang = language() === 'zh' ? 'en' : 'zh';
    document.title = `${t('appTitle')} · ${config.name}`;
    switcher.render();
    panel.render();
    whatIf.renderKinds();
    siting.renderModels();
    whatIf.renderList();
    savedScenarios.render();
  };
  onLanguageChange(relabel);
  langButton.addEventListener('click', () => setLanguage(language() === 'zh' ? 'en' : 'zh'));
  relabel();

  document.getElementById('export-geojson').addEventListener('click', () => exportVisibleLayers(manager, config.name,
    [['what-if-circles', whatIf.circles], ['district-check', districtCheck.drawn], ['siting', siting.layer]]));
  window.addEventListener('hashchange', () => {
    const code = unitFromHash();
    if (code && (!panel.summary || panel.summary.code !== code)) panel.show(code);
  });

  const showFirstUnit = async () => {
    const wanted = unitFromHash();
    // a stale link names a unit that is not in the data: the error is shown, and the panel falls back to the top unit
    if (!(wanted && await panel.show(wanted)) && config.topUnit) await panel.show(config.topUnit);
  };
  await Promise.all([manager.refreshAll(), showFirstUnit(), coverage]);
  document.body.dataset.ready = 'true';
}

boot().catch((err) => {
  showError(err);
  document.body.dataset.ready = 'error';
});
