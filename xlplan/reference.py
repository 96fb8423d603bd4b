"""The command-line reference, docs/cli.md, generated from the commands' own help:
python -m xlplan.reference [PATH]"""
from __future__ import annotations

import sys
from pathlib import Path

import click


def cli_markdown() -> str:
    from .cli import main
    lines = ["# xlplan command-line reference", "",
             "Generated from the commands' help by `python -m xlplan.reference`; a test "
             "keeps it current.", ""]
    # a fixed width, so the text does not depend on the terminal it is made in
    root = main.make_context("xlplan", [], resilient_parsing=True, terminal_width=88,
                             max_content_width=88)
    lines += ["```text", main.get_help(root), "```", ""]
    for name in sorted(main.commands):
        command = main.commands[name]
        ctx = command.make_context(name, [], parent=root, resilient_parsing=True)
        lines += [f"## xlplan {name}", "", "```text", command.get_help(ctx), "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/cli.md")
    target.write_text(cli_markdown(), encoding="utf-8")
    print(f"Wrote {target}.")
