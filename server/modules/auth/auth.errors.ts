export const PASSWORD_RULE_FA = 'رمز عبور باید دست‌کم ۸ نویسه و شامل حرف و عدد باشد';

export const isStrongEnough = (password: string) =>
  password.length >= 8 && /\p{L}/u.test(password) && /\p{N}/u.test(password);
