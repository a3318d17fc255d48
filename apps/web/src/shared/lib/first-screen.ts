let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  markShown = resolve;
});

/** Said by a first screen (the sign-in, a trainee's home, schedule, courses) once it has shown its data. */
export function firstScreenShown(): void {
  markShown();
}

/**
 * Runs `run` once the first screen has shown its data (useRestOfTextsOnceShown), or `fallbackMs`
 * after the page's load on a page that does not say so: work the person is not waiting for (the
 * service worker's registration) then no longer shares a weak link with what they are waiting for.
 */
export function afterFirstScreen(run: () => void, fallbackMs = 10_000): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  void shown.then(once);
  const fallback = () => setTimeout(once, fallbackMs);
  if (document.readyState === 'complete') fallback();
  else window.addEventListener('load', fallback, { once: true });
}
