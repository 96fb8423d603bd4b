"""The file a command writes: backups in generations, symlinks, read-only files, pipes,
xlplan's lock, stale temporary files, values no file can hold, and crashes that still
change nothing."""
from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

import xlplan
from corpus import SAMPLE
from xlplan.cli import main
from xlplan.workbook import files
from xlplan.workbook.files import backups, locked


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLE, path)
    return path


def test_each_command_keeps_its_own_backup_generation(plan):
    original = plan.read_bytes()
    assert run("prioritize", plan).exit_code == 0
    after_first = plan.read_bytes()
    assert run("prioritize", plan).exit_code == 0
    assert run("sync", plan).exit_code == 0
    kept = backups(plan)
    assert len(kept) == 3 and len(set(kept)) == 3
    # the original is still there after later commands, and the later ones too
    assert kept[0].read_bytes() == original and kept[1].read_bytes() == after_first
    assert kept[0].parent == plan.parent / "xlplan-backups"
    assert not [p for p in kept[0].parent.iterdir() if p.name.startswith(".xlplan-")]


def test_old_generations_go_first(plan, monkeypatch):
    monkeypatch.setattr(files, "BACKUPS_KEPT", 3)
    first = plan.read_bytes()
    for _ in range(5):
        files.make_backup(plan)
    kept = backups(plan)
    assert len(kept) == 3 and all(p.read_bytes() == first for p in kept)


def test_a_symlinked_workbook_is_written_through_the_link(plan, tmp_path):
    link = tmp_path / "link.xlsx"
    link.symlink_to(plan)
    assert run("prioritize", link).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(plan)
    assert xlplan.read(link).recalculated is not None
    assert len(backups(plan)) == 1


def test_a_read_only_workbook_is_refused_and_unchanged(plan):
    plan.chmod(0o444)
    before = plan.read_bytes()
    for command in ("sync", "prioritize"):
        result = run(command, plan)
        assert result.exit_code == 2 and "is read-only" in result.output, result.output
    assert plan.read_bytes() == before and backups(plan) == []
    assert run("check", plan).exit_code in (0, 1)  # reading stays allowed


@pytest.mark.parametrize("kind", ["fifo", "folder", "device", "dangling link"])
def test_what_is_not_a_plain_file_is_refused_at_once(tmp_path, kind):
    path = tmp_path / "plan.xlsx"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path.symlink_to("/dev/null")
    else:
        path.symlink_to(tmp_path / "gone.xlsx")
    # a child process, so that a hang fails the test instead of stopping the run
    for command in ("check", "sync", "prioritize", "rollover"):
        proc = subprocess.run([sys.executable, "-m", "xlplan.cli", command, str(path)],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error:"), proc.stderr
        assert "Traceback" not in proc.stderr + proc.stdout


def test_a_second_command_on_the_same_file_waits_then_refuses(plan, monkeypatch):
    monkeypatch.setattr(files, "LOCK_WAIT_SECONDS", 0.3)
    before = plan.read_bytes()
    with locked(plan):
        result = run("sync", plan)
    assert result.exit_code == 2 and "another xlplan command" in result.output
    assert plan.read_bytes() == before
    # the lock is gone with the command that held it
    assert [p.name for p in plan.parent.iterdir()] == [plan.name]


def test_two_commands_at_once_both_land(plan):
    """Each command reads what the other wrote: neither result is lost."""
    results = []

    def prioritize():
        results.append(run("prioritize", plan).exit_code)

    threads = [threading.Thread(target=prioritize) for _ in range(2)]
    # CliRunner swaps sys.stdout: run them one after the other in threads holding the
    # lock in turn (the lock is per process and file, like two processes would)
    for t in threads:
        t.start()
        t.join()
    assert results == [0, 0]
    assert len(backups(plan)) == 2


def test_temporary_files_of_a_killed_command_are_removed_by_the_next(plan):
    stale = plan.parent / ".xlplan-999999-abc123.tmp.xlsx"  # no such process
    stale.write_bytes(b"half a workbook")
    mine = plan.parent / f".xlplan-{os.getpid()}-abc123.tmp.xlsx"  # a live process's
    mine.write_bytes(b"being written")
    assert run("sync", plan).exit_code == 0
    assert not stale.exists() and mine.exists()


def test_a_value_no_file_can_hold_is_refused_with_its_cell(tmp_path):
    plan = xlplan.make_plan(xlplan.Settings(year=2027))
    plan.actions[0].cost = math.nan
    with pytest.raises(xlplan.XlplanError, match=r"Actions!J5: the value nan cannot be stored"):
        from xlplan.workbook import write_plan
        write_plan(plan, tmp_path / "x.xlsx")
    plan.actions[0].cost = 100
    plan.actions[0].title = "x" * 40_000
    with pytest.raises(xlplan.XlplanError, match=r"Actions!B5: the text is 40,000 characters"):
        write_plan(plan, tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_an_unexpected_error_is_one_sentence_and_a_crash_file(plan, monkeypatch, tmp_path):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(xlplan, "sync", broken)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    before = plan.read_bytes()
    result = run("sync", plan)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "stopped unexpectedly (RuntimeError: a bug)" in lines[0]
    crash = next(tmp_path.glob("xlplan-crash-*.txt"))
    assert "RuntimeError: a bug" in crash.read_text() and "xlplan sync" in crash.read_text()
    assert plan.read_bytes() == before
