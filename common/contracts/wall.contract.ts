import { z } from 'zod';
import { zPersianText } from '../validators/zod.js';
import { recordLinkShape } from './notes.contract.js';

/** The discussion wall (دیوار گفتگو) of a record: posts, replies, @mentions and likes. */

export const POST_BODY_MAX = 4000;
/** More people than this in one post is a broadcast, which announcements are for. */
export const MAX_MENTIONS = 20;

const body = zPersianText({ label: 'متن پیام', max: POST_BODY_MAX, multiline: true });

/** Mentions are written in the text as @username; the server finds them there (see docs/notes-wall.md). */
export const postCreate = z.object({ ...recordLinkShape, body });
export const replyCreate = z.object({ body });
export const postPatch = z.object({ body, version: z.number().int().positive().optional() });
export type PostCreate = z.infer<typeof postCreate>;
export type PostPatch = z.infer<typeof postPatch>;

export const mentionOut = z.object({ userId: z.string(), username: z.string(), name: z.string() });
const postFields = {
  id: z.string(),
  parentId: z.string().nullable(),
  linkType: z.string(),
  linkId: z.string(),
  customerId: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string().nullable(),
  authorUsername: z.string().nullable(),
  /** Null once its author deleted it while replies kept the thread alive. */
  body: z.string().nullable(),
  deleted: z.boolean(),
  edited: z.boolean(),
  mentions: z.array(mentionOut),
  likeCount: z.number(),
  likedByMe: z.boolean(),
  isMine: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
};
export const replyOut = z.object(postFields);
export const postOut = z.object({
  ...postFields,
  replyCount: z.number(),
  /** Oldest first; at most REPLIES_SHOWN of them (the newest), `replyCount` says how many there are. */
  replies: z.array(replyOut),
});
export type PostOut = z.infer<typeof postOut>;
export type ReplyOut = z.infer<typeof replyOut>;
export const REPLIES_SHOWN = 50;

export const postListQuery = z.object({
  ...recordLinkShape,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(300).optional(),
});
export type PostListQuery = z.infer<typeof postListQuery>;
export const postPage = z.object({ items: z.array(postOut), nextCursor: z.string().nullable() });
export const likeOut = z.object({ likeCount: z.number(), likedByMe: z.boolean() });

export const mentionableQuery = z.object({ ...recordLinkShape, q: z.string().max(60).optional() });
export const mentionableOut = z.object({ items: z.array(mentionOut) });
