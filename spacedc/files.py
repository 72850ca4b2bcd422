"""Files written atomically: a temporary file beside the target, fsync, then an atomic rename.

Nothing a user already has under the target name is lost or half-overwritten: if writing raises (or the
process is interrupted), the target is untouched and the temporary file is removed (or, after a kill,
removed by the next write to the same target).
"""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["atomic_write", "atomic_write_text"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _stale_parts(target: Path) -> list[Path]:
    """Temporary files of earlier exports to ``target`` whose process is no longer alive."""
    stale = []
    for part in target.parent.glob(f".{glob.escape(target.name)}.*.part"):
        try:
            pid = int(part.name.rsplit(".", 2)[-2])
            os.kill(pid, 0)
        except ProcessLookupError:
            stale.append(part)
        except (ValueError, PermissionError, OSError):
            continue  # not ours to judge: a live process of another user, or an unparsable name
    return stale


def atomic_write(path: str | os.PathLike[str], write: Callable[[str], Any], *, exclusive: bool = False) -> Path:
    """Call ``write(tmp_path)`` to write a file, then move it atomically to ``path``.

    The temporary file is in the same directory (so the rename cannot cross file systems), fsynced before
    the rename; on any exception (including KeyboardInterrupt) it is removed and the exception re-raised.
    An empty or missing temporary file after ``write`` is an error (a writer that failed silently).
    ``exclusive=True`` never replaces a file: if ``path`` exists when the file is published,
    :class:`FileExistsError` is raised and the existing file is left as it was.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(f"path = {str(path)!r}: directory {str(target.parent)!r} does not exist")
    for part in _stale_parts(target):
        with contextlib.suppress(OSError):
            part.unlink()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=f".{os.getpid()}.part")
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; the finished file gets the user's usual mode
    try:
        write(tmp)
        if os.path.getsize(tmp) == 0:
            raise OSError(f"writing {str(target)!r} produced an empty file")
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        if exclusive:  # publish only if nothing took the name meanwhile: a hard link fails on an existing name
            os.link(tmp, target)
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # persist the rename (not possible on every platform)
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return target


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically, creating its folder if needed."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write(target, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
