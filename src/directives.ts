// Inline directives in drafts, as HTML comments (invisible once published):
//   <!-- medpost-disable RULE[, RULE] [-- reason] -->    until a matching enable (or the end of the file)
//   <!-- medpost-enable RULE[, RULE] -->
//   <!-- medpost-disable-next-line RULE [-- reason] -->
// With no rule named, they apply to every rule. A disable placed before any content also covers the front matter.
import type { Root } from 'mdast';
import type { Finding, Post, Severity } from './types.js';
import { fingerprintOf } from './engine.js';
import { didYouMean } from './suggest.js';

export interface Directive {
  type: 'disable' | 'enable' | 'disable-next-line';
  /** Empty: all rules. */
  rules: string[];
  reason?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Effective first line (a leading disable covers the front matter too). */
  fromLine: number;
}

const DIRECTIVE = /<!--\s*medpost-(disable-next-line|disable|enable)\b([\s\S]*?)-->/g;

export function parseDirectives(post: Post): Directive[] {
  const directives: Directive[] = [];
  const tree = post.tree as Root;
  let seenContent = false;
  const visit = (nodes: Root['children']) => {
    for (const node of nodes) {
      if (node.type === 'html') {
        const base = node.position?.start.offset ?? 0;
        for (const match of node.value.matchAll(DIRECTIVE)) {
          const start = base + (match.index ?? 0);
          const from = post.pointAt(start);
          const to = post.pointAt(start + match[0].length);
          const [ruleText, ...reasonParts] = match[2].split(/\s--\s?/);
          const reason = reasonParts.join(' -- ').trim();
          directives.push({
            type: match[1] as Directive['type'],
            rules: ruleText.split(/[\s,]+/).filter(Boolean),
            reason: reason || undefined,
            line: from.line,
            column: from.column,
            endLine: to.line,
            endColumn: to.column,
            fromLine: !seenContent && match[1] === 'disable' ? 1 : from.line,
          });
        }
      } else if ('children' in node && node.type !== 'paragraph') {
        visit(node.children as Root['children']);
        seenContent = true;
      } else {
        // Directives inside a paragraph appear as inline html nodes.
        if ('children' in node) visit(node.children as Root['children']);
        seenContent = true;
      }
    }
  };
  visit(tree.children);
  return directives;
}

export interface DirectiveFilterResult {
  kept: Finding[];
  suppressed: Finding[];
  /** Problems with the directives themselves: unknown rules, unused directives. */
  directiveFindings: Finding[];
}

export function applyDirectives(
  findings: Finding[],
  directives: Directive[],
  context: { displayPath: string; knownRuleIds: ReadonlySet<string>; reportUnused?: Severity },
): DirectiveFilterResult {
  const directiveFindings: Finding[] = [];
  const used = new Set<Directive>();
  const applies = (directive: Directive, ruleId: string) => directive.rules.length === 0 || directive.rules.includes(ruleId);

  for (const directive of directives) {
    for (const ruleId of directive.rules) {
      if (!context.knownRuleIds.has(ruleId)) {
        directiveFindings.push(directiveFinding(context.displayPath, directive, 'warn', `unknown rule '${ruleId}' in medpost-${directive.type} directive${didYouMean(ruleId, context.knownRuleIds)}`));
      }
    }
  }
  if (directives.length === 0) return { kept: findings, suppressed: [], directiveFindings };

  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    let suppressor: Directive | undefined;
    for (const directive of directives) {
      if (!applies(directive, finding.ruleId)) continue;
      if (directive.type === 'disable-next-line') {
        if (finding.line === directive.endLine + 1) suppressor = directive;
        continue;
      }
      // disable/enable: the last one at or before the finding's line decides.
      if (directive.fromLine <= finding.line && !(directive.line === finding.line && directive.column > finding.column)) {
        suppressor = directive.type === 'disable' ? directive : undefined;
      }
    }
    if (suppressor) {
      used.add(suppressor);
      suppressed.push(finding);
    } else {
      kept.push(finding);
    }
  }
  if (context.reportUnused) {
    for (const directive of directives) {
      if (directive.type === 'enable' || used.has(directive)) continue;
      const what = directive.rules.length > 0 ? directive.rules.join(', ') : 'any rule';
      directiveFindings.push(directiveFinding(context.displayPath, directive, context.reportUnused, `unused medpost-${directive.type} directive: no problem from ${what} was reported here`));
    }
  }
  return { kept, suppressed, directiveFindings };
}

function directiveFinding(displayPath: string, directive: Directive, severity: Severity, message: string): Finding {
  return {
    ruleId: 'directives',
    severity,
    message,
    file: displayPath,
    line: directive.line,
    column: directive.column,
    endLine: directive.endLine,
    endColumn: directive.endColumn,
    fingerprint: fingerprintOf('directives', undefined, displayPath, message),
  };
}
