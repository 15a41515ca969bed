"""Reading input files safely: regular files only, a size cap checked before reading, UTF-8 with the
line of the first bad byte.

A directory, a FIFO (which would block) or a device such as /dev/zero (which never ends) is refused
from its ``stat`` before it is opened; a file is never read past its cap, even if it grows; a kernel
stream that looks like a file (/proc/kmsg) is read without waiting, and refused when it would wait.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class FileRefused(ValueError):
    """The file cannot be used as input; ``line`` is where (1-based) when the problem has a place."""

    def __init__(self, message: str, hint: str = "", line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.hint, self.line = message, hint, line


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _unreadable(exc: OSError) -> FileRefused:
    """What an operating-system error on a path means for the user, with what to do."""
    if exc.errno == errno.ELOOP:
        return FileRefused("a symbolic link that leads back to itself", "point the link at the file itself")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return FileRefused("no permission to read it", "make it readable, or copy it somewhere readable")
    if exc.errno == errno.ENOTDIR:
        return FileRefused("a part of the path is not a folder", "check the path")
    if exc.errno == errno.EISDIR:
        return FileRefused("a directory, not a file", "give the path of a regular file")
    return FileRefused(f"cannot read it ({exc.strerror or exc})", "check the path, or copy the file somewhere readable")


def describe(path: str | Path) -> str | None:
    """What a path that is not a regular file is ('a named pipe (FIFO)', 'a device', ...), or None for a
    regular file (following symbolic links)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "a broken link or missing file"
    except OSError as exc:
        return _unreadable(exc).message
    return None if stat.S_ISREG(info.st_mode) else _kind(info.st_mode)


def read_regular_file(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; anything else raises FileRefused."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileRefused("file not found", "check the path") from None
    except OSError as exc:
        raise _unreadable(exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(f"{_kind(info.st_mode)}, not a file", "give the path of a regular file")
    if info.st_size > max_bytes:
        raise FileRefused(f"too large: {info.st_size:,} bytes, over the limit of {max_bytes:,}",
                          "give the right file, or split it")
    try:
        # non-blocking: a kernel stream that looks like a file (/proc/kmsg) must not wait forever;
        # no controlling terminal; and the descriptor is checked again, in case the path changed
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _unreadable(exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"{_kind(info.st_mode)}, not a file", "give the path of a regular file")
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except BlockingIOError:
        raise FileRefused("it has nothing to read without waiting (a stream, not a file)",
                          "give the path of a regular file") from None
    except OSError as exc:
        raise _unreadable(exc) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise FileRefused(f"too large: over the limit of {max_bytes:,} bytes (it grew while being read)", "give the right file")
    return data


def decode_utf8(data: bytes, *, bom: bool = False) -> str:
    """``data`` as UTF-8 text; a bad byte raises FileRefused with its line and column."""
    try:
        return data.decode("utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FileRefused(f"not UTF-8: byte 0x{data[exc.start]:02x} at column {column}",
                          "save the file as UTF-8", line) from None
