"""Running one job in a child process that cannot reach the network and can always be stopped.

A SPARQL query runs in native code (Oxigraph), which neither Ctrl-C nor a
Python time limit can interrupt, and whose federation (SERVICE) cannot be
turned off from Python. :func:`run_sandboxed` therefore runs the job in a
forked child process:

* the child cannot open a network socket: on Linux a seccomp filter
  (libseccomp, through pyseccomp) makes ``socket()`` fail for every family
  but local Unix sockets; where that is unavailable the child moves into a
  network namespace of its own; where neither is possible the child runs
  without this guard (the text guard in :mod:`graphbuild.query` still holds);
* the parent waits at most ``timeout`` seconds, then kills the child;
* Ctrl-C in the parent kills the child and is raised as usual;
* the child's address space is capped, so a runaway join ends the child
  instead of exhausting the machine's memory.

The result travels back pickled through a pipe (only from the child this
process forked, running graphbuild's own code).
"""
from __future__ import annotations

import ctypes
import errno
import functools
import os
import pickle
import resource
import select
import signal
import socket
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from .errors import GraphbuildError

T = TypeVar("T")

#: The child's address-space cap, above what it has at the start: half the machine's memory.
DEFAULT_MEMORY_SHARE = 0.5
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


class TimeLimitExceeded(GraphbuildError):
    """The job ran longer than its time limit and was stopped."""


class JobFailed(GraphbuildError):
    """The job's process ended without an answer (out of memory, or a crash in native code)."""


def _seccomp_no_network() -> bool:
    try:
        import pyseccomp as seccomp
    except Exception:  # noqa: BLE001 - no pyseccomp, or libseccomp missing: ImportError, OSError, ...
        return False
    try:
        rules = seccomp.SyscallFilter(seccomp.ALLOW)
        rules.add_rule(seccomp.ERRNO(errno.EACCES), "socket", seccomp.Arg(0, seccomp.NE, socket.AF_UNIX))
        try:  # io_uring can open sockets without the socket() call
            rules.add_rule(seccomp.ERRNO(errno.ENOSYS), "io_uring_setup")
        except Exception:  # noqa: BLE001 - a libseccomp too old to know the call (the kernel then lacks it too)
            pass
        rules.load()
    except Exception:  # noqa: BLE001 - a kernel or container without seccomp
        return False
    return True


def _namespace_no_network() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET):
        if libc.unshare(flags) == 0:
            return True
    return False


def block_network() -> bool:
    """Make this process unable to open network sockets, for good. Whether it worked."""
    if not sys.platform.startswith("linux"):
        return False
    return _seccomp_no_network() or _namespace_no_network()


@functools.cache
def network_can_be_blocked() -> bool:
    """Whether :func:`block_network` works here (tried once, in a throwaway child)."""
    return bool(run_sandboxed(lambda: True, timeout=30, memory=None, require_blocked=True))


def _cap_memory(share: float | None) -> None:
    if share is None:
        return
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    with open("/proc/self/statm", encoding="ascii") as handle:
        used = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    limit = used + int(total * share)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _child(write_end: int, function: Callable[..., T], args: tuple, memory: float | None,
           require_blocked: bool) -> None:
    """Run ``function`` in the forked child and send back its result; never returns."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and kills this process
        blocked = block_network()
        if require_blocked and not blocked:
            outcome: tuple = ("value", False)
        else:
            try:
                _cap_memory(memory)
            except (OSError, ValueError):
                pass  # no /proc or no limit allowed: run uncapped
            outcome = ("value", function(*args))
    except GraphbuildError as exc:
        outcome = ("error", exc)
    except MemoryError:
        outcome = ("error", JobFailed("ran out of memory"))
    except BaseException as exc:  # noqa: BLE001 - everything must reach the parent as one line
        outcome = ("error", JobFailed(f"{type(exc).__name__}: {exc}"))
    try:
        try:
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an unpicklable answer
            data = pickle.dumps(("error", JobFailed(f"cannot send the answer back ({exc})")))
        view = memoryview(data)
        while view:
            view = view[os.write(write_end, view):]
    finally:
        os._exit(0)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def run_sandboxed(function: Callable[..., T], *args, timeout: float | None,
                  memory: float | None = DEFAULT_MEMORY_SHARE, require_blocked: bool = False) -> T:
    """Run ``function(*args)`` in a forked child with no network, and return what it returns.

    Args:
        function: what to run; its answer must pickle.
        args: its arguments (the child has a copy of this process's memory, so anything goes).
        timeout: seconds to wait before the child is killed; None waits for ever.
        memory: the child's memory cap, as a share of the machine's memory, on top of what
            it starts with; None for no cap.
        require_blocked: answer False at once where the network cannot be blocked (for
            :func:`network_can_be_blocked`).

    Raises:
        TimeLimitExceeded: when the time limit passed.
        JobFailed: when the child died without an answer, or raised an unexpected error.
        GraphbuildError: the error the function raised.
        KeyboardInterrupt: on Ctrl-C, once the child is killed.
    """
    if not hasattr(os, "fork"):  # no fork (Windows): run here, unbounded
        return function(*args)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, which never returns
        os.close(read_end)
        _child(write_end, function, args, memory, require_blocked)
    os.close(write_end)
    deadline = None if timeout is None else time.monotonic() + timeout
    chunks: list[bytes] = []
    try:
        while True:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([read_end], [], [], wait)
            if not ready:
                _kill(pid)
                raise TimeLimitExceeded(f"stopped after {timeout:g} s")
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    except BaseException:
        _kill(pid)
        raise
    finally:
        os.close(read_end)
    _, status = os.waitpid(pid, 0)
    if not chunks:
        if os.WIFSIGNALED(status):
            name = signal.Signals(os.WTERMSIG(status)).name
            raise JobFailed(f"its process ended on {name}" + (" (out of memory?)" if name in ("SIGABRT", "SIGKILL",
                                                                                         "SIGSEGV") else ""))
        raise JobFailed(f"its process ended with status {os.WEXITSTATUS(status)} and no answer")
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "error":
        raise value
    return value
