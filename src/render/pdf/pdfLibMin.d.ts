/** pdf-lib's single-file (UMD) build: the same API as the package's main entry. */
declare module 'pdf-lib/dist/pdf-lib.min.js' {
  const lib: typeof import('pdf-lib');
  export default lib;
}
