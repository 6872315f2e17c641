import type { PostOut, ReplyOut } from '@common/contracts/wall.contract.js';
import { api } from '../../app/api-client.js';

export type Post = PostOut;
export type Reply = ReplyOut;
export type PostPage = { items: Post[]; nextCursor: string | null };
export type Mentionable = { userId: string; username: string; name: string };
export type LikeState = { likeCount: number; likedByMe: boolean };

export const wallKeys = {
  ofCustomer: (customerId: string) => ['wall', 'customer', customerId] as const,
  mentionable: (customerId: string, q: string) => ['wall', 'mentionable', customerId, q] as const,
};

const enc = encodeURIComponent;
export const wallApi = {
  ofCustomer: (customerId: string, cursor?: string) => api.get<PostPage>('/api/posts', { query: { customerId, cursor, limit: 20 } }),
  create: (customerId: string, body: string) => api.post<Post>('/api/posts', { customerId, body }),
  reply: (id: string, body: string) => api.post<Post>(`/api/posts/${enc(id)}/replies`, { body }),
  update: (id: string, body: string, version: number) => api.patch<Post>(`/api/posts/${enc(id)}`, { body, version }),
  remove: (id: string) => api.delete<void>(`/api/posts/${enc(id)}`),
  like: (id: string) => api.put<LikeState>(`/api/posts/${enc(id)}/like`),
  unlike: (id: string) => api.delete<LikeState>(`/api/posts/${enc(id)}/like`),
  mentionable: (customerId: string, q: string) => api.get<{ items: Mentionable[] }>('/api/posts/mentionable', { query: { customerId, q } }),
};
