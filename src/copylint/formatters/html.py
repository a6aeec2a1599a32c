"""A self-contained HTML report for editors: each story line by line with its
problems highlighted in place, explained on hover and keyboard focus, a summary
by category and rule, and filters by severity and category.

One file, no external assets: the CSS and the small script are inline, so the
report works offline and can be mailed. ``copylint serve`` reuses :func:`page`
and :func:`report_body`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

SEVERITIES = ("error", "warning", "info")
_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

CSS = """
:root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#d0d0d0;--paper:#fff;--panel:#f4f4f2;
--err:#b42318;--err-bg:#fde4e2;--warn:#8a4b00;--warn-bg:#ffefc2;--info:#1c5aa8;--info-bg:#e2eeff;--focus:#1b1b1b}
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;background:var(--paper);color:var(--ink);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
header.top,main,.wrap{max-width:72rem;margin:0 auto;padding:0 1.25rem}
header.top{padding-top:1rem}
h1{font-size:1.75rem;margin:.5rem 0}
h2{font-size:1.375rem;margin:2rem 0 .5rem}
a{color:#0b4ea2}
a:focus-visible,input:focus-visible,button:focus-visible,textarea:focus-visible,summary:focus-visible,mark.hl:focus{outline:3px solid var(--focus);outline-offset:2px}
.summary-line{font-size:1.125rem}
.badge{display:inline-block;padding:0 .45em;border-radius:.25em;color:#fff;font-size:.875rem;font-weight:600;line-height:1.5}
.badge.error{background:var(--err)}.badge.warning{background:var(--warn)}.badge.info{background:var(--info)}
form.filters{display:flex;flex-wrap:wrap;gap:1rem;background:var(--panel);border:1px solid var(--line);border-radius:.4rem;padding:.75rem 1rem;margin:1rem 0}
form.filters fieldset{border:0;margin:0;padding:0}
form.filters legend{font-weight:700;padding:0;margin-bottom:.25rem}
form.filters label{display:inline-flex;align-items:center;gap:.35rem;margin-right:1rem;min-height:2rem;cursor:pointer}
form.filters input{width:1.15rem;height:1.15rem}
.status{flex-basis:100%;margin:0;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:1rem}
th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{border-bottom:2px solid var(--ink)}
tbody th[scope=rowgroup]{background:var(--panel)}
td.count{text-align:right;font-variant-numeric:tabular-nums}
section.doc{margin-top:2rem}
.story{border:1px solid var(--line);border-radius:.4rem;padding:.5rem 0;font-size:1.0625rem}
.line{position:relative;display:flex;padding:0 .75rem 0 0}
.line:target{background:#fff8d6}
.ln{flex:0 0 3.5rem;text-align:right;padding-right:.9rem;color:var(--muted);user-select:none;font-variant-numeric:tabular-nums}
.tx{flex:1;white-space:pre-wrap;overflow-wrap:anywhere;min-height:1.6em}
mark.hl{color:inherit;border-radius:.15em;text-decoration-thickness:2px;text-underline-offset:.2em}
mark.hl.error{background:var(--err-bg);text-decoration:underline wavy var(--err);text-decoration-thickness:2px}
mark.hl.warning{background:var(--warn-bg);text-decoration:underline solid var(--warn);text-decoration-thickness:3px}
mark.hl.info{background:var(--info-bg);text-decoration:underline dotted var(--info);text-decoration-thickness:3px}
mark.hl.off{background:none;text-decoration:none}
mark.hl.anchor{cursor:help}
.tips{display:none;position:absolute;left:3.5rem;top:100%;z-index:10;max-width:min(42rem,90vw);white-space:normal;
background:#fff;color:var(--ink);border:2px solid var(--ink);border-radius:.4rem;padding:.6rem .8rem;box-shadow:0 .3rem 1rem rgba(0,0,0,.25);font-size:1rem;line-height:1.5}
mark.anchor:hover+.tips,mark.anchor:focus+.tips,.tips:hover{display:block}
body.tips-off .tips{display:none!important}
.tip{display:block}
.tip+.tip{border-top:1px solid var(--line);margin-top:.5rem;padding-top:.5rem}
.tip .msg{display:block;font-weight:700}
.tip .meta,.tip .why{display:block;color:var(--muted)}
.tip .fix,.problems .fix{display:block}
code{font-family:ui-monospace,"SFMono-Regular",Consolas,"Liberation Mono",monospace;font-size:.95em;background:var(--panel);padding:0 .2em;border-radius:.2em}
details.list{margin-top:.75rem}
details.list summary{cursor:pointer;font-weight:600;min-height:2rem}
ol.problems{padding-left:1.5rem}
ol.problems li{margin:.4rem 0}
[hidden]{display:none!important}
.clean{color:var(--muted)}
.errors li{color:var(--err)}
form.paste textarea{width:100%;min-height:14rem;font:inherit;padding:.5rem;border:2px solid var(--muted);border-radius:.3rem}
form.paste label{display:block;font-weight:700;margin:.75rem 0 .25rem}
form.paste input[type=file],form.paste input[type=text]{font:inherit}
form.paste button{font:inherit;font-weight:700;margin-top:1rem;padding:.5rem 1.25rem;border:0;border-radius:.3rem;background:#0b4ea2;color:#fff;cursor:pointer}
.notice{border-left:.35rem solid var(--err);background:var(--err-bg);padding:.5rem .8rem}
.hint{color:var(--muted);margin:.25rem 0}
"""

# Filters (severity, category) and Escape to dismiss an open explanation. Without
# script every problem is simply shown.
JS = """
(function(){
  var form=document.getElementById('filters');
  document.addEventListener('keydown',function(e){if(e.key==='Escape'){document.body.classList.add('tips-off');}});
  document.addEventListener('focusin',function(){document.body.classList.remove('tips-off');});
  document.addEventListener('mousemove',function(){document.body.classList.remove('tips-off');});
  if(!form){return;}
  var rank={error:0,warning:1,info:2};
  function checked(name){var s={};form.querySelectorAll('input[name='+name+']').forEach(function(i){if(i.checked){s[i.value]=true;}});return s;}
  function update(){
    var sev=checked('severity'),cat=checked('category'),on={},total=0,shown=0;
    document.querySelectorAll('.tip[data-finding]').forEach(function(t){
      total++;if(sev[t.dataset.severity]&&cat[t.dataset.category]){on[t.dataset.finding]=t.dataset.severity;shown++;}
    });
    document.querySelectorAll('mark.hl').forEach(function(m){
      var ids=m.dataset.findings.split(' ').filter(function(i){return on[i];});
      m.classList.remove('error','warning','info');
      if(!ids.length){m.classList.add('off');}else{
        m.classList.remove('off');
        var best=ids.map(function(i){return on[i];}).sort(function(a,b){return rank[a]-rank[b];})[0];
        m.classList.add(best);
      }
      if(m.dataset.anchors){
        var mine=m.dataset.anchors.split(' ').filter(function(i){return on[i];});
        if(mine.length){m.setAttribute('tabindex','0');m.setAttribute('aria-describedby',mine.map(function(i){return 'tip-'+i;}).join(' '));m.classList.add('anchor');}
        else{m.removeAttribute('tabindex');m.removeAttribute('aria-describedby');m.classList.remove('anchor');}
      }
    });
    document.querySelectorAll('li[data-finding]').forEach(function(li){li.hidden=!on[li.dataset.finding];});
    var status=document.getElementById('filter-status');
    if(status){status.textContent='Showing '+shown+' of '+total+' problem'+(total===1?'':'s')+'.';}
  }
  form.addEventListener('change',update);
  update();
})();
"""


def render(report) -> str:
    return page("copylint report", report_body(report))


def page(title: str, body: str) -> str:
    """A whole HTML document around ``body``, with the report's CSS and script."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"color-scheme\" content=\"light\">\n"
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{body}\n<script>{JS}</script>\n</body>\n</html>\n"
    )


def report_body(report, heading: str = "copylint report") -> str:
    """The report itself: summary, filters, each story with its problems, errors."""
    findings = report.findings
    out = [f"<header class=\"top\"><h1>{escape(heading)}</h1>",
           f"<p class=\"summary-line\">{escape(_summary_sentence(report))}</p>"]
    if report.tool_version:
        out.append(f"<p class=\"hint\">copylint {escape(report.tool_version)}</p>")
    out.append("</header>\n<main>")
    if report.errors:
        out.append("<section aria-labelledby=\"errors-h\"><h2 id=\"errors-h\">Files that could not be "
                   "checked</h2><ul class=\"errors\">")
        out.extend(f"<li>{escape(e)}</li>" for e in report.errors)
        out.append("</ul></section>")
    if findings:
        out.append(_filters(findings))
        out.append("<p><a href=\"#summary-h\">Summary by category and rule</a></p>")
    ids = {id(f): f"f{n}" for n, f in enumerate(findings, 1)}
    by_path = defaultdict(list)
    for finding in findings:
        by_path[finding.path].append(finding)
    clean = []
    for number, path in enumerate(_paths(report, by_path), 1):
        if by_path[path]:
            out.append(_document(report, path, by_path[path], ids, number))
        else:
            clean.append(path)
    if findings:
        out.append(_summary_table(report))
    if clean:
        out.append("<section aria-labelledby=\"clean-h\"><h2 id=\"clean-h\">Clean files</h2>"
                   "<ul class=\"clean\">")
        out.extend(f"<li>{escape(p)}: no problems</li>" for p in clean)
        out.append("</ul></section>")
    out.append("</main>")
    return "\n".join(out)


def _paths(report, by_path) -> list[str]:
    seen = dict.fromkeys(report.files)
    seen.update(dict.fromkeys(sorted(by_path)))
    return list(seen)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary_sentence(report) -> str:
    files = len(report.files)
    if not report.findings:
        return f"All clear: {_plural(files, 'file')} checked, no problems."
    counts = report.counts_by_severity()
    parts = ", ".join(_plural(counts[s], s) for s in SEVERITIES if counts[s])
    with_findings = len({f.path for f in report.findings})
    return (f"Found {_plural(len(report.findings), 'problem')} ({parts}) in "
            f"{with_findings} of {_plural(files, 'file')}.")


def _filters(findings) -> str:
    severities = Counter(str(f.severity) for f in findings)
    categories = Counter(f.category for f in findings)
    out = ["<form class=\"filters\" id=\"filters\" aria-label=\"Filter the problems shown\">",
           "<fieldset><legend>Severity</legend>"]
    for severity in SEVERITIES:
        if severities[severity]:
            out.append(f"<label><input type=\"checkbox\" name=\"severity\" value=\"{severity}\" checked> "
                       f"<span class=\"badge {severity}\">{severity.capitalize()}</span> "
                       f"({severities[severity]})</label>")
    out.append("</fieldset><fieldset><legend>Category</legend>")
    for category in sorted(categories):
        out.append(f"<label><input type=\"checkbox\" name=\"category\" value=\"{escape(category)}\" "
                   f"checked> {escape(category)} ({categories[category]})</label>")
    total = len(findings)
    out.append(f"</fieldset><p class=\"status\" id=\"filter-status\" role=\"status\">Showing "
               f"{total} of {_plural(total, 'problem')}.</p></form>")
    return "\n".join(out)


def _summary_table(report) -> str:
    by_rule = report.counts_by_rule()
    severity_of = {}
    for finding in report.findings:
        current = severity_of.get(finding.rule)
        if current is None or _RANK[str(finding.severity)] < _RANK[current]:
            severity_of[finding.rule] = str(finding.severity)
    categories = defaultdict(list)
    for rule_id in by_rule:
        categories[rule_id.split("/", 1)[0]].append(rule_id)
    out = ["<section aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Summary by category and rule</h2>",
           "<table><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Severity</th>"
           "<th scope=\"col\" class=\"count\">Problems</th><th scope=\"col\">What it means</th></tr></thead>"]
    for category in sorted(categories, key=lambda c: (-sum(by_rule[r] for r in categories[c]), c)):
        rules = sorted(categories[category], key=lambda r: (-by_rule[r], r))
        total = sum(by_rule[r] for r in rules)
        out.append(f"<tbody><tr><th scope=\"rowgroup\" colspan=\"4\">{escape(category)}: "
                   f"{_plural(total, 'problem')}</th></tr>")
        for rule_id in rules:
            rule = report.rules.get(rule_id)
            severity = severity_of[rule_id]
            description = escape(rule.description) if rule is not None else ""
            if rule is not None and rule.rationale:
                description += (f"<details><summary>Why</summary><p>{escape(rule.rationale.strip())}"
                                "</p></details>")
            out.append(f"<tr><td><code>{escape(rule_id)}</code></td><td><span class=\"badge {severity}\">"
                       f"{severity.capitalize()}</span></td><td class=\"count\">{by_rule[rule_id]}</td>"
                       f"<td>{description}</td></tr>")
        out.append("</tbody>")
    out.append("</table></section>")
    return "\n".join(out)


def _lines(report, path: str, findings) -> list[str]:
    """The document's lines as rules numbered them (endings folded to \\n); without
    the source, the lines the findings quote."""
    text = report.sources.get(path)
    if text is not None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
        if len(lines) > 1 and lines[-1] == "":
            lines.pop()
        return lines
    quoted = {f.line: f.context for f in findings}
    return [quoted.get(n, "") for n in range(1, max(quoted, default=0) + 1)]


def _document(report, path: str, findings, ids, number: int) -> str:
    lines = _lines(report, path, findings)
    doc_id = f"d{number}"
    # Per line: (start column, end column, finding) pieces, 0-based, end exclusive.
    spans = defaultdict(list)
    anchors = {}
    for finding in findings:
        last = min(finding.end_line, len(lines))
        for line_no in range(finding.line, last + 1):
            text = lines[line_no - 1] if line_no <= len(lines) else ""
            start = finding.column - 1 if line_no == finding.line else 0
            end = finding.end_column - 1 if line_no == finding.end_line else len(text)
            if line_no == finding.line:
                end = max(end, start + 1)  # every finding gets a visible, focusable piece
                anchors[id(finding)] = (line_no, start)
            if end > start:
                spans[line_no].append((start, end, finding))
    counts = Counter(str(f.severity) for f in findings)
    parts = ", ".join(_plural(counts[s], s) for s in SEVERITIES if counts[s])
    out = [f"<section class=\"doc\" aria-labelledby=\"{doc_id}-h\">",
           f"<h2 id=\"{doc_id}-h\">{escape(path)}</h2>",
           f"<p>{_plural(len(findings), 'problem')} ({parts}). Hover over or tab to a highlighted "
           "passage to read what is wrong; press Escape to close the explanation.</p>",
           f"<div class=\"story\" role=\"region\" aria-label=\"Text of {escape(path)}\">"]
    for line_no, text in enumerate(lines, 1):
        body = _line_html(text, spans.get(line_no, ()), anchors, ids, line_no, report.rules)
        out.append(f"<div class=\"line\" id=\"{doc_id}-L{line_no}\"><span class=\"ln\" "
                   f"aria-hidden=\"true\">{line_no}</span><span class=\"tx\">{body}</span></div>")
    out.append("</div>")
    out.append(f"<details class=\"list\" open><summary>List of the {_plural(len(findings), 'problem')}"
               "</summary><ol class=\"problems\">")
    for finding in findings:
        severity = str(finding.severity)
        out.append(f"<li data-finding=\"{ids[id(finding)]}\"><span class=\"badge {severity}\">"
                   f"{severity.capitalize()}</span> <a href=\"#{doc_id}-L{finding.line}\">Line "
                   f"{finding.line}, column {finding.column}</a>: {escape(finding.message)} "
                   f"<code>{escape(finding.rule)}</code>{_suggestion(finding)}</li>")
    out.append("</ol></details></section>")
    return "\n".join(out)


def _line_html(text: str, pieces, anchors, ids, line_no: int, rules) -> str:
    if not pieces:
        return escape(text)
    cuts = sorted({0, len(text)} | {p for s, e, _ in pieces for p in (s, e)})
    out = []
    for left, right in zip(cuts, cuts[1:]):
        chunk = text[left:right] if left < len(text) else " "
        covering = [f for s, e, f in pieces if s <= left and right <= e]
        if not covering:
            out.append(escape(chunk))
            continue
        worst = min((str(f.severity) for f in covering), key=_RANK.__getitem__)
        starting = [f for f in covering if anchors.get(id(f)) == (line_no, left)]
        attrs = f" data-findings=\"{' '.join(ids[id(f)] for f in covering)}\""
        if starting:
            tip_ids = " ".join(f"tip-{ids[id(f)]}" for f in starting)
            attrs += (f" data-anchors=\"{' '.join(ids[id(f)] for f in starting)}\" tabindex=\"0\""
                      f" aria-describedby=\"{tip_ids}\"")
        out.append(f"<mark class=\"hl {worst}{' anchor' if starting else ''}\"{attrs}>{escape(chunk)}</mark>")
        if starting:
            out.append("<span class=\"tips\">" + "".join(_tip(f, ids, rules) for f in starting) + "</span>")
    return "".join(out)


def _tip(finding, ids, rules) -> str:
    severity = str(finding.severity)
    rule = rules.get(finding.rule)
    why = ""
    if rule is not None:
        explanation = " ".join(part for part in (rule.description, rule.rationale.strip()) if part)
        why = f"<span class=\"why\">{escape(explanation)}</span>"
    fixable = " <code>copylint check --fix</code> can fix this." if (
        rule is not None and rule.fixable) else ""
    return (f"<span class=\"tip\" role=\"tooltip\" id=\"tip-{ids[id(finding)]}\" "
            f"data-finding=\"{ids[id(finding)]}\" data-severity=\"{severity}\" "
            f"data-category=\"{escape(finding.category)}\">"
            f"<span class=\"msg\">{escape(finding.message)}</span> "
            f"<span class=\"meta\"><span class=\"badge {severity}\">{severity.capitalize()}</span> "
            f"<code>{escape(finding.rule)}</code>, line {finding.line}, column {finding.column}.{fixable}"
            f"</span> {why}{_suggestion(finding)}</span>")


def _suggestion(finding) -> str:
    if finding.suggestion is None:
        return ""
    if finding.suggestion == "":
        return " <span class=\"fix\">Suggestion: delete it.</span>"
    if not finding.suggestion.strip():
        return " <span class=\"fix\">Suggestion: one space.</span>" if finding.suggestion == " " else (
            f" <span class=\"fix\">Suggestion: <code>{escape(repr(finding.suggestion))}</code></span>")
    return f" <span class=\"fix\">Suggestion: <code>{escape(finding.suggestion)}</code></span>"
