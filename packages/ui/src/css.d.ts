// Components import their stylesheet for its side effect; Vite bundles it (package.json "sideEffects").
declare module '*.css';
