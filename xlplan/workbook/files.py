"""Writing workbook files safely: lock files, backups, atomic replace."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from ..errors import XlplanError


def lock_files(path: Path) -> list[Path]:
    """The lock files Excel (``~$name``) and LibreOffice (``.~lock.name#``) keep."""
    return [path.with_name("~$" + path.name), path.with_name(".~lock." + path.name + "#")]


def refuse_if_open(path: Path) -> None:
    for lock in lock_files(path):
        if lock.exists():
            raise XlplanError(f"{path.name} is open in Excel or LibreOffice ({lock.name} exists)",
                              where=str(path), fix="close it there, then run the command again")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def backup_path(path: Path) -> Path:
    return path.with_name(path.stem + ".bak" + path.suffix)


def write_atomically(path: Path, write: Callable[[Path], None], *, overwrite: bool) -> Path | None:
    """Call ``write(tmp)`` then move tmp over ``path``; return the backup made, if any.

    If anything fails, ``path`` is left as it was and no temporary file remains.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not overwrite:
        raise XlplanError(f"{path} already exists", fix="choose another name, or pass --force "
                          "to replace it (the old file is kept as a .bak)")
    if not folder.is_dir():
        raise XlplanError(f"folder {folder} does not exist", where=str(path),
                          fix="create it first or choose another output")
    if not os.access(folder, os.W_OK):
        raise XlplanError(f"cannot write in folder {folder}", where=str(path),
                          fix="choose a folder you can write to")
    refuse_if_open(path)
    fd, tmp_name = tempfile.mkstemp(prefix=".xlplan-", suffix=path.suffix, dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    backup = None
    try:
        write(tmp)
        # the permissions of the file replaced, or those of any new file (the temporary
        # file is private to its owner)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        if path.exists():
            backup = backup_path(path)
            shutil.copy2(path, backup)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return backup
