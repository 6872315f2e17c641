/// <reference types="vite/client" />

// stylis ships no types and @types/stylis is not installed; the RTL cache only passes `prefixer` through.
declare module 'stylis' {
  export const prefixer: import('@emotion/cache').StylisPlugin;
}
