/**
 * The font slots: each of the norms' four roles (仿宋 body, 宋 titles, 黑 headings and
 * labels, 楷 second-level headings) in a regular and a bold weight. Kept apart from fonts.ts
 * so that reading a configuration does not load fontkit.
 */
import { FONT_ROLES, type FontRole } from '../../document/tree.js';
import type { FontSlot } from './model.js';

export const SLOTS: readonly FontSlot[] = FONT_ROLES.flatMap((role) => [role, `${role}Bold`] as FontSlot[]);

export function slotFor(role: FontRole, bold: boolean): FontSlot {
  return bold ? `${role}Bold` : role;
}

export const roleOf = (slot: FontSlot): FontRole => slot.replace(/Bold$/, '') as FontRole;
