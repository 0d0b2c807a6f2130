/**
 * Hover cards: what an entity, acronym, date or dateline is, and the provenance the corpus recorded
 * for it (invariant 4: the card renders provenance, it does not compute it).
 */
import type { Hover } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import {
  describeRole,
  readableDate,
  weekdayOf,
  type Annotation,
  type CorpusLocation,
  type Finding,
} from '../analysis/index.js';
import { ruleUrl } from '../present/index.js';
import type { Workspace } from './workspace.js';

/** At most this many mentions are listed; the rest are counted. */
const maxListed = 12;

/** Places of evidence a hover names under a finding; the rest are counted, and listed in the reasoning. */
const evidenceInCard = 2;

/**
 * How a hover may point at more: with command links (VS Code's client runs
 * `dateline.showReasoning` and `dateline.showMentions` from a hover), the card keeps to what fits it
 * and the reasoning opens in a document of its own; without them (Neovim, Helix), the card holds all.
 */
export interface HoverStyle {
  commandLinks: boolean;
  /**
   * The client shows each diagnostic's message above the card (VS Code): a finding's card then opens
   * with what is probably right and the fix, not with its message a second time. Without it (Neovim),
   * the card holds the message.
   */
  diagnosticsInHover: boolean;
}

/**
 * The hover card at an offset of an article, or null when nothing is annotated there. A finding comes
 * first: one line saying what is probably right and the fix, then the evidence in short. With command
 * links, the reasoning and the entity's every mention are behind links, so the card fits VS Code's
 * 250 px hover without scrolling.
 */
export function hoverAt(workspace: Workspace, uri: string, offset: number, style: HoverStyle): Hover | null {
  const { corpus } = workspace;
  if (!corpus.article(uri)) return null;
  const annotation = corpus.annotationAt(uri, offset);
  const findings = findingsAt(workspace, uri, offset);
  if (!annotation && findings.length === 0) return null;
  const sections: string[] = [];
  const at = workspace.lines(uri)!.offsetToPosition(offset);
  for (const finding of findings) {
    // The editor shows a diagnostic above the card for a character inside its range; a hover just past
    // the last character still finds the finding here, and then says its message itself.
    const shownAbove = style.diagnosticsInHover && offset < finding.span.end;
    sections.push(findingCard(workspace, finding, style, { uri, at }, shownAbove));
  }
  if (annotation) {
    sections.push(
      findings.length > 0 && style.commandLinks
        ? briefly(workspace, uri, annotation, at)
        : describe(workspace, uri, annotation),
    );
  }
  const span = findings[0]?.span ?? annotation!.span;
  const lines = workspace.lines(uri)!;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: lines.spanToRange(span),
  };
}

/**
 * Everything the hover at an offset leaves out, as one Markdown page: each finding with its reasoning
 * step by step and all its evidence, and the full card of what is annotated there. Null when nothing is.
 */
export function reasoningAt(workspace: Workspace, uri: string, offset: number): string | null {
  const { corpus } = workspace;
  if (!corpus.article(uri)) return null;
  const annotation = corpus.annotationAt(uri, offset);
  const findings = findingsAt(workspace, uri, offset);
  if (!annotation && findings.length === 0) return null;
  const text = corpus.article(uri)!.text;
  const span = findings[0]?.span ?? annotation!.span;
  const out = [
    `# Why Dateline says so: “${escape(text.slice(span.start, span.end))}” in ${link(workspace, { articleId: uri, span })}`,
  ];
  for (const finding of findings) out.push(fullFinding(workspace, finding));
  if (annotation) out.push(describe(workspace, uri, annotation));
  return `${out.join('\n\n---\n\n')}\n`;
}

function findingsAt(workspace: Workspace, uri: string, offset: number): Finding[] {
  return workspace.findings(uri).filter((f) => f.span.start <= offset && offset <= f.span.end);
}

/** Where a hover was asked: the arguments of its command links. */
interface HoverPlace {
  uri: string;
  at: { line: number; character: number };
}

/** A finding in a hover: its one line and fix, the evidence in short, and links to the rest. */
function findingCard(
  workspace: Workspace,
  finding: Finding,
  style: HoverStyle,
  place: HoverPlace,
  shownAbove: boolean,
): string {
  const out = [firstLine(finding, shownAbove)];
  const fix = fixLine(finding);
  if (fix) out.push(fix);
  const more: string[] = [];
  if (finding.related.length > 0) {
    // One place in each of the first articles, rather than two places in one.
    const firsts = finding.related.filter(
      (r, i) => finding.related.findIndex((o) => o.location.articleId === r.location.articleId) === i,
    );
    const listed = firsts.slice(0, evidenceInCard).map((r) => link(workspace, r.location));
    const rest = finding.related.length - listed.length;
    more.push(`Evidence: ${listed.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`);
  }
  if (style.commandLinks)
    more.push(commandLink('Show reasoning', 'dateline.showReasoning', [place.uri, place.at]));
  const docs = ruleUrl(finding.ruleId);
  more.push(docs ? `[${finding.ruleId}](${docs})` : finding.ruleId);
  out.push(more.join(' · '));
  if (!style.commandLinks) out.push(steps(finding));
  return out.filter((part) => part !== '').join('\n\n');
}

/** A finding in the reasoning page: its line and fix, every step, and every place of its evidence. */
function fullFinding(workspace: Workspace, finding: Finding): string {
  const severity = finding.severity === 'information' ? 'note' : finding.severity;
  const out = [`## ${headline(finding)} (${severity}, ${finding.ruleId})`, escape(finding.message)];
  const fix = fixLine(finding);
  if (fix) out.push(fix);
  const reasoning = steps(finding);
  if (reasoning) out.push(`Reasoning:\n\n${reasoning}`);
  if (finding.related.length > 0)
    out.push(
      [
        'Evidence:',
        ...finding.related.map((r) => `- ${link(workspace, r.location)}: ${escape(r.message)}`),
      ].join('\n'),
    );
  return out.join('\n\n');
}

/**
 * "**Probably “Smith”**: message", or, where the client shows the message above the card, the headline
 * alone when it says more than the severity the client shows too (nothing then: the fix comes first).
 */
function firstLine(finding: Finding, shownAbove: boolean): string {
  const head = headline(finding);
  if (!shownAbove) return `**${head}**: ${escape(finding.message)}`;
  return head.startsWith('Probably') || head === 'Undecided' ? `**${head}**` : '';
}

// "Probably “Smith”" when the evidence names a fix; otherwise what kind of finding it is.
function headline(finding: Finding): string {
  const [expected] = finding.expected;
  if (expected !== undefined && finding.fixes.length > 0) return `Probably “${escape(expected)}”`;
  if (expected !== undefined && finding.severity !== 'warning' && finding.severity !== 'error')
    return 'Undecided';
  return { error: 'Error', warning: 'Warning', information: 'Note', hint: 'Hint' }[finding.severity];
}

function fixLine(finding: Finding): string | undefined {
  const fix = finding.fixes[0];
  if (fix) return `**Fix:** ${escape(fix.title)} (Quick Fix, Ctrl+.; also in the whole file or folder)`;
  if (
    finding.expected.length > 0 &&
    (finding.ruleId === 'name-variant' || finding.ruleId === 'acronym-expansion')
  )
    return '**No fix:** nothing says which is right. Quick Fix (Ctrl+.) records the right one in the knowledge file.';
  return undefined;
}

function steps(finding: Finding): string {
  return finding
    .explain()
    .map((step, i) => `${i + 1}. ${escape(step)}`)
    .join('\n');
}

/** An annotation in one line under a finding: what it is, and a link to the rest. */
function briefly(
  workspace: Workspace,
  uri: string,
  annotation: Annotation,
  at: { line: number; character: number },
): string {
  if (annotation.kind !== 'entity') return describe(workspace, uri, annotation).split('\n\n')[0]!;
  const { cluster } = annotation;
  const office = cluster.roles[0];
  const articles = new Set(cluster.mentions.map((m) => m.articleId)).size;
  const count = `${cluster.mentions.length} mention${plural(cluster.mentions.length)} in ${articles} article${plural(articles)}`;
  return [
    `**${escape(cluster.canonical)}** · ${cluster.type}`,
    office ? escape(describeRole(office)) : undefined,
    commandLink(count, 'dateline.showMentions', [uri, at]),
  ]
    .filter((part) => part !== undefined)
    .join(' · ');
}

/** A Markdown link that runs a VS Code command with JSON arguments. */
function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${escape(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

function describe(workspace: Workspace, uri: string, annotation: Annotation): string {
  switch (annotation.kind) {
    case 'entity': {
      const { cluster, mention } = annotation;
      const out = [
        `**${escape(cluster.canonical)}** · ${cluster.type}${cluster.acronym ? ` (${cluster.acronym})` : ''}`,
      ];
      for (const role of cluster.roles.slice(0, 3)) {
        out.push(`${escape(describeRole(role))}, ${link(workspace, role.locations[0]!)}`);
      }
      if (mention.variant)
        out.push(`Written here as **${escape(mention.text)}**, a variant of the canonical spelling.`);
      const spellings = new Map<string, CorpusLocation[]>();
      for (const m of cluster.mentions) spellings.set(m.text, [...(spellings.get(m.text) ?? []), m]);
      const articles = new Set(cluster.mentions.map((m) => m.articleId)).size;
      out.push(
        `**${cluster.mentions.length} mention${plural(cluster.mentions.length)} in ${articles} article${plural(articles)}**, by spelling:`,
      );
      for (const [text, locations] of spellings) {
        const here = locations.some((l) => l.articleId === uri && l.span.start === annotation.span.start)
          ? ' ← here'
          : '';
        out.push(`- \`${text}\`: ${listLocations(workspace, locations)}${here}`);
      }
      // Who and where first: the reasoning behind the canonical name comes last, for who wants it.
      out.push(`Canonical name: ${escape(cluster.canonicalReason)}.`);
      return out.join('\n\n').replace(/\n\n- /g, '\n- ');
    }
    case 'acronym': {
      const { entry, mention } = annotation;
      const out = [`**${escape(entry.acronym)}** · acronym`];
      if (entry.canonical)
        out.push(`Stands for **${escape(entry.canonical)}**: ${escape(entry.canonicalReason ?? '')}.`);
      else out.push('No article defines it, and the knowledge file does not pin it.');
      if (mention.expansion) out.push(`Defined here as “${escape(mention.expansion.text)}”.`);
      if (entry.expansions.length > 0) {
        out.push('Long forms written in the corpus:');
        for (const expansion of entry.expansions)
          out.push(`- “${escape(expansion.text)}”: ${listLocations(workspace, expansion.locations)}`);
      }
      out.push(`Used ${entry.uses.length} time${plural(entry.uses.length)} without its long form.`);
      return out.join('\n\n').replace(/\n\n- /g, '\n- ');
    }
    case 'date': {
      const { date, anchor } = annotation;
      const out = [
        `**${date.value ?? 'unresolved'}**${weekdayNote(date.value)} · date`,
        `“${escape(date.text)}”: ${escape(date.how)}.`,
      ];
      if (anchor?.source === 'dateline' && anchor.dateline && date.relative) {
        out.push(
          `Resolved against this article's dateline “${escape(anchor.dateline.text)}” (${link(workspace, { articleId: uri, span: anchor.dateline.span })}).`,
        );
      } else if (anchor?.source === 'inferred' && anchor.inferred) {
        out.push(`Resolved against the date inferred for this undated article, ${anchor.inferred.date}:`);
        for (const e of anchor.inferred.evidence)
          out.push(`- ${escape(e.reasoning)} (${link(workspace, e.mention)})`);
      } else if (date.value === null)
        out.push(
          'This article has no dateline, so a relative date stays unresolved rather than guessed against today.',
        );
      return out.join('\n\n').replace(/\n\n- /g, '\n- ');
    }
    case 'dateline': {
      const { dateline } = annotation;
      const out = [
        `**${readableDate(dateline.date)}**${weekdayNote(dateline.date)} · the page's date`,
        `Relative dates in this article (“Tuesday”, “last July”) are counted from this day.`,
      ];
      if (dateline.updated)
        out.push(
          `The page also says it was updated ${escape(dateline.updated.text)} (${readableDate(dateline.updated.date)}).`,
        );
      return out.join('\n\n');
    }
  }
}

function listLocations(workspace: Workspace, locations: CorpusLocation[]): string {
  const listed = locations.slice(0, maxListed).map((l) => link(workspace, l));
  const more = locations.length - listed.length;
  return listed.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

/** A Markdown link "003_c34c….txt:9" that opens the article at that line. */
function link(workspace: Workspace, location: CorpusLocation): string {
  const lines = workspace.lines(location.articleId);
  const line = (lines?.offsetToPosition(location.span.start).line ?? 0) + 1;
  const name = decodeURIComponent(location.articleId.slice(location.articleId.lastIndexOf('/') + 1));
  return `[${escape(name)}:${line}](${location.articleId}#L${line})`;
}

// "2031-03-04" → ", a Tuesday": a full date's weekday; nothing for a month or a year.
function weekdayNote(value: string | null): string {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `, a ${weekdayOf(value)}` : '';
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}

// Intraword underscores ("003_c34c.txt") are not emphasis in CommonMark, so "_" stays as it is.
function escape(text: string): string {
  return text.replace(/([\\`*[\]<>])/g, '\\$1');
}
