import { describe, expect, it } from 'vitest';
import { normalizePersian } from '../../../../common/text.js';
import { isolateMentions, parseMentions } from './mention-parse.js';

describe('parseMentions', () => {
  it('finds @usernames in Persian text, each once, lowercased', () => {
    expect(parseMentions('@Reza لطفاً با @sara.k هماهنگ کن؛ @reza هم ببیند')).toEqual(['reza', 'sara.k']);
  });
  it('ignores e-mail addresses and a sentence-ending full stop', () => {
    expect(parseMentions('به info@example.com بفرستید. با @ali.')).toEqual(['ali']);
  });
  it('ends a name where Persian text starts, and reads Persian digits once the text is normalized', () => {
    expect(parseMentions(normalizePersian('سلام @user۱۲ و @maryamسلام'))).toEqual(['user12', 'maryam']);
  });
  it('needs three characters, like a username', () => {
    expect(parseMentions('@ab @abc')).toEqual(['abc']);
  });
});

describe('isolateMentions', () => {
  it('wraps each mention in a left-to-right isolate and leaves e-mail addresses alone', () => {
    expect(isolateMentions('سلام @sara.m و info@x.com')).toBe('سلام \u2066@sara.m\u2069 و info@x.com');
  });
});
