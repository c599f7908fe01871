"""`serve --auth`: every route, the app, its API and the documents, wants the user and password."""
from __future__ import annotations

import base64
import sys
import urllib.error
import urllib.request

import pytest

from tests.conftest import free_port, running, write_letters

pytestmark = [pytest.mark.slow, pytest.mark.server]


def status(url: str, user_password: str | None = None) -> int:
    headers = {"Authorization": "Basic " + base64.b64encode(user_password.encode()).decode()} if user_password else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def test_sign_in_is_required_everywhere(tmp_path):
    from gradio_client import Client

    write_letters(tmp_path / "docs")
    port, good = free_port(), "alice:s3cret ünïcode"
    url = f"http://127.0.0.1:{port}/"
    header = {"Authorization": "Basic " + base64.b64encode(good.encode()).decode()}
    env = {"ASSISTANT_STORE__INDEX_DIR": str(tmp_path / "index"), "ASSISTANT_AUTH": good}
    with running([sys.executable, "-m", "assistant", "serve", "--port", str(port)], url, tmp_path / "serve.log",
                 env, headers=header):
        assert status(url) == 401
        assert status(url, "alice:wrong") == 401
        assert status(url + "doc/" + "0" * 64) == 401
        assert status(url + "gradio_api/info") == 401
        assert status(url, good) == 200
        assert status(url + "doc/" + "0" * 64, good) == 404  # past the sign-in: not a library document
        client = Client(url, headers=header, verbose=False)
        assert client.predict(api_name="/documents") is not None
