import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  likeOut, mentionableOut, mentionableQuery, postCreate, postListQuery, postOut, postPage, postPatch, replyCreate,
} from '../../../common/contracts/wall.contract.js';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import { inTenant } from '../../platform/db/transactions.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { resolveRecord } from '../notes/index.js';
import { likePost, unlikePost } from './likes.service.js';
import { mentionable } from './mentions.js';
import { canReadPostHistory } from './post-history.js';
import * as svc from './posts.service.js';

const tags = ['wall'];
const idParams = z.object({ id: z.uuid() });

export const wallRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('post', 'posts.view', canReadPostHistory);
  registerAuditedEntity('postLike', 'posts.view', canReadPostHistory);

  app.get('/api/posts', {
    config: { permission: 'posts.view' },
    schema: { tags, summary: "A record's wall: top-level posts newest first (keyset paging), each with its latest replies, mentions and likes", querystring: postListQuery, response: { 200: postPage } },
  }, async (req) => svc.listPosts(ctxOf(req), req.query));

  app.get('/api/posts/mentionable', {
    config: { permission: 'posts.create' },
    schema: { tags, summary: 'The @ autocomplete: active colleagues matching q who can see the record (a mention of anyone else is refused)', querystring: mentionableQuery, response: { 200: mentionableOut } },
  }, async (req) => {
    const ctx = ctxOf(req);
    const { q, ...link } = req.query;
    return { items: await inTenant(ctx.db, ctx, async (tx) => mentionable(tx, ctx, await resolveRecord(tx, ctx, link, 'read'), q)) };
  });

  app.get('/api/posts/:id', {
    config: { permission: 'posts.view' },
    schema: { tags, summary: 'One thread: the top-level post of this post, with its replies', params: idParams, response: { 200: postOut } },
  }, async (req) => svc.getPost(ctxOf(req), req.params.id));

  app.post('/api/posts', {
    config: { permission: 'posts.create' },
    schema: { tags, summary: 'Post on the wall of a customer (customerId) or another record (linkType, linkId); @username in the text notifies that colleague', body: postCreate, response: { 201: postOut } },
  }, async (req, reply) => reply.status(201).send(await svc.createPost(ctxOf(req), req.body)));

  app.post('/api/posts/:id/replies', {
    config: { permission: 'posts.create' },
    schema: { tags, summary: "Reply in a post's thread (a reply to a reply joins the same thread); returns the thread", params: idParams, body: replyCreate, response: { 201: postOut } },
  }, async (req, reply) => reply.status(201).send(await svc.replyTo(ctxOf(req), req.params.id, req.body)));

  app.patch('/api/posts/:id', {
    config: { permission: 'posts.create' },
    schema: { tags, summary: 'Edit my post or reply; newly named colleagues are notified. Only the author may', params: idParams, body: postPatch, response: { 200: postOut } },
  }, async (req) => svc.updatePost(ctxOf(req), req.params.id, req.body));

  app.delete('/api/posts/:id', {
    config: { permission: 'posts.create' },
    schema: { tags, summary: 'Delete my post or reply (a post others replied to keeps its place, marked deleted). Only the author may', params: idParams },
  }, async (req, reply) => { await svc.deletePost(ctxOf(req), req.params.id); return reply.status(204).send(); });

  app.put('/api/posts/:id/like', {
    config: { permission: 'posts.view' },
    schema: { tags, summary: 'Like a post (idempotent)', params: idParams, response: { 200: likeOut } },
  }, async (req) => likePost(ctxOf(req), req.params.id));

  app.delete('/api/posts/:id/like', {
    config: { permission: 'posts.view' },
    schema: { tags, summary: 'Take my like back (idempotent)', params: idParams, response: { 200: likeOut } },
  }, async (req) => unlikePost(ctxOf(req), req.params.id));
};
