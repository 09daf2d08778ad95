// import.meta.glob and friends: the main-process build is a Vite build too (electron-vite).
/// <reference types="vite/types/importMeta.d.ts" />
