// The visible message banner: API errors are shown to the user, not only logged.
import { t } from './i18n/i18n.js';

const box = () => document.getElementById('message');

export function showError(error) {
  const el = box();
  let text;
  if (error && error.details && error.details.network) {
    text = t('errorNetwork');
  } else {
    text = t('errorPrefix') + (error && error.message ? error.message : String(error));
    if (error && error.details && error.details.parameter) {
      text += t('errorParameter', { p: error.details.parameter });
    }
  }
  document.getElementById('message-text').textContent = text;
  el.classList.remove('info');
  el.dataset.kind = 'error';
  el.hidden = false;
  console.error(error);
}

export function showInfo(text) {
  const el = box();
  document.getElementById('message-text').textContent = text;
  el.dataset.kind = 'info';
  el.hidden = false;
  setTimeout(() => { if (el.dataset.kind === 'info') el.hidden = true; }, 3000);
}

export function initMessages() {
  document.getElementById('message-close').addEventListener('click', () => { box().hidden = true; });
}
