// The public contract between medpost's engine, its rules and its formatters.
// Rules import only from this file (and src/rule-helpers.ts); the engine knows no rule by name.
import type { Root } from 'mdast';

export type Severity = 'error' | 'warn';
export type SeveritySetting = Severity | 'off';

/** A JSON Schema (the subset medpost validates: type, properties, required, additionalProperties, items, enum, minimum, maximum, pattern, description, default, oneOf). */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null' | Array<'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null'>;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  pattern?: string;
  default?: unknown;
  oneOf?: JsonSchema[];
  format?: string;
}

/** 1-based line and column, plus the 0-based offset in the source file (UTF-16 code units). */
export interface SourcePoint {
  line: number;
  column: number;
  offset: number;
}

/** A replacement of source[start, end) by `text`, in source-file offsets. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Finding {
  ruleId: string;
  /** A sub-category within the rule (e.g. 'phone', 'iban' for no-patient-data); used by eval and baselines. */
  kind?: string;
  severity: Severity;
  message: string;
  /** Path as given to the user (relative to cwd when inside it). */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The platform a finding is about, when a draft targets several. */
  platform?: string;
  /** What to do instead: shown after the message. */
  suggestion?: string;
  fix?: Fix;
  /** Stable id of the offending text (rule + file + masked text), independent of line numbers: for baselines. */
  fingerprint: string;
  docsUrl?: string;
}

/** A link found in a draft, in any form. Offsets are in the source file. */
export interface PostLink {
  url: string;
  /** How it was written: a Markdown link, an <autolink>, a bare URL in text, an HTML <a href>, or a front matter field. */
  form: 'markdown' | 'autolink' | 'bare' | 'html' | 'front-matter';
  start: number;
  end: number;
}

export interface PostToken {
  /** Without the leading '#' or '@' */
  value: string;
  start: number;
  end: number;
}

export interface MediaItem {
  /** 'image' | 'video' | 'document' … as written in front matter, or 'image' for Markdown images */
  type: string;
  src?: string;
  alt?: string;
  /** Where it came from: front matter `media`, or a Markdown image in the body. */
  origin: 'front-matter' | 'body';
  start: number;
  end: number;
}

/** Front matter as medpost understands it, after validation. Unknown or invalid values are left out (and reported). */
export interface PostMeta {
  platforms: string[];
  /** ISO date (YYYY-MM-DD) when the draft has a valid date */
  date?: string;
  /** Full timestamp when the draft gives a time, ISO 8601 */
  dateTime?: string;
  lang?: string;
  type?: string;
  sponsored?: boolean;
  /** true, or a consent reference (form id), or an object {patient, form, date} */
  consent?: boolean | string | Record<string, unknown>;
  published?: boolean;
  replyTo?: string;
  media: MediaItem[];
}

/**
 * The visible text of a draft: what a reader of the published post sees, without front matter,
 * Markdown syntax, HTML comments or directives. Each run of it maps back to the source.
 */
export interface VisibleText {
  value: string;
  /** Offset in `value` -> offset in the source file. */
  toSource(textOffset: number): number;
}

export interface Sentence {
  text: string;
  /** Offsets in the visible text */
  start: number;
  end: number;
}

/** A draft, read-only for rules. */
export interface Post {
  /** Absolute path (or the --stdin-filename) */
  path: string;
  /** Path as shown to the user */
  displayPath: string;
  /** Source text: BOM removed, line endings as in the file. */
  source: string;
  /** Raw front matter object as parsed (empty when none or invalid). */
  frontMatter: Readonly<Record<string, unknown>>;
  meta: Readonly<PostMeta>;
  /** Offset of the body in the source. */
  bodyOffset: number;
  body: string;
  /** mdast tree of the body, positions shifted to source-file lines/offsets. */
  tree: Root;
  text: VisibleText;
  sentences: readonly Sentence[];
  links: readonly PostLink[];
  hashtags: readonly PostToken[];
  mentions: readonly PostToken[];
  /** ISO 639-1 code: from front matter, else detected, else the configured default. */
  language: string;
  languageSource: 'front-matter' | 'detected' | 'default';
  /** Line/column of a source offset. */
  pointAt(offset: number): SourcePoint;
  /** Source range of a front matter key's value (for findings about front matter), if present. */
  frontMatterRange(key: string): { start: number; end: number } | undefined;
}

/** Organisation settings from config: what the clinic is, owns and says. */
export interface OrganisationSettings {
  brandName?: string;
  /** Other accepted writings are errors; these variants are accepted as-is. */
  brandAliases?: string[];
  ownDomains: string[];
  ownHandles: string[];
  competitorDomains: string[];
  competitorHandles: string[];
  /** Domains always allowed (public-health sources). */
  allowedDomains: string[];
  languages: string[];
  defaultLanguage: string;
  /** ISO 3166 alpha-2 region codes for phone parsing. */
  phoneRegions: string[];
  /** Jurisdictions whose advertising rules apply: us, es, it, eu, uk … */
  jurisdictions: string[];
  contact: {
    phones: string[];
    emails: string[];
    addresses: string[];
    openingHours: string[];
    websites: string[];
  };
  /** People who may be named: staff and public figures. */
  allowedNames: string[];
  /** Team vocabulary: words/phrases per language that text rules accept (never flag) or reject. */
  vocabulary: { accept: Record<string, string[]>; reject: Record<string, string[]> };
  /** Per-platform overrides and additions to data/platforms.yaml. */
  platforms: Record<string, Record<string, unknown>>;
  /** Platforms on which the organisation does not use hashtags. */
  noHashtagPlatforms: string[];
}

export interface RuleMeta {
  /** Unique id, kebab-case; a family may use a prefix: 'platform/max-length'. */
  id: string;
  description: string;
  /** Absolute URL of the rule's documentation. */
  docsUrl?: string;
  defaultSeverity: SeveritySetting;
  /** Presets the rule is in; every rule with defaultSeverity != off is in 'recommended'. */
  tags?: string[];
  fixable?: boolean;
  /** JSON Schema of the rule's options object. */
  optionsSchema?: JsonSchema;
  /** 'post': one draft at a time. 'collection': sees summaries of every draft of the set. */
  scope: 'post' | 'collection';
}

export interface ReportDescriptor {
  message: string;
  /** Source offsets of the offending text. Default: the whole body. */
  start?: number;
  end?: number;
  kind?: string;
  platform?: string;
  suggestion?: string;
  fix?: Fix;
  /** Override the severity for this one finding (e.g. 'error' where a jurisdiction bans outright). */
  severity?: Severity;
  /** Text that identifies the finding for baselines when the source text is sensitive (already masked). */
  fingerprintText?: string;
  /**
   * The reported source text is personal data. Besides masking it in its own message, the rule asks the engine
   * to mask it wherever it appears in any other finding of the draft (another rule may quote the sentence).
   */
  sensitive?: boolean;
}

export interface PostRuleContext<Options = Record<string, unknown>> {
  readonly post: Post;
  readonly options: Readonly<Options>;
  readonly settings: Readonly<OrganisationSettings>;
  report(descriptor: ReportDescriptor): void;
}

export interface PostRule<Options = any> {
  meta: RuleMeta & { scope: 'post' };
  check(context: PostRuleContext<Options>): void;
}

/** What a collection rule keeps of each draft: small and serialisable (no trees), so 100,000 drafts fit in memory. */
export interface SummaryEnvelope<Summary> {
  path: string;
  displayPath: string;
  /** Whether findings on this draft are reported (it was named on the command line). */
  reported: boolean;
  summary: Summary;
}

export interface CollectionReportDescriptor extends Omit<ReportDescriptor, 'start' | 'end' | 'fix'> {
  /** Absolute path of the draft the finding is on (SummaryEnvelope.path). */
  path: string;
  /** 1-based position in that draft, as the summary recorded it (post.pointAt). Default: line 1, column 1. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface CollectionRuleContext<Options = Record<string, unknown>, Summary = unknown> {
  readonly drafts: ReadonlyArray<SummaryEnvelope<Summary>>;
  readonly options: Readonly<Options>;
  readonly settings: Readonly<OrganisationSettings>;
  /** The date considered 'today' (YYYY-MM-DD), from --today or the clock. */
  readonly today: string;
  report(descriptor: CollectionReportDescriptor): void;
}

export interface CollectionRule<Options = any, Summary = any> {
  meta: RuleMeta & { scope: 'collection' };
  /** Called once per draft; returns what the collection step needs (or undefined to skip the draft). May not report. */
  summarize(context: Omit<PostRuleContext<Options>, 'report'>): Summary | undefined;
  check(context: CollectionRuleContext<Options, Summary>): void;
}

export type Rule = PostRule | CollectionRule;

/** What a plugin module exports. */
export interface Plugin {
  rules: Rule[];
}
