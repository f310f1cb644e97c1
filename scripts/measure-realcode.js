// Measures the plugin on real, public Vipps integrations that nobody here wrote (issue 11). Run by hand:
//
//   npm run build && node scripts/measure-realcode.js /tmp/realcode bench/realcode/annotations.json [--json]
//
// The folder holds one sub-folder per project (`owner__repo`, see bench/realcode/README.md for how to rebuild it);
// the annotations say, per project, where a perfect detection finds a Vipps request and where a Vipps response, SDK
// result or rejection goes unchecked. Every file in the folder is linted with the built plugin's `vipps/all` and a
// probe rule that reports each request `getVippsRequests` finds. Nothing here touches the network.
//
// A detected request or a `handle-error-responses` report counts as a hit when it is in the annotated file within
// ±2 lines of the annotated line (or of a defect's `requestLine`); each report answers at most one annotation, the nearest. Annotations marked
// `doubtful` are left out of the recall figures, and a report that matches one is not a false positive either.

import { existsSync, readFileSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import plugin from "../dist/src/index.js";
import { getVippsRequests } from "../dist/src/detect/index.js";

const LINE_TOLERANCE = 2;
const ERROR_RULE = "vipps/handle-error-responses";
const PROBE_RULE = "realcode-probe/requests";
const FILES = ["**/*.js", "**/*.mjs", "**/*.cjs", "**/*.jsx", "**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];
/** Why a perfect detection would find a request the plugin misses, as the annotations name it. */
const MISS_PATTERNS = ["url-from-config", "headers-built", "factory-client", "local-wrapper", "sdk-field-read", "other"];

/**
 * Reports every Vipps request the shared detection finds, so the measurement sees exactly what the rules see. It
 * imports the same built module as the plugin, so it reads the same per-file cache.
 */
const probePlugin = {
  rules: {
    requests: {
      meta: { type: "problem", schema: [], messages: { request: "{{what}}" } },
      create(context) {
        return {
          "Program:exit"() {
            for (const request of getVippsRequests(context)) {
              const what = [request.transport, request.api?.name ?? "unknown API", request.endpoint?.id ?? "unknown endpoint"].join(" ");
              context.report({ node: request.node, messageId: "request", data: { what } });
            }
          },
        };
      },
    },
  },
};

function usage() {
  return "usage: node scripts/measure-realcode.js <folder> <annotations.json> [--json]";
}

function readArguments(argv) {
  const json = argv.includes("--json");
  const positional = argv.filter((argument) => argument !== "--json");
  if (positional.length !== 2) throw new Error(usage());
  const [folder, annotationsPath] = positional.map((path) => resolve(path));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder\n${usage()}`);
  return { folder, annotationsPath, json };
}

/** Validates the annotation file's shape so that a typo shows up as an error, not as a miss. */
function readAnnotations(path) {
  const data = JSON.parse(readFileSync(path, "utf8"));
  if (!Array.isArray(data.projects)) throw new Error(`${path}: "projects" must be an array`);
  for (const project of data.projects) {
    for (const key of ["repo", "commit", "dir"]) {
      if (typeof project[key] !== "string") throw new Error(`${path}: a project lacks "${key}"`);
    }
    project.requests ??= [];
    project.defects ??= [];
    for (const annotation of [...project.requests, ...project.defects]) {
      if (typeof annotation.file !== "string" || !Number.isInteger(annotation.line)) {
        throw new Error(`${path}: ${project.repo}: every annotation needs "file" and an integer "line"`);
      }
    }
    for (const request of project.requests) {
      if (!MISS_PATTERNS.includes(request.pattern) && request.pattern !== "literal-url" && request.pattern !== "sdk") {
        throw new Error(`${path}: ${project.repo} ${request.file}:${request.line}: unknown pattern "${request.pattern}"`);
      }
    }
  }
  return data;
}

async function lintFolder(folder) {
  const eslint = new ESLint({
    cwd: folder,
    overrideConfigFile: true,
    cache: false,
    // The exported projects are not ours: no inline `eslint-disable` of theirs may hide a finding.
    allowInlineConfig: false,
    overrideConfig: [
      {
        files: FILES,
        languageOptions: {
          parser: tsParser,
          ecmaVersion: "latest",
          sourceType: "module",
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        linterOptions: { reportUnusedDisableDirectives: "off" },
      },
      plugin.configs.all,
      { files: FILES, plugins: { "realcode-probe": probePlugin }, rules: { [PROBE_RULE]: "warn" } },
    ],
  });
  return eslint.lintFiles(["."]);
}

/** The project folder and the path inside it of one linted file. */
function locate(folder, filePath) {
  const parts = relative(folder, filePath).split(sep);
  return { dir: parts[0], file: parts.slice(1).join("/") };
}

/**
 * Pairs annotations with reports: each annotation takes the nearest free report in its file within the tolerance.
 * Annotations are taken in line order, so two annotations close together do not steal each other's report.
 */
function match(annotations, reports) {
  const used = new Set();
  const hits = [];
  const misses = [];
  const sorted = [...annotations].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  for (const annotation of sorted) {
    let best;
    for (const report of reports) {
      if (used.has(report) || report.file !== annotation.file) continue;
      const distance = distanceTo(annotation, report);
      if (distance <= LINE_TOLERANCE && (!best || distance < distanceTo(annotation, best))) best = report;
    }
    if (best) {
      used.add(best);
      hits.push({ annotation, report: best });
    } else {
      misses.push(annotation);
    }
  }
  return { hits, misses, unmatched: reports.filter((report) => !used.has(report)) };
}

/**
 * Lines from a report to an annotation. A defect may also name `requestLine`, the request whose answer goes
 * unchecked: the rule reports at the request, the annotator sees the defect where the answer is used.
 */
function distanceTo(annotation, report) {
  const lines = Number.isInteger(annotation.requestLine) ? [annotation.line, annotation.requestLine] : [annotation.line];
  return Math.min(...lines.map((line) => Math.abs(report.line - line)));
}

function ratio(part, whole) {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

function measure(annotations, results, folder) {
  const byDir = new Map();
  const fatal = [];
  for (const result of results) {
    const { dir, file } = locate(folder, result.filePath);
    if (!byDir.has(dir)) byDir.set(dir, { files: 0, requests: [], errors: [], other: [] });
    const entry = byDir.get(dir);
    entry.files++;
    for (const message of result.messages) {
      const report = { file, line: message.line, rule: message.ruleId, message: message.message };
      if (message.fatal) fatal.push({ dir, ...report });
      else if (message.ruleId === PROBE_RULE) entry.requests.push(report);
      else if (message.ruleId === ERROR_RULE) entry.errors.push(report);
      else entry.other.push(report);
    }
  }

  const projects = [];
  const totals = { requests: 0, requestsFound: 0, defects: 0, defectsFound: 0, errorReports: 0, falsePositives: 0, doubtfulReports: 0, unannotatedRequests: 0 };
  const missesByPattern = Object.fromEntries(MISS_PATTERNS.map((pattern) => [pattern, 0]));
  for (const project of annotations.projects) {
    const found = byDir.get(project.dir) ?? { files: 0, requests: [], errors: [], other: [] };
    if (found.files === 0) {
      projects.push({ repo: project.repo, dir: project.dir, missing: true });
      continue;
    }
    const requestMatch = match(project.requests, found.requests);
    const defectMatch = match(project.defects, found.errors);
    const certain = (list) => list.filter((annotation) => !annotation.doubtful);
    const requestHits = certain(requestMatch.hits.map((hit) => hit.annotation)).length;
    const defectHits = certain(defectMatch.hits.map((hit) => hit.annotation)).length;
    const requestMisses = certain(requestMatch.misses);
    for (const miss of requestMisses) {
      const pattern = MISS_PATTERNS.includes(miss.pattern) ? miss.pattern : "other";
      missesByPattern[pattern]++;
    }
    const summary = {
      repo: project.repo,
      commit: project.commit,
      dir: project.dir,
      files: found.files,
      requests: { annotated: certain(project.requests).length, detected: requestHits, doubtfulAnnotated: project.requests.length - certain(project.requests).length },
      defects: { annotated: certain(project.defects).length, reported: defectHits, doubtfulAnnotated: project.defects.length - certain(project.defects).length },
      errorReports: found.errors.length,
      falsePositives: defectMatch.unmatched,
      missedRequests: requestMisses.map(({ file, line, pattern, endpoint }) => ({ file, line, pattern, endpoint })),
      missedDefects: certain(defectMatch.misses).map(({ file, line, kind }) => ({ file, line, kind })),
      unannotatedRequests: requestMatch.unmatched,
      otherRuleReports: found.other,
    };
    projects.push(summary);
    totals.requests += summary.requests.annotated;
    totals.requestsFound += requestHits;
    totals.defects += summary.defects.annotated;
    totals.defectsFound += defectHits;
    totals.errorReports += found.errors.length;
    totals.falsePositives += defectMatch.unmatched.length;
    totals.doubtfulReports += defectMatch.hits.length - defectHits;
    totals.unannotatedRequests += requestMatch.unmatched.length;
  }
  const unannotatedDirs = [...byDir.keys()].filter((dir) => !annotations.projects.some((project) => project.dir === dir));
  return {
    projects,
    totals: {
      ...totals,
      detectionRecall: ratio(totals.requestsFound, totals.requests),
      defectRecall: ratio(totals.defectsFound, totals.defects),
      // Reports that match a doubtful annotation are neither true nor false: they stay out of both counts.
      precision: ratio(totals.errorReports - totals.falsePositives - totals.doubtfulReports, totals.errorReports - totals.doubtfulReports),
      missesByPattern,
    },
    fatal,
    unannotatedDirs,
  };
}

function formatText(report) {
  const lines = [];
  const pad = (value, width) => String(value).padStart(width);
  lines.push("project".padEnd(62) + "files  requests found/annotated  defects found/annotated  false pos.");
  for (const project of report.projects) {
    if (project.missing) {
      lines.push(`${project.dir.padEnd(62)}  (not in the folder: rebuild it, see bench/realcode/README.md)`);
      continue;
    }
    lines.push(
      project.dir.slice(0, 61).padEnd(62) +
        pad(project.files, 5) +
        pad(`${project.requests.detected}/${project.requests.annotated}`, 26) +
        pad(`${project.defects.reported}/${project.defects.annotated}`, 25) +
        pad(project.falsePositives.length, 12),
    );
  }
  const { totals } = report;
  lines.push("");
  lines.push(`requests: ${totals.requestsFound}/${totals.requests} detected (recall ${totals.detectionRecall})`);
  lines.push(`defects:  ${totals.defectsFound}/${totals.defects} reported by ${ERROR_RULE} (recall ${totals.defectRecall})`);
  lines.push(`${ERROR_RULE} reports: ${totals.errorReports}, false positives ${totals.falsePositives} (precision ${totals.precision})`);
  lines.push(`missed requests by pattern: ${Object.entries(totals.missesByPattern).map(([key, value]) => `${key} ${value}`).join(", ")}`);
  for (const project of report.projects) {
    if (project.missing) continue;
    const sections = [
      ["false positives (no annotation; judge them)", project.falsePositives.map((r) => `${r.file}:${r.line} ${r.message}`)],
      ["missed defects", project.missedDefects.map((m) => `${m.file}:${m.line} ${m.kind ?? ""}`)],
      ["missed requests", project.missedRequests.map((m) => `${m.file}:${m.line} [${m.pattern}] ${m.endpoint ?? ""}`)],
      ["detected requests without annotation", project.unannotatedRequests.map((r) => `${r.file}:${r.line} ${r.message}`)],
      ["other rules' reports", project.otherRuleReports.map((r) => `${r.file}:${r.line} ${r.rule}: ${r.message}`)],
    ].filter(([, items]) => items.length > 0);
    if (sections.length === 0) continue;
    lines.push("", `## ${project.repo} @ ${project.commit.slice(0, 12)}`);
    for (const [title, items] of sections) {
      lines.push(`  ${title}:`);
      for (const item of items) lines.push(`    ${item.replace(/\s+/g, " ").slice(0, 220)}`);
    }
  }
  if (report.fatal.length > 0) {
    lines.push("", "files that did not parse:");
    for (const fatal of report.fatal) lines.push(`  ${fatal.dir}/${fatal.file}:${fatal.line} ${fatal.message}`);
  }
  if (report.unannotatedDirs.length > 0) lines.push("", `folders without annotations (linted, not counted): ${report.unannotatedDirs.join(", ")}`);
  return lines.join("\n");
}

async function main() {
  const { folder, annotationsPath, json } = readArguments(process.argv.slice(2));
  const annotations = readAnnotations(annotationsPath);
  const results = await lintFolder(folder);
  const report = measure(annotations, results, folder);
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatText(report)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
