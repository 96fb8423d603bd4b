"""Every command on every hostile input (tests/hostile.py): never a traceback, a crash
or a hang; a file xlplan cannot use gets one sentence, exit 2 and no byte changed.

All calls run in one child process (tests/hostile_run.py) through click's CliRunner,
each with a time limit; a call that kills that process is reported and the next
process carries on after it.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile import CASES, COMMANDS, WRITERS, build_corpus, categories, restore_permissions

HERE = Path(__file__).resolve().parent
VENV_PYTHON = HERE.parent / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON if VENV_PYTHON.exists() else Path(sys.executable))
CALL_SECONDS = 20      # one command on one input
TOTAL_SECONDS = 600    # the whole corpus


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    calls = build_corpus(root / "corpus")
    crash_dir = root / "crashes"
    crash_dir.mkdir()
    manifest, results = root / "manifest.json", root / "results.jsonl"
    manifest.write_text(json.dumps({"calls": calls, "timeout": CALL_SECONDS,
                                    "crash_dir": str(crash_dir)}))
    records: dict[int, dict] = {}
    start, deadline = 0, time.monotonic() + TOTAL_SECONDS
    while start < len(calls):
        try:
            proc = subprocess.run([PYTHON, str(HERE / "hostile_run.py"), str(manifest),
                                   str(results), str(start)], capture_output=True, text=True,
                                  timeout=max(1.0, deadline - time.monotonic()), cwd=root)
            died = f"exit status {proc.returncode}; its stderr ends:\n{proc.stderr[-3000:]}"
        except subprocess.TimeoutExpired as exc:
            died = f"the whole run passed {TOTAL_SECONDS} s; stderr ends:\n" \
                   f"{(exc.stderr or b'')[-3000:]!r}"
        for line in results.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if "i" in rec:
                records[rec["i"]] = rec
        missing = [i for i in range(start, len(calls)) if i not in records]
        if not missing:
            break
        # the call the runner was on when it ended: record it, carry on after it
        k = missing[0]
        records[k] = {**calls[k], "i": k, "died": died, "exit_code": None, "stdout": "",
                      "stderr": "", "exception": None, "timeout": False}
        start = k + 1
        if time.monotonic() > deadline:
            for i in missing[1:]:
                records[i] = {**calls[i], "i": i, "died": "not run: out of time",
                              "exit_code": None, "stdout": "", "stderr": "",
                              "exception": None, "timeout": False}
            break
    out = {(r["case"], r["command"]): r for r in records.values()}
    yield out
    restore_permissions(root)


def one_sentence(stderr: str) -> str | None:
    """Why stderr is not one sentence 'Error: <where>: <what>. <How to fix>.'"""
    text = stderr.strip("\n")
    if not text:
        return "nothing on stderr"
    if "\n" in text:
        return f"{text.count(chr(10)) + 1} lines on stderr"
    if not text.startswith("Error: "):
        return "stderr does not start with 'Error: '"
    if not text.endswith("."):
        return "the sentence does not end with a full stop"
    return None


def problems(kind: str, command: str, rec: dict) -> list[str]:
    if rec.get("died"):
        return [f"the runner process died on this call ({rec['died']})"]
    found = []
    if rec["timeout"]:
        found.append("a hang: no answer within the time limit")
    elif rec["exception"]:
        found.append("an exception escaped the CLI")
    text = rec["stdout"] + rec["stderr"]
    if "unexpectedly" in text:
        found.append("a crash (the catch-all's 'stopped unexpectedly')")
    if "Traceback" in text:
        found.append("a traceback in the output")
    code = rec["exit_code"]
    changed = rec["before"] != rec["after"]
    if kind == "unusable":
        if code != 2:
            found.append(f"exit {code}, not 2")
        if changed:
            found.append("the input changed")
        if rec["files_before"] != rec["files_after"]:
            found.append(f"files beside the input changed: {rec['files_before']} -> "
                         f"{rec['files_after']}")
        if rec["outputs"]:
            found.append(f"wrote {rec['outputs']}")
    else:
        allowed = {0, 1} if kind == "works" else {0, 1, 2}
        if code not in allowed:
            found.append(f"exit {code}, not one of {sorted(allowed)}")
        if changed and not (command in WRITERS and code == 0):
            found.append("the input changed")
    if code == 2:
        why = one_sentence(rec["stderr"])
        if why:
            found.append(f"not one sentence: {why}")
    return found


def describe(case: str, command: str, kind: str, rec: dict, found: list[str]) -> str:
    lines = [f"{case} x {command} [{kind}]: " + "; ".join(found),
             f"    exit {rec['exit_code']}, {rec.get('seconds', '?')} s"]
    for stream in ("stderr", "stdout"):
        if rec.get(stream, "").strip():
            lines.append(f"    {stream}: {rec[stream].strip()[:600]}")
    for key in ("exception", "crash_report"):
        if rec.get(key):
            lines.append(f"    {key}: " + _traceback_tail(rec[key]))
    if rec.get("before") != rec.get("after"):
        lines.append(f"    input before: {rec.get('before')}\n    input after:  {rec.get('after')}")
    return "\n".join(lines)


def _traceback_tail(text: str) -> str:
    """The last frames of a traceback (file:line in function) and its exception."""
    lines = text.strip().splitlines()
    frames = [re.sub(r'^File "(?:.*?/)?((?:xlplan|site-packages)/.*|[^/]*)", line (\d+), in ',
                     r"\1:\2 in ", t.strip())
              for t in lines if t.strip().startswith('File "')]
    return " <- ".join(reversed(frames[-3:])) + "\n      " + (lines[-1] if lines else "")


def test_corpus_is_large_and_covers_every_category():
    counts = categories()
    assert sum(n for c, n in counts.items() if c != "control") >= 100, counts
    assert {"zip", "xml", "data", "fs"} <= set(counts), counts


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input(name, outcomes):
    case = CASES[name]
    failures = []
    for command in COMMANDS:
        kind = case.expectation(command)
        rec = outcomes[(name, command)]
        found = problems(kind, command, rec)
        if found:
            failures.append(describe(name, command, kind, rec, found))
    if failures:
        pytest.fail("\n".join(failures), pytrace=False)
