/**
 * The largest font file jianding reads. CJK fonts are big — the bundled Noto SC faces are ~15 MB,
 * Noto Serif CJK .ttc ~27 MB, an all-weights "Super OTC" ~120 MB — so the limit sits above those
 * while still refusing a runaway read (a device file, a mistaken multi-GB path).
 */
export const MAX_FONT_BYTES = 128 * 1024 * 1024;

/** A config file (jianding.config.json, package.json) is a few KB; anything near this is not one. */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

/** A generated document to sign, verify or compare: hundreds of pages with images stay far below. */
export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;

/** A seal or signature image (PNG) is tens of KB; a certificate file a few KB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_CERTIFICATE_BYTES = 1024 * 1024;
