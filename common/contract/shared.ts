// Pieces the operation schemas share.
import { z } from 'zod';
import { SUGGESTED_FILTERS, TEMPLATE_KINDS } from '../types';

/** Marks an entry's result type; the value itself is never used. */
export const returns = <T>() => undefined as unknown as T;

export const noInput = z.object({}).strict();
export const itemId = z.number().int().positive();
export const feedId = z.number().int().positive();
export const webAddress = z.string().trim().min(1, 'paste a web address').max(2048, 'that address is longer than 2,048 characters');
/** Minutes between fetches: 0 is manual only. */
export const interval = z.union([z.literal(0), z.literal(5), z.literal(15), z.literal(60), z.literal(240), z.literal(1440)]);
export const followDays = z.number().int().min(1).max(365);
/** The most comments one action takes ("Select all matching" ticks at most this many). */
export const MOST_IN_ONE_ACTION = 10_000;
export const itemIds = z.array(itemId).min(1, 'give at least one comment id').max(MOST_IN_ONE_ACTION);
export const route = z.enum(['service', 'spotlight', 'ignore']);
export const itemStatus = z.enum(['new', 'routed', 'snoozed', 'done']);
export const lane = z.enum(['service', 'spotlight']);
/** Newest or oldest first; with search words, relevance is the best matches first (the first page only); suggestion groups by suggested lane, the most confident first. */
export const sortOrder = z.enum(['newest', 'oldest', 'relevance', 'suggestion']);
export const suggestedFilter = z.enum(SUGGESTED_FILTERS);
/** A confidence threshold, 0 to 1 (the console shows it as a percentage). */
export const confidence = z.number().min(0).max(1);
export const spotlightAction = z.enum(['feature', 'thank', 'invite', 'answer']);
export const inviteKind = z.enum(['guest-post', 'volunteer', 'moderator']);
export const templateKind = z.enum(TEMPLATE_KINDS);
/** A saved reply's own placeholder, {{ticket}}: one word; the saved-replies dialog checks it before saving. */
export const variableName = z.string().regex(/^[a-zA-Z][\w-]*$/, 'a variable is a word like ticket');
export const draftsFormat = z.enum(['csv', 'json', 'md']);
export const draftsSelection = z.enum(['ready', 'all']);
export const digestFormat = z.enum(['md', 'html', 'atom']);
