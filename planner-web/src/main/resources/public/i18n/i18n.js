// Language state: Chinese first, English on request; the choice is kept in localStorage.
import zh from './zh.js';
import en from './en.js';

const dictionaries = { zh, en };
const listeners = [];
let current = localStorage.getItem('planner.lang') === 'en' ? 'en' : 'zh';

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = lang === 'en' ? 'en' : 'zh';
  localStorage.setItem('planner.lang', current);
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach((fn) => fn(current));
}

export function onLanguageChange(fn) {
  listeners.push(fn);
}

/** Text for a key, with {name} placeholders filled from vars; nested keys use dots ('levels.township'). */
export function t(key, vars = {}) {
  const lookup = (dict) => key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), dict);
  let text = lookup(dictionaries[current]);
  if (text === undefined) text = lookup(zh);
  if (text === undefined) return key;
  return String(text).replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? ''));
}

/** Text of an optional entry (a facility kind in English); undefined when the dictionary has none. */
export function maybe(key) {
  const v = key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), dictionaries[current]);
  return typeof v === 'string' ? v : undefined;
}

/** Fills every element with a data-i18n attribute. */
export function applyStaticText(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
}

/** Localised name of a facility kind: the server's Chinese name, or the English dictionary entry. */
export function kindName(kindId, kindZh) {
  return current === 'zh' ? (kindZh || kindId) : (maybe(`kinds.${kindId}`) || kindId);
}

export function medicalKindName(kindId, kindZh) {
  return current === 'zh' ? (kindZh || kindId) : (maybe(`medicalKinds.${kindId}`) || kindId);
}

export function formatNumber(value, digits = 0) {
  if (value === null || value === undefined) return t('noData');
  return Number(value).toLocaleString(current === 'zh' ? 'zh-CN' : 'en-US', {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  });
}
