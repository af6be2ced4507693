"""The load client's framing (benchmarks/wsclient.py) on messages built in the test, and the nginx variant the
capacity benchmark derives from deploy/nginx.conf. The same client against a real server:
tests/integration/test_bench_wsclient_server.py."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks import capacity, wsclient


def test_a_rerun_request_is_one_backmsg_with_the_page_and_its_query():
    msg = BackMsg()
    msg.ParseFromString(wsclient.rerun_request("partner", "partner=KZ&year=2022"))
    assert msg.WhichOneof("type") == "rerun_script"
    assert msg.rerun_script.page_name == "partner"
    assert msg.rerun_script.query_string == "partner=KZ&year=2022"


def test_a_server_frame_is_one_forwardmsg_and_text_frames_are_refused():
    sent = ForwardMsg()
    sent.script_finished = wsclient.DONE
    assert wsclient.parse(sent.SerializeToString()).script_finished == wsclient.DONE
    with pytest.raises(ValueError):
        wsclient.parse("not binary")


def test_a_run_counts_elements_and_records_exceptions_and_missing_pages():
    run = wsclient.Run("goods")
    chart = ForwardMsg()
    chart.delta.new_element.plotly_chart.spec = "{}"
    boom = ForwardMsg()
    boom.delta.new_element.exception.type = "KeyError"
    boom.delta.new_element.exception.message = "'year'"
    missing = ForwardMsg()
    missing.page_not_found.page_name = "nowhere"
    for m in (chart, chart, boom, missing):
        run.note(m)
    assert run.messages == 4 and run.deltas == 3
    assert run.elements == {"plotly_chart": 2, "exception": 1}
    assert run.errors == ["exception: KeyError: 'year'", "page not found: nowhere"]


def test_the_bench_nginx_sticks_by_cookie_and_is_valid(tmp_path: Path):
    conf = capacity.nginx_conf(tmp_path, 18080, [18501, 18502])
    site = (tmp_path / "site.conf").read_text(encoding="utf-8")
    assert "ip_hash;" not in site and f"hash $cookie_{capacity.STICKY_COOKIE};" in site
    assert "127.0.0.1:18501" in site and "127.0.0.1:18502" in site and "listen 127.0.0.1:18080;" in site
    r = subprocess.run([str(capacity.NGINX), "-t", "-c", str(conf), "-e", str(tmp_path / "error.log")],
                       capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, r.stderr
