/* Circuit IA console: small progressive enhancements. Every page works without them. */
/* global document, window */
document.documentElement.classList.add('js');

document.addEventListener('DOMContentLoaded', () => {
  // The phone menu: a real button, so Enter and Space open it; Escape closes it and gives focus back.
  const toggle = document.querySelector('[data-menu-toggle]');
  const menu = toggle && document.getElementById(toggle.getAttribute('aria-controls'));
  if (toggle && menu) {
    const setOpen = (open) => {
      toggle.setAttribute('aria-expanded', String(open));
      menu.classList.toggle('open', open);
    };
    toggle.hidden = false;
    toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  // The printable report's button (no inline script under the console's CSP).
  for (const button of document.querySelectorAll('[data-print]')) button.addEventListener('click', () => window.print());

  // Character counters under fields that have a maximum ("12 / 120 caractères").
  for (const counter of document.querySelectorAll('[data-counter-for]')) {
    const input = document.getElementById(counter.dataset.counterFor);
    if (!input || input.maxLength <= 0) continue;
    const update = () => {
      counter.textContent = `${input.value.length} / ${input.maxLength} caractères`;
    };
    input.addEventListener('input', update);
    update();
  }
});
