/**
 * How this process reads font files. One-document commands read a TrueType face's outlines
 * glyph by glyph (fontProgram/sparseFont.ts): a render sets about a thousand glyphs of four
 * 10–15 MB faces. Long-running processes (batch, serve, a program using the library) read
 * files whole, once: they keep fonts for many documents and must not see a file replaced
 * under them. A module of its own so the CLI can choose before it loads the renderer.
 */
let onDemand = false;

/** Set before any font is loaded, by a command that renders one document and exits. */
export function readOutlinesOnDemand(): void {
  onDemand = true;
}

export function outlinesOnDemand(): boolean {
  return onDemand;
}
