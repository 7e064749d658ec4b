// The front matter schema medpost understands. normalizeMeta() keeps the valid values for rules;
// checkFrontMatter() lists what is wrong, for the `front-matter` rule to report.
import type { PostMeta } from './types.js';
import { normalizeLanguageTag } from './language.js';
import { didYouMean } from './suggest.js';

/** Draft types, and how the calendar rules count them. */
export const POST_TYPES = {
  info: 'informational: education, tips, guides',
  education: 'informational (same as info)',
  news: 'informational: news, studies, public-health updates',
  event: 'informational: talks, awareness days, open days',
  promo: 'promotional: offers, services, bookings',
  testimonial: 'promotional: a patient or client speaking (needs consent)',
  reply: 'a reply to a comment or review: neither informational nor promotional',
  neutral: 'logistics (opening hours, closures): left out of the promo ratio',
} as const;

export const KNOWN_KEYS: Record<string, string> = {
  platform: 'the network this draft is for (or use `platforms`)',
  platforms: 'a list of networks this draft is for',
  date: 'publication date, YYYY-MM-DD (optionally with a time)',
  lang: 'language code: en, es, it …',
  type: `one of ${Object.keys(POST_TYPES).join(', ')}`,
  sponsored: 'true when the post is paid for or made with a brand',
  consent: 'true or a consent form reference when a patient appears or speaks',
  published: 'true once the post is live',
  reply_to: 'who or what this reply answers',
  in_reply_to: 'same as reply_to',
  media: 'images, videos or documents: a list of paths or {src, alt, type}',
  title: 'a working title (not published)',
  tags: 'your own labels (not published)',
  author: 'who wrote the draft',
  status: 'your workflow state',
  campaign: 'the campaign the draft belongs to',
  id: 'your own identifier',
  notes: 'notes for the team (not published)',
};

/** The keys as Spanish and Italian teams may write them: medpost keys are in English. */
const TRANSLATED_KEYS: Record<string, string> = {
  fecha: 'date', data: 'date', plataforma: 'platform', plataformas: 'platforms', piattaforma: 'platform', piattaforme: 'platforms',
  red: 'platform', redes: 'platforms', idioma: 'lang', lengua: 'lang', lingua: 'lang', tipo: 'type', patrocinado: 'sponsored',
  sponsorizzato: 'sponsored', consentimiento: 'consent', consenso: 'consent', publicado: 'published', pubblicato: 'published',
  respuesta_a: 'reply_to', risposta_a: 'reply_to', medios: 'media', imagen: 'media', imagenes: 'media', immagine: 'media', immagini: 'media',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseDraftDate(value: unknown): { date: string; dateTime?: string } | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { date: value.toISOString().slice(0, 10), dateTime: value.toISOString() };
  }
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour] = match;
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (check.getUTCFullYear() !== Number(year) || check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) {
    return undefined;
  }
  return { date: `${year}-${month}-${day}`, dateTime: hour ? value.trim() : undefined };
}

/** Platform names as written in drafts -> platform ids. */
export function resolvePlatform(name: string, aliases?: ReadonlyMap<string, string>): string | undefined {
  const key = name.trim().toLowerCase();
  if (!aliases) return key;
  return aliases.get(key);
}

function platformList(frontMatter: Record<string, unknown>): unknown[] {
  const values: unknown[] = [];
  for (const key of ['platform', 'platforms']) {
    const value = frontMatter[key];
    if (Array.isArray(value)) values.push(...value);
    else if (typeof value === 'string' && value.includes(',')) values.push(...value.split(','));
    else if (value !== undefined && value !== null) values.push(value);
  }
  return values;
}

export function normalizeMeta(frontMatter: Record<string, unknown>, aliases?: ReadonlyMap<string, string>): PostMeta {
  const platforms: string[] = [];
  for (const value of platformList(frontMatter)) {
    if (typeof value !== 'string') continue;
    const id = resolvePlatform(value, aliases);
    if (id && !platforms.includes(id)) platforms.push(id);
  }
  const meta: PostMeta = { platforms, media: [] };
  const date = parseDraftDate(frontMatter.date);
  if (date) {
    meta.date = date.date;
    if (date.dateTime) meta.dateTime = date.dateTime;
  }
  if (typeof frontMatter.lang === 'string' && /^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(frontMatter.lang.trim())) {
    meta.lang = normalizeLanguageTag(frontMatter.lang);
  }
  if (typeof frontMatter.type === 'string' && frontMatter.type.trim().toLowerCase() in POST_TYPES) {
    meta.type = frontMatter.type.trim().toLowerCase();
  }
  if (typeof frontMatter.sponsored === 'boolean') meta.sponsored = frontMatter.sponsored;
  const consent = frontMatter.consent;
  if (typeof consent === 'boolean' || (typeof consent === 'string' && consent.trim() !== '')) meta.consent = consent;
  else if (consent && typeof consent === 'object' && !Array.isArray(consent)) meta.consent = consent as Record<string, unknown>;
  if (typeof frontMatter.published === 'boolean') meta.published = frontMatter.published;
  const replyTo = frontMatter.reply_to ?? frontMatter.in_reply_to;
  if (typeof replyTo === 'string' && replyTo.trim() !== '') meta.replyTo = replyTo.trim();
  return meta;
}

/** Whether consent is recorded in front matter: true, a form reference, or {patient: true | form: …}. */
export function hasRecordedConsent(meta: Pick<PostMeta, 'consent'>): boolean {
  const consent = meta.consent;
  if (consent === true) return true;
  if (typeof consent === 'string') return !/^(no|false|none|pending|n\/a)$/i.test(consent.trim());
  if (consent && typeof consent === 'object') {
    const record = consent as Record<string, unknown>;
    return record.patient === true || record.given === true || (typeof record.form === 'string' && record.form.trim() !== '');
  }
  return false;
}

export interface FrontMatterProblem {
  key: string;
  message: string;
  /** 'key' when the key itself is wrong (unknown name), 'value' otherwise. */
  at: 'key' | 'value';
}

/** What is wrong in a draft's front matter, with suggestions. */
export function checkFrontMatter(
  frontMatter: Record<string, unknown>,
  context: { platformIds: readonly string[]; aliases: ReadonlyMap<string, string>; languages: readonly string[] },
): FrontMatterProblem[] {
  const problems: FrontMatterProblem[] = [];
  const knownKeys = Object.keys(KNOWN_KEYS);
  for (const key of Object.keys(frontMatter)) {
    if (key in KNOWN_KEYS || key.startsWith('x-') || key.startsWith('x_')) continue;
    const translated = TRANSLATED_KEYS[key.toLowerCase()];
    if (translated) {
      problems.push({ key, at: 'key', message: `unknown front matter key '${key}' (did you mean '${translated}'? keys are in English)` });
      continue;
    }
    const suggestion = didYouMean(key, knownKeys);
    // Teams add their own keys; only a likely misspelling of a known key is worth a finding.
    if (suggestion) problems.push({ key, at: 'key', message: `unknown front matter key '${key}'${suggestion}` });
  }

  for (const key of ['platform', 'platforms']) {
    const value = frontMatter[key];
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
    if (values.length === 0) problems.push({ key, at: 'value', message: `'${key}' is an empty list: name at least one platform` });
    for (const item of values) {
      if (typeof item !== 'string' || item.trim() === '') {
        problems.push({ key, at: 'value', message: `'${key}' must name platforms as text (found ${JSON.stringify(item)})` });
        continue;
      }
      if (!context.aliases.has(item.trim().toLowerCase())) {
        problems.push({
          key,
          at: 'value',
          message: `unknown platform '${item.trim()}'${didYouMean(item.trim(), context.aliases.keys())}; known: ${context.platformIds.join(', ')}`,
        });
      }
    }
  }
  if (frontMatter.platform !== undefined && frontMatter.platforms !== undefined) {
    problems.push({ key: 'platforms', at: 'key', message: "both 'platform' and 'platforms' are set: keep one (they are merged)" });
  }

  if (frontMatter.date !== undefined && !parseDraftDate(frontMatter.date)) {
    problems.push({
      key: 'date',
      at: 'value',
      message: `'date' must be a real date written YYYY-MM-DD, optionally with a time (found ${JSON.stringify(frontMatter.date)})`,
    });
  }

  if (frontMatter.lang !== undefined) {
    const lang = frontMatter.lang;
    if (typeof lang !== 'string' || !/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(lang.trim())) {
      problems.push({ key: 'lang', at: 'value', message: `'lang' must be a language code such as en, es or it (found ${JSON.stringify(lang)})` });
    } else if (context.languages.length > 0 && !context.languages.includes(normalizeLanguageTag(lang))) {
      problems.push({
        key: 'lang',
        at: 'value',
        message: `language '${lang}' is not among the configured languages (${context.languages.join(', ')}): rules have no lexicon for it; add it to settings.languages`,
      });
    }
  }

  if (frontMatter.type !== undefined) {
    const type = frontMatter.type;
    if (typeof type !== 'string' || !(type.trim().toLowerCase() in POST_TYPES)) {
      problems.push({
        key: 'type',
        at: 'value',
        message: `unknown type ${JSON.stringify(type)}${typeof type === 'string' ? didYouMean(type, Object.keys(POST_TYPES)) : ''}; expected one of ${Object.keys(POST_TYPES).join(', ')}`,
      });
    }
  }

  for (const key of ['sponsored', 'published']) {
    const value = frontMatter[key];
    if (value !== undefined && typeof value !== 'boolean') {
      problems.push({ key, at: 'value', message: `'${key}' must be true or false (found ${JSON.stringify(value)})` });
    }
  }

  const consent = frontMatter.consent;
  if (consent !== undefined && !(typeof consent === 'boolean' || typeof consent === 'string' || (consent && typeof consent === 'object' && !Array.isArray(consent)))) {
    problems.push({ key: 'consent', at: 'value', message: "'consent' must be true/false, a consent form reference, or {patient, form, date}" });
  }

  const media = frontMatter.media;
  if (media !== undefined && media !== null) {
    const list = Array.isArray(media) ? media : [media];
    for (const item of list) {
      if (typeof item === 'string') continue;
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const record = item as Record<string, unknown>;
        if (typeof record.src !== 'string' && typeof record.file !== 'string') {
          problems.push({ key: 'media', at: 'value', message: "each media item needs 'src' (the file), e.g. {src: photo.jpg, alt: '…'}" });
        }
        if (record.alt !== undefined && typeof record.alt !== 'string') {
          problems.push({ key: 'media', at: 'value', message: "a media item's 'alt' must be text" });
        }
        continue;
      }
      problems.push({ key: 'media', at: 'value', message: `media items must be file paths or {src, alt, type} (found ${JSON.stringify(item)})` });
    }
  }
  return problems;
}
