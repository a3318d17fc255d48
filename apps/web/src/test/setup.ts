import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The CI machine has 2 cores shared with the API tests: give the page time to render before failing.
configure({ asyncUtilTimeout: 10_000 });

// jsdom lacks these browser APIs, which Mantine calls on mount.
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }) as MediaQueryList;

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

Element.prototype.scrollIntoView ??= () => undefined;

// The app opens in the browser's language when nothing else says (jsdom answers en-US): the tests
// are written for a French-speaking browser, the programme's most common, unless they say otherwise.
Object.defineProperty(navigator, 'languages', { value: ['fr-FR', 'fr'], configurable: true });

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
