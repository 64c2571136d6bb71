"""The kernels a build runs its notebooks in: ready means both channels deliver, and they are
stopped however the build ends."""

import pytest

from analysis.speed import kernels


@pytest.fixture()
def kernel(tmp_path):
    notebook = tmp_path / "n.py"
    notebook.write_text("# %%\nimport json\n", encoding="utf-8")
    running = kernels.start([[notebook]], {})
    yield running[0]
    kernels.stop(running)


def test_a_ready_client_misses_no_output(kernel):
    """After wait_for_ready the IOPub subscription is in place: every message of the next
    request arrives, for every new client. They are collected, not compared in sequence: one
    run saw this request's 'idle' status arrive before its 'busy'."""
    for _ in range(3):
        client = kernel.manager.client()
        assert isinstance(client, kernels.PromptClient)
        client.start_channels()
        try:
            client.wait_for_ready(timeout=60)
            msg_id = client.execute("1 + 1")
            seen = set()
            while len(seen) < 4:  # a missed message ends this with queue.Empty
                msg = client.get_iopub_msg(timeout=10)
                if msg["parent_header"].get("msg_id") == msg_id:
                    seen.add((msg["msg_type"], msg["content"].get("execution_state")))
            assert seen == {("status", "busy"), ("execute_input", None), ("execute_result", None), ("status", "idle")}
        finally:
            client.stop_channels()


def test_waiting_for_a_dead_kernel_fails_instead_of_hanging(kernel):
    client = kernel.manager.client()
    client.start_channels()
    kernel.manager.shutdown_kernel(now=True)
    try:
        with pytest.raises(RuntimeError, match="died"):
            client.wait_for_ready(timeout=60)
    finally:
        client.stop_channels()


def test_kernels_stopped_in_the_background_are_gone_after_join(kernel):
    kernels.stop_in_background([kernel]).join()
    assert not kernel.manager.has_kernel
