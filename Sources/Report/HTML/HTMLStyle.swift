/// The report's only style sheet, inline: system fonts, no external resources, and print rules so the report reads
/// well as a PDF (colours kept, sections not split inside charts, links shown as plain text).
enum HTMLStyle {
    static let css: Markup = """
        :root { --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; --muted: #57606a; --line: #d0d7de;
          --bg-soft: #f6f8fa; --call: #0b5cad; --result: #57606a; --accent: #0969da; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #1f2328;
          margin: 0; background: #fff; }
        main { max-width: 1100px; margin: 0 auto; padding: 20px 28px 60px; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 34px 0 10px; }
        h3 { font-size: 16px; margin: 22px 0 8px; } h4 { font-size: 14px; margin: 16px 0 6px; }
        a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
        code, pre, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
        pre { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px;
          white-space: pre-wrap; word-break: break-all; margin: 6px 0; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
        th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top;
          overflow-wrap: break-word; }
        td.long { overflow-wrap: anywhere; } td code { white-space: nowrap; }
        th { background: var(--bg-soft); font-weight: 600; font-size: 13px; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.where, th { white-space: nowrap; } td.frames a { display: inline-block; white-space: nowrap; }
        .muted { color: var(--muted); }
        .banner { display: flex; align-items: center; gap: 18px; padding: 16px 20px; border-radius: 8px; color: #fff;
          margin-bottom: 14px; }
        .banner.passed { background: var(--pass); } .banner.failed { background: var(--fail); }
        .banner.interrupted { background: var(--warn); }
        .banner .word { font-size: 30px; font-weight: 800; letter-spacing: .04em; }
        .banner .facts { font-size: 14px; opacity: .95; }
        .chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 4px; }
        .badge { display: inline-block; border-radius: 10px; padding: 1px 8px; font-size: 12px; font-weight: 700;
          color: #fff; background: var(--muted); white-space: nowrap; }
        .v-pass, .o-passed, .m-yes { background: var(--pass); } .v-fail, .o-failed, .v-error, .o-error, .m-no { background: var(--fail); }
        .v-inconclusive, .o-inconclusive, .o-interrupted { background: var(--warn); }
        .v-not_applicable, .v-skipped, .o-skipped, .o-not-run, .o-unsupported, .m-optional { background: #8c959f; }
        dl.run-facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 4px 16px; margin: 10px 0; }
        dl.run-facts dt { font-size: 12px; color: var(--muted); } dl.run-facts dd { margin: 0; overflow-wrap: anywhere; }
        .facts-table td:first-child { width: 190px; color: var(--muted); }
        .grid2 { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 14px; }
        figure { margin: 8px 0 16px; } figcaption { font-size: 13px; color: var(--muted); margin-bottom: 4px; }
        section.scenario { border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 12px; margin: 18px 0; }
        section.scenario.failed { border-color: var(--fail); box-shadow: inset 4px 0 0 var(--fail); }
        section.scenario > header h3 { display: flex; gap: 10px; align-items: center; }
        tr.step.failed td, tr.step.error td, tr.step.interrupted td, tr.step.inconclusive td { background: #ffebe9; }
        tr.step.not-run td { color: var(--muted); }
        tr.failure-detail td { background: #fff8f7; border-bottom: 2px solid var(--fail); }
        .diff td.wanted { color: var(--pass); } .diff td.got { color: var(--fail); font-weight: 600; }
        .diff { width: auto; min-width: 60%; }
        details.frame { border-bottom: 1px solid #eaeef2; } details.frame > summary { cursor: pointer; padding: 2px 4px;
          font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; list-style-position: inside; }
        details.frame:target > summary, details.frame[open] > summary { background: #fff8c5; }
        details.frame:target::details-content { content-visibility: visible; display: block; }
        details.frame:target { outline: 2px solid #d4a72c; }
        details.frames > summary, details.more > summary { cursor: pointer; color: var(--accent); margin: 6px 0; }
        .dir-in { color: var(--call); } .dir-out { color: #8250df; }
        .k-CALLERROR, .k-MALFORMED, .k-BINARY { color: var(--fail); font-weight: 600; }
        svg { max-width: 100%; height: auto; display: block; }
        svg.sequence, svg.timeline { width: 100%; }
        svg text { font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 12px; fill: #1f2328; }
        svg.sequence .lifeline { stroke: #8c959f; stroke-width: 1.5; stroke-dasharray: 4 4; }
        svg.sequence .actor { fill: #ddf4ff; stroke: var(--accent); }
        svg.sequence .actor-name { font-weight: 700; text-anchor: middle; }
        svg.sequence .time { fill: var(--muted); font-size: 11px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        svg.sequence .frame text:not(.time) { text-anchor: middle; }
        svg.sequence .frame line { stroke-width: 1.6; }
        svg.sequence .frame.call line { stroke: var(--call); } svg.sequence .frame.call polygon { fill: var(--call); }
        svg.sequence .frame.result line { stroke: var(--result); stroke-dasharray: 6 4; }
        svg.sequence .frame.result polygon { fill: var(--result); }
        svg.sequence .frame.error line, svg.sequence .frame.malformed line { stroke: var(--fail); stroke-dasharray: 2 3; }
        svg.sequence .frame.error polygon, svg.sequence .frame.malformed polygon { fill: var(--fail); }
        svg.sequence .frame.error text:not(.time), svg.sequence .frame.malformed text:not(.time) { fill: var(--fail); font-weight: 600; }
        svg.sequence .frame.unanswered line { stroke-dasharray: 2 4; }
        svg.sequence text.timeout { fill: var(--fail); font-weight: 700; }
        svg.sequence a:hover text:not(.time) { text-decoration: underline; }
        svg.sequence .connection rect { fill: #dafbe1; stroke: var(--pass); }
        svg.sequence .connection.closed rect { fill: #ffebe9; stroke: var(--fail); stroke-dasharray: 5 3; }
        svg.sequence .connection text:not(.time) { text-anchor: middle; font-weight: 600; }
        svg.sequence .pause text { text-anchor: middle; fill: var(--muted); font-style: italic; }
        svg.sequence .step-problem rect { fill: #ffebe9; stroke: var(--fail); }
        svg.sequence .step-problem text { fill: var(--fail); font-weight: 700; }
        svg.timeline .lane { font-weight: 600; }
        svg.timeline .span rect { stroke: #fff; stroke-width: 1; }
        svg.timeline .span text { fill: #fff; font-size: 11px; font-weight: 600; }
        svg.timeline .scenario-band rect { fill: #f6f8fa; } svg.timeline .scenario-band.even rect { fill: #eaeef2; }
        svg.timeline .scenario-band text { text-anchor: middle; fill: var(--muted); font-size: 11px; }
        .st-available rect, .key.st-available { fill: #2da44e; background: #2da44e; }
        .st-preparing rect, .key.st-preparing { fill: #54aeff; background: #54aeff; }
        .st-charging rect, .key.st-charging { fill: #0969da; background: #0969da; }
        .st-suspendedev rect, .st-suspendedevse rect, .key.st-suspendedev { fill: #bf8700; background: #bf8700; }
        .st-finishing rect, .key.st-finishing { fill: #8250df; background: #8250df; }
        .st-reserved rect, .key.st-reserved { fill: #6e7781; background: #6e7781; }
        .st-unavailable rect, .key.st-unavailable { fill: #afb8c1; background: #afb8c1; }
        .st-faulted rect, .key.st-faulted { fill: #cf222e; background: #cf222e; }
        .st-other rect { fill: #424a53; }
        .legend-row { display: flex; flex-wrap: wrap; gap: 12px; font-size: 12px; color: var(--muted); }
        .legend-row .key { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -2px; margin-right: 4px; }
        svg .axis line { stroke: #8c959f; } svg .axis text { fill: var(--muted); font-size: 11px; text-anchor: middle; }
        svg.meter .grid { stroke: #eaeef2; } svg.meter .energy-tick { text-anchor: end; }
        svg.meter .power-tick { text-anchor: start; } svg.meter .energy-unit { text-anchor: start; fill: var(--call); }
        svg.meter .power-unit { text-anchor: end; fill: #bc4c00; }
        svg.meter .energy-line { fill: none; stroke: var(--call); stroke-width: 2; }
        svg.meter .energy-area { fill: #ddf4ff; opacity: .7; }
        svg.meter .energy-dots circle { fill: var(--call); }
        svg.meter .power-line { fill: none; stroke: #bc4c00; stroke-width: 2; }
        svg.meter .legend text { fill: var(--muted); font-size: 11px; }
        svg.meter .energy-key { fill: var(--call); } svg.meter .power-key { fill: #bc4c00; }
        .finding.error { color: var(--fail); } .finding.warning { color: var(--warn); }
        footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
        @media print {
          @page { size: A4; margin: 14mm 12mm; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { font-size: 11px; } main { max-width: none; padding: 0; }
          a { color: inherit; } h2 { break-before: page; } h2.first { break-before: avoid; }
          section.scenario, figure, svg, table.diff, tr { break-inside: avoid; }
          section.scenario { box-shadow: none; }
          details.frames:not([open]) { display: none; }
          pre { white-space: pre-wrap; }
        }
        """
}
