"""Writing workbook files safely: one xlplan command per file at a time, backups in
generations, an atomic replace, and never a half-written file.

The order of a write is chosen so that any failure (an error, a full disk, a kill)
leaves either the old file or the complete new one, and no stray file after the
next run:

1. the new workbook is written to a temporary file beside the target and flushed;
2. the old one is copied into the backup folder under a temporary name, flushed, then
   given its generation's name (a name no later command reuses);
3. the temporary workbook replaces the target in one rename.

Temporary files carry the writer's process id, so the next command removes those of
a process that no longer runs (one killed by ``kill -9``).
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

from ..errors import XlplanError

BACKUP_FOLDER = "xlplan-backups"
BACKUPS_KEPT = 20          # generations kept per workbook; the oldest go first
LOCK_WAIT_SECONDS = 10.0   # how long a second command waits for the first one
_TEMP = re.compile(r"^\.xlplan-(\d+)-[A-Za-z0-9_]+\.tmp")


def lock_files(path: Path) -> list[Path]:
    """The lock files Excel (``~$name``) and LibreOffice (``.~lock.name#``) keep."""
    return [path.with_name("~$" + path.name), path.with_name(".~lock." + path.name + "#")]


def refuse_if_open(path: Path) -> None:
    for lock in lock_files(path):
        if lock.exists():
            raise XlplanError(f"{path.name} is open in Excel or LibreOffice ({lock.name} exists)",
                              where=str(path), fix="close it there, then run the command again")


def target_of(path: Path) -> Path:
    """The file a command really writes: a symlink's target, so that the link stays."""
    return Path(os.path.realpath(path))


def require_regular_file(path: Path) -> None:
    """Refuse at once what is not a plain file (reading a named pipe would hang)."""
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise XlplanError(f"{path} is a link to a file that does not exist",
                              fix="give the workbook's own file name") from None
        raise XlplanError(f"{path} does not exist", fix="check the file name") from None
    except OSError as exc:
        raise XlplanError(f"{path} cannot be opened ({exc.strerror})",
                          fix="check the file name and its permissions") from None
    if stat.S_ISDIR(st.st_mode):
        raise XlplanError(f"{path} is a folder", fix="give the workbook's file name")
    if not stat.S_ISREG(st.st_mode):
        kind = ("a named pipe" if stat.S_ISFIFO(st.st_mode) else
                "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else
                "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file")
        raise XlplanError(f"{path} is {kind}, not a workbook file",
                          fix="give the .xlsx or .xlsm file itself")


def require_writable(path: Path) -> None:
    """Refuse a workbook marked read-only (even for root, who could write it anyway:
    the mark is the owner's wish)."""
    st = os.stat(path)
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise XlplanError(f"{path.name} is read-only", where=str(path),
                          fix="make it writable (Properties > uncheck Read-only, or chmod "
                          "u+w), or work on a copy")


def _lock_path(path: Path) -> Path:
    return path.with_name(".~xlplan." + path.name + "#")


@contextlib.contextmanager
def locked(path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold xlplan's own lock on ``path`` for a whole command (read, plan, write), so
    that two commands on one file cannot interleave: the second waits for the first,
    up to ``wait`` seconds, then refuses."""
    import fcntl

    lock = _lock_path(target_of(path))
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            # no folder, or one nobody can write in: the write itself will say so
            yield
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise XlplanError(f"another xlplan command is working on {path.name}",
                                  where=str(path), fix="wait for it to finish, then run "
                                  "this command again") from None
            time.sleep(0.1)
            continue
        # the lock file may have been removed by the holder we waited for: lock the
        # file that is there now, not an orphan
        try:
            same = os.fstat(fd).st_ino == os.stat(lock).st_ino
        except FileNotFoundError:
            same = False
        if not same:
            os.close(fd)
            continue
        break
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)
        os.close(fd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files left by an xlplan process that no longer runs."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            m = _TEMP.match(entry.name)
            if m and int(m.group(1)) != os.getpid() and not _alive(int(m.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _temporary(folder: Path, suffix: str) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".xlplan-{os.getpid()}-", suffix=".tmp" + suffix,
                                dir=folder)
    os.close(fd)
    return Path(name)


def _flush(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def backup_folder(path: Path) -> Path:
    return target_of(path).parent / BACKUP_FOLDER


def backups(path: Path) -> list[Path]:
    """The backup generations of ``path``, oldest first."""
    target = target_of(path)
    folder = target.parent / BACKUP_FOLDER
    if not folder.is_dir():
        return []
    pattern = re.compile(re.escape(target.stem) + r"\.(\d{8}-\d{6})(?:-(\d+))?"
                         + re.escape(target.suffix) + "$")
    found = [(m.group(1), int(m.group(2) or 0), p) for p in folder.iterdir()
             if (m := pattern.match(p.name))]
    return [p for _, _, p in sorted(found)]


def shown(backup: Path) -> str:
    """A backup's name as the user finds it from the workbook's folder."""
    return f"{backup.parent.name}/{backup.name}"


def make_backup(path: Path, now: _dt.datetime | None = None) -> Path:
    """Copy ``path`` into its backup folder as a new generation and return it; the copy
    is complete on disk before it gets its name, and no generation is overwritten."""
    target = target_of(path)
    folder = target.parent / BACKUP_FOLDER
    folder.mkdir(exist_ok=True)
    remove_stale_temporaries(folder)
    stamp = (now or _dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    tmp = _temporary(folder, target.suffix)
    try:
        shutil.copyfile(target, tmp)
        shutil.copystat(target, tmp)
        _flush(tmp)
        n = 0
        while True:
            name = folder / f"{target.stem}.{stamp}{f'-{n}' if n else ''}{target.suffix}"
            try:
                os.link(tmp, name)  # fails if the name exists: never overwrite
                break
            except FileExistsError:
                n += 1
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    for old in backups(target)[:-BACKUPS_KEPT]:
        with contextlib.suppress(OSError):
            old.unlink()
    return name


def _disk_error(exc: OSError, path: Path) -> XlplanError:
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        what = f"the disk is full: {path.name} could not be written"
        fix = "free some space, then run the command again (the workbook is unchanged)"
    else:
        what = f"{path.name} could not be written ({exc.strerror or exc})"
        fix = "check the folder's permissions and free space; the workbook is unchanged"
    return XlplanError(what, where=str(path), fix=fix)


def write_atomically(path: Path, write: Callable[[Path], None], *, overwrite: bool) -> Path | None:
    """Call ``write(tmp)`` then move tmp over ``path``; return the backup made, if any.

    If anything fails, ``path`` is left as it was and no temporary file remains.
    """
    path = Path(path)
    target = target_of(path)
    folder = target.parent
    if os.path.lexists(path) and not overwrite:
        raise XlplanError(f"{path} already exists", fix="choose another name, or pass --force "
                          "to replace it (the old file is kept in the backups folder)")
    if not folder.is_dir():
        raise XlplanError(f"folder {folder} does not exist", where=str(path),
                          fix="create it first or choose another output")
    if not os.access(folder, os.W_OK):
        raise XlplanError(f"cannot write in folder {folder}", where=str(path),
                          fix="choose a folder you can write to")
    if target.exists():
        require_regular_file(target)
        require_writable(target)
    refuse_if_open(path)
    remove_stale_temporaries(folder)
    tmp = _temporary(folder, target.suffix)
    backup = None
    try:
        try:
            write(tmp)
            _flush(tmp)
            # the permissions of the file replaced, or those of any new file (the
            # temporary file is private to its owner)
            os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists()
                     else 0o666 & ~_umask())
            if target.exists():
                backup = make_backup(target)
            os.replace(tmp, target)
        except OSError as exc:
            raise _disk_error(exc, target) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return backup
