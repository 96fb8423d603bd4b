"""Run xlplan's commands on the hostile corpus, in this one process.

    python tests/hostile_run.py MANIFEST RESULTS START

MANIFEST is the JSON written by test_hostile.py: {"calls": [...], "timeout": seconds,
"crash_dir": folder}. Calls from index START on are run through click's CliRunner
(no new process per call); for each one, a line {"started": i} and then a line with
its outcome are appended to RESULTS (a file, so that nothing a library prints can
garble them). A call taking longer than the time limit is stopped by SIGALRM; one
stuck where a signal cannot reach (inside native code) ends the process after a
grace period, and test_hostile.py starts a new one after it.
"""
from __future__ import annotations

import faulthandler
import hashlib
import json
import os
import resource
import signal
import stat
import sys
import tempfile
import time
import traceback
from pathlib import Path

MEMORY_LIMIT = 6 * 2**30   # address space: a runaway allocation fails instead of the machine
HASHED_BYTES = 64 * 2**20  # larger files are fingerprinted by size and mtime


class CallTimeout(BaseException):
    """Not an Exception: xlplan's catch-all must not turn it into a message."""


def _on_alarm(signum, frame):
    raise CallTimeout


def fingerprint(path: str) -> str:
    """What the input is, byte for byte where it is a plain file."""
    try:
        lst = os.lstat(path)
    except OSError as exc:
        return f"absent ({exc.strerror})"
    prefix = f"link to {os.readlink(path)}; " if stat.S_ISLNK(lst.st_mode) else ""
    try:
        st = os.stat(path)
    except OSError as exc:
        return prefix + f"unreachable ({exc.strerror})"
    mode = oct(stat.S_IMODE(st.st_mode))
    if stat.S_ISDIR(st.st_mode):
        return prefix + f"folder {sorted(os.listdir(path))} {mode}"
    if not stat.S_ISREG(st.st_mode):
        return prefix + f"special {stat.S_IFMT(st.st_mode):o} {mode}"
    if st.st_size > HASHED_BYTES:
        return prefix + f"file of {st.st_size} bytes, mtime {st.st_mtime_ns} {mode}"
    try:
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
    except OSError as exc:
        return prefix + f"unreadable ({exc.strerror}) {st.st_size} {st.st_mtime_ns} {mode}"
    return prefix + f"sha256 {digest} {mode}"


def listing(folder: str) -> list[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        rel = os.path.relpath(dirpath, folder)
        out += [os.path.normpath(os.path.join(rel, n)) for n in dirnames + filenames]
    return sorted(out)


def _crash_files(folder: str) -> dict[str, tuple[int, int]]:
    out = {}
    for name in os.listdir(folder):
        st = os.stat(os.path.join(folder, name))
        out[name] = (st.st_mtime_ns, st.st_size)
    return out


def main(manifest: str, results: str, start: int) -> None:
    spec = json.loads(Path(manifest).read_text())
    limit = float(spec["timeout"])
    os.environ["TMPDIR"] = spec["crash_dir"]      # crash reports go there, not to /tmp
    tempfile.tempdir = spec["crash_dir"]
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > MEMORY_LIMIT:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, hard))
    signal.signal(signal.SIGALRM, _on_alarm)

    from click.testing import CliRunner
    from xlplan.cli import main as cli

    runner = CliRunner()
    with open(results, "a", encoding="utf-8") as out:
        def emit(record):
            out.write(json.dumps(record) + "\n")
            out.flush()

        for i, call in enumerate(spec["calls"][start:], start):
            emit({"started": i})
            before, files_before = fingerprint(call["file"]), listing(call["folder"])
            crashes_before = _crash_files(spec["crash_dir"])
            record = {"i": i, "case": call["case"], "command": call["command"],
                      "args": call["args"], "timeout": False, "exception": None}
            # a hang inside native code never returns to the signal handler: end the
            # process, with every thread's stack on stderr, and let the caller go on
            faulthandler.dump_traceback_later(limit + 20, exit=True)
            t0 = time.monotonic()
            signal.setitimer(signal.ITIMER_REAL, limit)
            try:
                result = runner.invoke(cli, call["args"])
            except CallTimeout:
                result = None
                record["timeout"] = True
                record["exception"] = f"no answer after {limit:.0f} s:\n" + \
                    traceback.format_exc()
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                faulthandler.cancel_dump_traceback_later()
            record["seconds"] = round(time.monotonic() - t0, 3)
            if result is not None:
                record["exit_code"] = result.exit_code
                record["stdout"] = result.stdout
                record["stderr"] = result.stderr
                if result.exception is not None and not isinstance(result.exception,
                                                                   SystemExit):
                    record["exception"] = "".join(traceback.format_exception(
                        *result.exc_info))
            else:
                record["exit_code"], record["stdout"], record["stderr"] = None, "", ""
            record["before"], record["after"] = before, fingerprint(call["file"])
            record["files_before"], record["files_after"] = files_before, listing(
                call["folder"])
            record["outputs"] = sorted(os.listdir(call["out"]))
            # a crash file is named by the second and the process: a later crash in the
            # same second rewrites it, so look at what changed, not only what is new
            now = _crash_files(spec["crash_dir"])
            crashes = sorted(n for n in now if crashes_before.get(n) != now[n])
            record["crash_report"] = "\n".join(
                Path(spec["crash_dir"], c).read_text(errors="replace") for c in crashes)
            emit(record)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
