// The sign-in page's part of a language's texts, cut from src/i18n/<locale>.json by the build
// (signInTexts in vite.config.mts).
declare module 'virtual:sign-in-texts/*' {
  import type { ResourceKey } from 'i18next';

  const texts: ResourceKey;
  export default texts;
}
