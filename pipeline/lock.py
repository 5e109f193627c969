"""One pknews run per data folder at a time: an advisory lock on ``DATA/.lock``.

The lock is ``flock(2)`` on an open file, so the kernel releases it when the
holder exits or is killed (SIGKILL, OOM, power cut): a stale lock cannot
block the next night. The file holds the holder's pid, run id, command and
start time, for the message the second run prints.
"""

from __future__ import annotations

import fcntl
import os
from datetime import datetime, timezone
from pathlib import Path

EXIT_LOCKED = 5  # another run holds the data folder


class Locked(RuntimeError):
    """The data folder is in use by another run."""

    def __init__(self, path: Path, holder: dict[str, str]):
        self.path = path
        self.holder = holder
        pid = holder.get("pid", "?")
        what = ", ".join(f"{k} {v}" for k, v in holder.items() if k != "pid")
        super().__init__(
            f"another pknews run holds {path} (pid {pid}{', ' + what if what else ''}); "
            f"not starting. Wait for it to finish, or stop it with: kill {pid}"
        )


def _read_holder(fd: int) -> dict[str, str]:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 4096).decode("utf-8", "replace")
    except OSError:
        return {}
    holder = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            holder[key.strip()] = value.strip()
    return holder


class RunLock:
    """``with RunLock(data_root, run_id, "nightly"):`` -- raises ``Locked`` when held."""

    def __init__(self, root: Path, run_id: str = "", command: str = ""):
        self.path = Path(root) / ".lock"
        self.run_id = run_id
        self.command = command
        self.fd: int | None = None

    def acquire(self) -> "RunLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise Locked(self.path, holder) from None
        info = {
            "pid": str(os.getpid()), "run": self.run_id, "command": self.command,
            "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, "".join(f"{k}={v}\n" for k, v in info.items() if v).encode())
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            os.ftruncate(self.fd, 0)
        except OSError:
            pass
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = None

    def __enter__(self) -> "RunLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
