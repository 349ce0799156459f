/**
 * An institution's style sheet: page size, margins, line pitch, and per paragraph style the
 * role, size, weight, alignment, indent and spacing, laid over the preset the document kind
 * uses. Both renderers take their numbers from styleSheetOf(tree), never from the presets.
 */
import type { FontRole, ParagraphStyle, StylePreset } from './tree.js';
import { STYLE_SHEETS, type PageSpec, type ParagraphStyleSpec, type StyleSheet } from './styles.js';

export interface StyleOverrides {
  page?: Partial<PageSpec>;
  paragraphs?: Partial<Record<ParagraphStyle, Partial<ParagraphStyleSpec>>>;
  /** Font names a DOCX asks Word for, per role (e.g. the institution's 「仿宋_GB2312」). */
  fontNames?: Partial<Record<FontRole, string>>;
}

/** Overrides without undefined members, so a sheet never loses a preset value to `undefined`. */
function defined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function applyOverrides(base: StyleSheet, overrides: StyleOverrides | undefined): StyleSheet {
  if (!overrides) return base;
  const paragraphs = { ...base.paragraphs };
  for (const [name, spec] of Object.entries(overrides.paragraphs ?? {}) as [ParagraphStyle, Partial<ParagraphStyleSpec>][]) {
    paragraphs[name] = { ...paragraphs[name], ...defined(spec) };
  }
  const docxFonts = { ...base.docxFonts };
  for (const [role, name] of Object.entries(defined(overrides.fontNames)) as [FontRole, string][]) {
    // The preset's face becomes the first fallback: a computer without the institution's font shows that.
    const preset = base.docxFonts[role];
    docxFonts[role] = { ...preset, eastAsia: name, fallbacks: [preset.eastAsia, ...preset.fallbacks].filter((f) => f !== name) };
  }
  return { page: { ...base.page, ...defined(overrides.page) }, paragraphs, docxFonts };
}

/**
 * The style sheet a document is set with: its preset (as a reference DOCX changed it, when
 * there is one), and the config's style sheet on top.
 */
export function styleSheetOf(tree: { preset: StylePreset; styleSheet?: StyleSheet; style?: StyleOverrides }): StyleSheet {
  return applyOverrides(tree.styleSheet ?? STYLE_SHEETS[tree.preset] ?? STYLE_SHEETS.gbt9704, tree.style);
}
