"""Notebook kernels, started as soon as a build knows it must execute anything.

A kernel spends seconds importing pandas and the analysis code before it can run a cell. Started
first, and told to run its notebook's import statements at once, it does so while the builder
prepares the dataset and imports papermill and nbconvert; the notebook's own imports then find
the modules loaded. This module stays light (jupyter_client only)."""

from __future__ import annotations

import ast
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from queue import Empty

from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.manager import KernelManager
from traitlets import CaselessStrEnum, default

IOPUB_STEP = 0.02  # seconds to wait for IOPub before asking the kernel again
RUNTIME_PREFIX = "report-kernel-"  # then the builder's pid: a kernel's sockets and connection file


class PromptClient(BlockingKernelClient):
    """A client that is ready as soon as the kernel answers on both channels.

    Ready means: the kernel replied to kernel_info, and IOPub delivers (the kernel's status
    messages arrive). jupyter_client waits 0.2 s for an IOPub message after the first reply, and
    a client that has just connected usually misses it (a ZeroMQ subscription takes a moment
    to reach the kernel), so every notebook after the first lost 0.2 s. This asks again every
    IOPUB_STEP seconds instead."""

    def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (60.0 if timeout is None else timeout)
        while time.monotonic() < deadline:
            self.kernel_info()
            try:
                self.get_shell_msg(timeout=1.0)  # a kernel still importing answers later
                self.get_iopub_msg(timeout=IOPUB_STEP)
                return
            except Empty:
                if not self.is_alive():
                    raise RuntimeError("the kernel died before it replied to kernel_info") from None
        raise RuntimeError(f"the kernel did not reply within {timeout} seconds")


class IPCKernelManager(KernelManager):
    """Kernels talk over local sockets, not TCP ports: kernels started side by side cannot
    race for a port (jupyter_client picks TCP ports before the kernel binds them). Their
    clients are PromptClients. The sockets and the connection file are in a temporary folder
    named after the builder's pid (see `runtime_folder`)."""

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    @default("client_factory")
    def _prompt_client(self) -> type:
        return PromptClient



def imports_of(notebook: Path) -> list[str]:
    """The import statements of a notebook (a jupytext percent file is plain Python)."""
    tree = ast.parse(Path(notebook).read_text(encoding="utf-8"))
    return [ast.unparse(node) for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]


@dataclass
class Kernel:
    """A running kernel and the notebooks it runs, one after another."""

    manager: IPCKernelManager
    notebooks: list[Path]


def plan(notebooks: list[Path], cores: int | None = None) -> list[list[Path]]:
    """Notebooks shared out among kernels. The builder keeps one core busy (it imports papermill
    and nbconvert, then renders), so n cores get n - 1 kernels, at least one. On two cores one
    kernel running both notebooks measured faster than two kernels competing for the core the
    builder leaves (a parameter change: median 1.77 s against 1.93 s, and 2.2 s of CPU against
    2.6 s)."""
    n = max(1, min(len(notebooks), (cores or os.cpu_count() or 1) - 1))
    return [notebooks[i::n] for i in range(n)]


def runtime_folder() -> Path:
    """A new folder for a kernel's sockets and connection file. A killed builder cannot remove
    its own; the next build removes those of builders no longer running. (A kernel stops
    within a second of its builder: ipykernel watches the pid jupyter_client gives it.)"""
    root = Path(tempfile.gettempdir())
    for folder in root.glob(f"{RUNTIME_PREFIX}*-*"):
        pid = folder.name[len(RUNTIME_PREFIX):].split("-")[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{RUNTIME_PREFIX}{os.getpid()}-", dir=root))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's
        return True
    return True


def start(groups: list[list[Path]], env: dict[str, str]) -> list[Kernel]:
    """One kernel per group, in the folder of its first notebook (as in Jupyter), running the
    import statements of its notebooks."""
    kernels: list[Kernel] = []
    try:
        for notebooks in groups:
            folder = runtime_folder()
            km = IPCKernelManager(kernel_name="python3", ip=str(folder / "ipc"),
                                  connection_file=str(folder / "kernel.json"))
            imports = list(dict.fromkeys(line for path in notebooks for line in imports_of(path)))
            km.start_kernel(cwd=str(notebooks[0].parent), env={**os.environ, **env},
                            extra_arguments=[f"--IPKernelApp.exec_lines={imports!r}",
                                             "--HistoryManager.enabled=False"])  # no history database to open
            kernels.append(Kernel(km, notebooks))
    except BaseException:
        stop(kernels)
        raise
    return kernels


def fresh_namespace(kernel: Kernel, notebook: Path) -> None:
    """Before a kernel's next notebook: an empty namespace (imported modules stay loaded) in
    that notebook's folder, so the notebook runs as it would in a kernel of its own."""
    client = kernel.manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)  # IOPub connected: the reply's idle status cannot be missed
        reply = client.execute_interactive(
            f"get_ipython().run_line_magic('reset', '-f'); __import__('os').chdir({str(notebook.parent)!r})",
            silent=True, store_history=False, timeout=60)
    finally:
        client.stop_channels()
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"could not reset the kernel before {notebook.name}: {reply['content']}")


def stop_in_background(kernels: list[Kernel]) -> threading.Thread:
    """Shut the kernels down while the builder goes on (jupyter_client waits for a killed kernel
    in 0.1 s steps); join the thread before finishing."""
    thread = threading.Thread(target=stop, args=(kernels,), name="stop-kernels")
    thread.start()
    return thread


def stop(kernels: list[Kernel]) -> None:
    for kernel in kernels:
        if kernel.manager.has_kernel:
            kernel.manager.shutdown_kernel(now=True)
        shutil.rmtree(Path(kernel.manager.ip).parent, ignore_errors=True)
