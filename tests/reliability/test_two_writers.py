"""Two writers on one embedded index: the second ingest or delete is refused at once with a clear line."""
from __future__ import annotations

import json
import os

import pytest

from tests.assistant.test_cli import cli

pytestmark = pytest.mark.slow


def test_a_second_writer_on_one_index_is_refused_with_a_clear_line(tmp_path, letters, library_factory):
    index = tmp_path / "index"  # library_factory's index: the same folder the CLI is pointed at
    holder = library_factory()
    with holder.writing():  # this process is writing; a second process must not
        run = cli("ingest", letters, index=index)
        assert run.returncode == 2
        assert f"error: {index} is being changed by process {os.getpid()}" in run.stderr
        gone = cli("delete", "focused visit.txt", index=index)
        assert gone.returncode == 2 and "being changed" in gone.stderr
    done = cli("ingest", letters, "--json", index=index)  # the writer finished: the next one goes ahead
    assert done.returncode == 0, done.stderr
    assert {o["status"] for o in json.loads(done.stdout)} == {"added"}
