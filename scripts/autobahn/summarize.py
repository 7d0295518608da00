#!/usr/bin/env python3
"""Writes docs/autobahn.md from Autobahn's index.json reports (server and client direction)."""
import collections
import json
import sys

GOOD = {"OK", "NON-STRICT", "INFORMATIONAL"}


def load(path):
    with open(path) as handle:
        index = json.load(handle)
    (agent, cases), = index.items()
    return agent, cases


def case_key(case_id):
    return tuple(int(part) for part in case_id.split("."))


def table(title, cases, lines):
    groups = collections.OrderedDict()
    for case_id in sorted(cases, key=case_key):
        group = case_id.split(".")[0]
        groups.setdefault(group, collections.Counter())[cases[case_id]["behavior"]] += 1
    lines.append(f"### {title}\n")
    lines.append("| group | cases | OK | NON-STRICT | INFORMATIONAL | UNIMPLEMENTED | FAILED | close behavior not OK |")
    lines.append("|---|---|---|---|---|---|---|---|")
    totals = collections.Counter()
    for group, counter in groups.items():
        close_bad = sum(1 for case_id, case in cases.items()
                        if case_id.split(".")[0] == group and case.get("behaviorClose") not in GOOD)
        count = sum(counter.values())
        totals.update(counter)
        totals["close"] += close_bad
        totals["cases"] += count
        lines.append(f"| {group} | {count} | {counter['OK']} | {counter['NON-STRICT']} | {counter['INFORMATIONAL']} | "
                     f"{counter['UNIMPLEMENTED']} | {counter['FAILED']} | {close_bad} |")
    lines.append(f"| **all** | **{totals['cases']}** | {totals['OK']} | {totals['NON-STRICT']} | {totals['INFORMATIONAL']} | "
                 f"{totals['UNIMPLEMENTED']} | **{totals['FAILED']}** | {totals['close']} |\n")
    notable = [(case_id, case) for case_id, case in sorted(cases.items(), key=lambda item: case_key(item[0]))
               if case["behavior"] != "OK" or case.get("behaviorClose") != "OK"]
    if notable:
        lines.append("Cases not plainly OK:\n")
        for case_id, case in notable:
            lines.append(f"- {case_id}: {case['behavior']} (close: {case.get('behaviorClose')})")
        lines.append("")
    return totals["FAILED"] + sum(1 for case in cases.values() if case["behavior"] not in GOOD)


def main():
    server_index, client_index, output, cases_run = sys.argv[1:5]
    lines = ["# Autobahn TestSuite results", "",
             "Autobahn TestSuite (`autobahntestsuite` 25.10.1, Python 2.7) against Chargecheck's WebSocket module, "
             f"case groups {cases_run} (compression, groups 12 and 13, is not offered). Produced by `make autobahn`; "
             "the full HTML reports are written to `.build/autobahn/reports/`.", ""]
    bad = 0
    agent, cases = load(server_index)
    bad += table(f"Server (fuzzingclient against `WebSocketEcho serve`, agent `{agent}`)", cases, lines)
    agent, cases = load(client_index)
    bad += table(f"Client (`WebSocketEcho fuzz` against fuzzingserver, agent `{agent}`)", cases, lines)
    lines.append("Verdict: " + ("every case OK, NON-STRICT or INFORMATIONAL." if bad == 0 else f"{bad} cases FAILED or unexpected."))
    with open(output, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
