import { api } from '../../app/api-client.js';

export type LoginInput = { username: string; password: string; tenant?: string };
export type LoginResult = { token: string; user: { id: string; fullName?: string } };

export function login(input: LoginInput): Promise<LoginResult> {
  // A wrong password answers 401: show it on the form instead of the global redirect.
  return api.post<LoginResult>('/api/auth/login', input, { skipAuthRedirect: true });
}

export function logout(): Promise<void> {
  return api.post<void>('/api/auth/logout', undefined, { skipAuthRedirect: true });
}

export function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  return api.post<void>('/api/auth/change-password', input, { skipAuthRedirect: true });
}

/** Only same-site paths: `?next=https://evil` must not become an open redirect. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
