import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** A page loaded lazily or waiting for its data shows its heading a little later. */
const WAIT_FOR_HEADING_MS = 5000;

/** The path focus was last moved for; null until the first page is shown. */
let lastPathname: string | null = null;

/**
 * After a navigation inside the app (not the first page shown), moves the focus to the new page's
 * h1 in `main`, so that screen readers read where the person arrived and Tab starts from there
 * (as after a page load), not from the link in a menu that is now closed. A change of the query
 * string only (filters, a page of a list) leaves the focus where it is.
 */
export function useFocusOnNavigation(mainId: string): void {
  const { pathname } = useLocation();
  useEffect(() => {
    // Module-wide rather than per layout: signing in goes from one layout to the other.
    const previous = lastPathname;
    lastPathname = pathname;
    if (previous === null || previous === pathname) return;
    const main = document.getElementById(mainId);
    if (!main) return;
    const focusHeading = () => {
      const heading = main.querySelector('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), WAIT_FOR_HEADING_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname, mainId]);
}
