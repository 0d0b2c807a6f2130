/**
 * Hover cards: what an entity, acronym, date or dateline is, and the provenance the corpus recorded
 * for it (invariant 4: the card renders provenance, it does not compute it).
 */
import type { Hover } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import { weekdayOf, type Annotation, type CorpusLocation, type Finding } from '../analysis/index.js';
import type { Workspace } from './workspace.js';

/** At most this many mentions are listed; the rest are counted. */
const maxListed = 12;

/** The hover card at an offset of an article, or null when nothing is annotated there. */
export function hoverAt(workspace: Workspace, uri: string, offset: number): Hover | null {
  const { corpus } = workspace;
  if (!corpus.article(uri)) return null;
  const annotation = corpus.annotationAt(uri, offset);
  const findings = corpus.findings(uri).filter((f) => f.span.start <= offset && offset <= f.span.end);
  if (!annotation && findings.length === 0) return null;
  const sections: string[] = [];
  if (annotation) sections.push(describe(workspace, uri, annotation));
  for (const finding of findings) sections.push(describeFinding(workspace, finding));
  const span = annotation?.span ?? findings[0]!.span;
  const lines = workspace.lines(uri)!;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: lines.spanToRange(span),
  };
}

function describe(workspace: Workspace, uri: string, annotation: Annotation): string {
  switch (annotation.kind) {
    case 'entity': {
      const { cluster, mention } = annotation;
      const out = [
        `**${escape(cluster.canonical)}** · ${cluster.type}${cluster.acronym ? ` (${cluster.acronym})` : ''}`,
      ];
      for (const role of cluster.roles.slice(0, 3)) {
        const qualifier = role.country ?? role.organization;
        out.push(
          `${escape(qualifier ? `${qualifier} ${role.title}` : role.title)}, ${link(workspace, role.locations[0]!)}`,
        );
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
      return [
        `**${dateline.value}** · dateline`,
        `Relative dates in this article (“Tuesday”, “last July”) are resolved against ${dateline.date}.`,
      ].join('\n\n');
    }
  }
}

function describeFinding(workspace: Workspace, finding: Finding): string {
  const severity = finding.severity === 'information' ? 'info' : finding.severity;
  const out = [`**${severity} · ${finding.ruleId}**: ${escapeMessage(finding.message)}`];
  const steps = finding.explain();
  if (steps.length > 0) out.push(steps.map((step, i) => `${i + 1}. ${escape(step)}`).join('\n'));
  if (finding.related.length > 0) {
    const evidence = finding.related
      .slice(0, maxListed)
      .map((r) => `- ${link(workspace, r.location)}: ${escape(r.message)}`);
    out.push(['Evidence:', ...evidence].join('\n'));
  }
  if (finding.expected.length > 0)
    out.push(
      `Quick fix: \`${finding.actual}\` → \`${finding.expected[0]}\` (also in the whole file or workspace).`,
    );
  return out.join('\n\n');
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

// "2024-07-11" → ", a Thursday": a full date's weekday; nothing for a month or a year.
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

// Finding messages quote text in backticks on purpose: keep those.
function escapeMessage(text: string): string {
  return text.replace(/([\\*[\]<>])/g, '\\$1');
}
