// The two parts of a language's texts, made by the build (textParts in vite.config.mts).
declare module '*.json?first' {
  const texts: import('./first-texts').TextTree;
  export default texts;
}
declare module '*.json?rest' {
  const texts: import('./first-texts').TextTree;
  export default texts;
}
