"""xlplan check: every rule fires where a person's edit breaks the workbook."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from corpus import CASES, SAMPLE, TODAY, edited, findings_by_code
from xlplan.cli import main
from xlplan.rules import all_rules, catalogue_markdown
from xlplan.rules.check import check

ROOT = SAMPLE.parent.parent


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_an_edit_is_reported_at_its_cells(case, tmp_path):
    path = edited(case, tmp_path)
    found = findings_by_code(check(path, today=case.today))
    assert set(found) == set(case.expected)
    for code, cells in case.expected.items():
        assert set(cells) <= set(found[code]), code


def test_every_rule_is_triggered_by_the_corpus():
    triggered = {code for case in CASES for code in case.expected}
    assert triggered == {r.code for r in all_rules()}


def test_the_sample_is_clean():
    assert check(SAMPLE, today=TODAY).findings == []


def test_rules_catalogue_is_up_to_date():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == catalogue_markdown(), \
        "docs/rules.md is stale: run python -m xlplan.rules"


def test_rules_have_unique_names_and_a_fix():
    rules = all_rules()
    assert len({r.name for r in rules}) == len(rules)
    assert all(r.fix and r.summary.endswith(".") for r in rules)


def _cli(*args):
    return CliRunner().invoke(main, list(args))


def test_cli_exit_codes_and_strict(tmp_path):
    clean = _cli("check", str(SAMPLE))
    assert clean.exit_code == 0 and "no findings" in clean.output
    warned = edited(next(c for c in CASES if c.name == "owner-cleared"), tmp_path)
    assert _cli("check", str(warned)).exit_code == 0
    strict = _cli("check", str(warned), "--strict")
    assert strict.exit_code == 1
    assert "warning M305 Actions!E5" in strict.output
    broken = edited(next(c for c in CASES if c.name == "score-overwritten"), tmp_path)
    result = _cli("check", str(broken))
    assert result.exit_code == 1
    assert "error   S105 Actions!Q5: the typed value 42 replaces a formula" in result.output
    assert "Fix: run xlplan sync FILE" in result.output


def test_cli_json_is_machine_readable(tmp_path):
    broken = edited(next(c for c in CASES if c.name == "status-done-bang"), tmp_path)
    result = _cli("check", str(broken), "--format", "json")
    data = json.loads(result.output)
    assert result.exit_code == 1
    assert data["errors"] == 1 and data["warnings"] == 0
    assert data["findings"][0] == {
        "code": "D203", "severity": "error", "where": "Jan!G9",
        "message": "'done!' is not a status",
        "fix": data["findings"][0]["fix"]}


def test_check_never_writes(tmp_path):
    path = edited(next(c for c in CASES if c.name == "score-overwritten"), tmp_path)
    before = path.read_bytes(), path.stat().st_mtime_ns
    check(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
