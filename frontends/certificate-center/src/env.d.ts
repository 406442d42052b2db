// CSS imported with "?inline" is a string, injected by the code that imports it.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
